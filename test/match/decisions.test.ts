// Parsing of the clerical decisions file rows.
import { describe, expect, it } from 'vitest';
import { ReconError } from '../../src/core/errors.js';
import { parseDecisions } from '../../src/match/decisions.js';

describe('parseDecisions', () => {
  it('reads match and distinct, skips undecided rows, keeps notes; the last word on a pair wins', () => {
    const rows = [
      { record_a: 'media:3', record_b: 'ngo:7', decision: 'match', note: 'same father', decided_at: '2024-01-01' },
      { record_a: 'media:4', record_b: 'ngo:8', decision: '' },
      { record_a: 'media:5', record_b: 'ngo:9', decision: 'Distinct' },
      { record_a: 'ngo:7', record_b: 'media:3', decision: 'different' },
    ];
    expect(parseDecisions(rows, 'd.csv')).toEqual([
      { a: 'media:5', b: 'ngo:9', decision: 'distinct' },
      { a: 'ngo:7', b: 'media:3', decision: 'distinct' },
    ]);
  });

  it('names the file and line of a bad row', () => {
    try {
      parseDecisions([{ record_a: 'media:3', record_b: 'ngo:7', decision: 'maybe' }], 'd.csv');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ReconError);
      expect((e as ReconError).format()).toBe('d.csv:2: decision must be "match" or "distinct" (found "maybe")');
    }
    expect(() => parseDecisions([{ record_a: 'media', record_b: 'ngo:7', decision: 'match' }], 'd.csv')).toThrow(/source:row/);
  });
});
