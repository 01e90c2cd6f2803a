// linkRecords on degenerate inputs: nothing, one record, one source, nameless records.
import { describe, expect, it } from 'vitest';
import { linkRecords } from '../../src/match/index.js';
import { makeRecords } from './helpers.js';

describe('linkRecords on degenerate inputs', () => {
  it('handles no records', () => {
    const r = linkRecords([], {});
    expect(r.clusters).toEqual([]);
    expect(r.personIds).toEqual([]);
    expect(r.links).toEqual([]);
    expect(r.stats.candidatePairs).toBe(0);
    expect(r.threshold).toBeGreaterThanOrEqual(0.5);
  });

  it('refuses a threshold that is not a probability', () => {
    expect(() => linkRecords([], { threshold: 1.5 })).toThrow(/between 0 and 1/);
  });

  it('handles one record', () => {
    const recs = makeRecords([{ source: 'a', person: '1', name: 'Ахметов Ерлан', age: 30 }]);
    const r = linkRecords(recs, { eventDate: '2022-01-05' });
    expect(r.clusters).toEqual([[0]]);
    expect(r.personIds).toHaveLength(1);
  });

  it('keeps every record of a duplicate-free single source apart', () => {
    const recs = makeRecords([
      { source: 'a', person: '1', name: 'Ахметов Ерлан', age: 30 },
      { source: 'a', person: '2', name: 'Ахметов Ерлан', age: 30 },
    ]);
    const r = linkRecords(recs, { uniqueSources: ['a'] });
    expect(r.clusters).toEqual([[0], [1]]);
    expect(r.stats.candidatePairs).toBe(0);
  });

  it('leaves nameless records alone unless a decision joins them', () => {
    const recs = makeRecords([
      { source: 'a', person: '1', name: '—', age: 30, dateOfDeath: '2022-01-05', place: 'almaty' },
      { source: 'b', person: '1', name: '?', age: 30, dateOfDeath: '2022-01-05', place: 'almaty' },
    ]);
    expect(linkRecords(recs, {}).clusters).toEqual([[0], [1]]);
    const decided = linkRecords(recs, { decisions: [{ a: 'a:1', b: 'b:1', decision: 'match' }] });
    expect(decided.clusters).toEqual([[0, 1]]);
    const ignored = linkRecords(recs, { decisions: [{ a: 'a:1', b: 'zz:9', decision: 'match' }] });
    expect(ignored.stats.decisionsIgnored).toBe(1);
  });
});
