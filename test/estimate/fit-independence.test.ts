// Log-linear fits share scratch space: a fit's result must not depend on the fits made before it.
import { describe, expect, it } from 'vitest';
import { makeCaptureTable } from '../../src/estimate/capture-table.js';
import { fitLogLinear, type Term } from '../../src/estimate/log-linear.js';

const three = makeCaptureTable(['P', 'Q', 'E'], { '100': 59, '010': 35, '001': 24, '110': 28, '101': 10, '011': 8, '111': 20 });
const five = makeCaptureTable(['A', 'B', 'C', 'D', 'E'], {
  '10000': 120, '01000': 95, '00100': 60, '00010': 41, '00001': 33, '11000': 30, '10100': 22, '01100': 14, '10010': 12,
  '00011': 9, '11100': 8, '11010': 5, '10001': 6, '01010': 4, '00110': 7, '11111': 3, '01001': 2, '00101': 3,
});

describe('log-linear fits in a row', () => {
  it('give each model the same result whatever was fitted before it (other sizes, other tables, profile fits)', () => {
    const runs: Array<() => ReturnType<typeof fitLogLinear>> = [
      () => fitLogLinear(three, [[0, 1]]),
      () => fitLogLinear(five, [[0, 1], [2, 3]] as Term[]),
      () => fitLogLinear(five, [], undefined, 'darroch'),
      () => fitLogLinear(three, [[0, 1], [0, 2], [1, 2]]),
      () => fitLogLinear(three, [[0, 1]], 150),
      () => fitLogLinear(five, [[0, 1]], 400, null, fitLogLinear(five, [[0, 1]]).fitted),
    ];
    const first = runs.map((run) => run());
    // The same fits again, in reverse order, and each once more straight after a fit of another size.
    const reversed = [...runs].reverse().map((run) => run()).reverse();
    const interleaved = runs.map((run, i) => {
      runs[(i + 1) % runs.length]();
      return run();
    });
    expect(first.every((f) => f.ok)).toBe(true);
    expect(reversed).toEqual(first);
    expect(interleaved).toEqual(first);
  });
});
