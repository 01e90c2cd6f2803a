// Stable person ids: deterministic hashing, and carry-over from an earlier run (splits, merges, new persons).
import { describe, expect, it } from 'vitest';
import { assignPersonIds, hashId } from '../../src/match/person-ids.js';

describe('hashId', () => {
  it('is P- and 6 Crockford base32 characters, deterministic', () => {
    const id = hashId('media:1');
    expect(id).toMatch(/^P-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(hashId('media:1')).toBe(id);
    expect(hashId('media:2')).not.toBe(id);
  });
});

describe('assignPersonIds', () => {
  it('hashes the smallest record key of each person, whatever the order of clusters and keys', () => {
    const ids = assignPersonIds([['ngo:3', 'media:10'], ['media:2']]);
    expect(ids).toEqual([hashId('media:10'), hashId('media:2')]);
    expect(assignPersonIds([['media:2'], ['media:10', 'ngo:3']])).toEqual([hashId('media:2'), hashId('media:10')]);
  });

  it('uses numeric row order for the smallest key (media:2 before media:10)', () => {
    expect(assignPersonIds([['media:10', 'media:2']])).toEqual([hashId('media:2')]);
  });

  it('carries ids over a source update: kept, merged, split and new persons', () => {
    const previous = new Map([
      ['media:1', 'P-AAAAAA'],
      ['ngo:1', 'P-AAAAAA'],
      ['media:2', 'P-BBBBBB'],
      ['media:3', 'P-CCCCCC'],
      ['ngo:2', 'P-CCCCCC'],
      ['ngo:3', 'P-CCCCCC'],
      ['media:4', 'P-DDDDDD'],
      ['media:5', 'P-EEEEEE'],
    ]);
    const clusters = [
      ['media:1', 'ngo:1', 'extra:1'], // kept, grew by a new record
      ['media:3', 'ngo:2'], // larger part of a split keeps the id
      ['ngo:3'], // smaller part of the split: new id
      ['media:4', 'media:5', 'media:2'], // three earlier persons merged: a tie of one record each
      ['extra:2'], // new person
    ];
    const ids = assignPersonIds(clusters, previous);
    expect(ids[0]).toBe('P-AAAAAA');
    expect(ids[1]).toBe('P-CCCCCC');
    expect(ids[2]).toBe(hashId('ngo:3'));
    // tie between B, D and E: the id whose smallest record key is smallest (media:2) wins
    expect(ids[3]).toBe('P-BBBBBB');
    expect(ids[4]).toBe(hashId('extra:2'));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('a merge keeps the id that brings most records', () => {
    const previous = new Map([
      ['a:1', 'P-000001'],
      ['b:1', 'P-000002'],
      ['c:1', 'P-000002'],
    ]);
    expect(assignPersonIds([['a:1', 'b:1', 'c:1']], previous)).toEqual(['P-000002']);
  });

  it('never hands out an earlier id to a new person', () => {
    const previous = new Map([['gone:1', hashId('new:1')]]);
    const ids = assignPersonIds([['new:1']], previous);
    expect(ids[0]).not.toBe(hashId('new:1'));
    expect(ids[0]).toBe(hashId('new:1#1'));
  });

  it('is unchanged when nothing changed', () => {
    const clusters = [['m:1', 'n:4'], ['m:2'], ['n:1', 'n:2']];
    const first = assignPersonIds(clusters);
    const previous = new Map<string, string>();
    clusters.forEach((c, i) => c.forEach((k) => previous.set(k, first[i])));
    expect(assignPersonIds(clusters, previous)).toEqual(first);
  });
});
