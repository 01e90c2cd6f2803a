// The hand-written CSV writer gives byte for byte what csv-stringify gave with the options the outputs used, on
// tricky hand-picked cells and on random ones (quotes, delimiters, line breaks, spaces at the ends, Cyrillic).
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { neutralizeCell, toCsv } from '../../src/report/csv.js';

function reference(header: string[], rows: Array<Array<string | number | undefined>>, delimiter = ',', neutralize = true, bom = false): string {
  const data = rows.map((r) => r.map((c) => {
    const s = c === undefined ? '' : String(c);
    return neutralize ? neutralizeCell(s) : s;
  }));
  const body = stringify([header, ...data], { delimiter, record_delimiter: '\n', quoted_match: /^\s|\s$|\r/ });
  return (bom ? '\uFEFF' : '') + body;
}

const cells = ['', 'a', 'Ахметов Ерлан', 'x,y', 'x;y', 'x\ty', '"', 'a"b', ' lead', 'trail ', '\u00a0nbsp', 'a\nb', 'a\r\nb', 'a\rb', '=1+2', '-3', '-x', '@x', '\tx', "'q", '0.9876', 'P-ABC123'];

describe('toCsv', () => {
  it.each([',', ';', '\t'])('writes what csv-stringify wrote, delimiter %j', (delimiter) => {
    const header = ['source', 'row', 'name with space ', 'a,b'];
    const rows = cells.map((c, i) => [c, i, cells[(i * 7) % cells.length], undefined]);
    for (const neutralize of [true, false]) {
      for (const bom of [true, false]) {
        expect(toCsv(header, rows, { delimiter, neutralize, bom })).toBe(reference(header, rows, delimiter, neutralize, bom));
      }
    }
  });

  it('writes a header alone as one line', () => {
    expect(toCsv(['a', 'b'], [])).toBe('a,b\n');
  });

  it('matches csv-stringify on random cells', () => {
    const piece = fc.constantFrom('a', 'Ә', ' ', ',', ';', '\t', '"', '\n', '\r', '=', '-', '@', '1', '.', '\u00a0');
    const cell = fc.array(piece, { maxLength: 8 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 6 }), fc.constantFrom(',', ';', '\t'), (rows, delimiter) => {
        const header = ['h1', 'h 2', 'h,3', 'h"4'];
        expect(toCsv(header, rows, { delimiter })).toBe(reference(header, rows, delimiter));
      }),
      { numRuns: 300, seed: 20220105 },
    );
  });
});
