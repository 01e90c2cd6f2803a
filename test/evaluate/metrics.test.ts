import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateLinkage, type PredictedRow, type TruthRow } from '../../src/evaluate/metrics.js';

const truthOf = (spec: Array<[string, string, string?]>): TruthRow[] =>
  spec.map(([key, personId, script]) => (script ? { key, personId, script } : { key, personId }));
const predOf = (spec: Array<[string, string, string?]>): PredictedRow[] =>
  spec.map(([key, personId, name]) => ({ key, personId, status: personId === '' ? 'rejected' : 'linked', name: name ?? key }));

describe('evaluateLinkage on hand-computed examples', () => {
  // True persons: P1 = {a:1, a:2, a:3}, P2 = {b:1, b:2}. Predicted: X = {a:1, a:2}, Y = {a:3, b:1, b:2}.
  const truth = truthOf([
    ['a:1', 'P1'],
    ['a:2', 'P1'],
    ['a:3', 'P1'],
    ['b:1', 'P2'],
    ['b:2', 'P2'],
  ]);
  const pred = predOf([
    ['a:1', 'X'],
    ['a:2', 'X'],
    ['a:3', 'Y'],
    ['b:1', 'Y'],
    ['b:2', 'Y'],
  ]);

  it('counts pairwise precision and recall', () => {
    const e = evaluateLinkage(truth, pred);
    // true pairs C(3,2)+C(2,2) = 4; predicted 1+3 = 4; correct: X∩P1 1 + Y∩P2 1 = 2.
    expect(e.pairwise).toMatchObject({ truePairs: 4, predictedPairs: 4, correctPairs: 2, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(e.truePersons).toBe(2);
    expect(e.predictedPersons).toBe(2);
  });

  it('computes B-cubed', () => {
    const e = evaluateLinkage(truth, pred);
    // precision per record: 1, 1, 1/3, 2/3, 2/3; recall: 2/3, 2/3, 1/3, 1, 1.
    expect(e.bcubed.precision).toBeCloseTo((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5, 12);
    expect(e.bcubed.recall).toBeCloseTo((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5, 12);
    expect(e.bcubed.f1).toBeCloseTo(11 / 15, 12);
  });

  it('lists the false merge and the missed link with names', () => {
    const e = evaluateLinkage(truth, pred);
    expect(e.falseMerges).toEqual([
      {
        predictedPersonId: 'Y',
        truePersons: 2,
        wrongPairs: 2,
        records: [
          { key: 'a:3', name: 'a:3', truePersonId: 'P1', predictedPersonId: 'Y' },
          { key: 'b:1', name: 'b:1', truePersonId: 'P2', predictedPersonId: 'Y' },
          { key: 'b:2', name: 'b:2', truePersonId: 'P2', predictedPersonId: 'Y' },
        ],
      },
    ]);
    expect(e.missedLinks.map((m) => [m.truePersonId, m.predictedPersons, m.missedPairs])).toEqual([['P1', 2, 2]]);
  });

  it('scores a perfect linkage 1 everywhere and all-singletons with recall 0', () => {
    const perfect = evaluateLinkage(truth, predOf(truth.map((t) => [t.key, 'x' + t.personId])));
    expect([perfect.pairwise.f1, perfect.bcubed.f1]).toEqual([1, 1]);
    const singles = evaluateLinkage(truth, predOf(truth.map((t) => [t.key, 'x' + t.key])));
    expect(singles.pairwise).toMatchObject({ predictedPairs: 0, precision: 1, recall: 0, f1: 0 });
    expect(singles.bcubed.precision).toBe(1);
    expect(singles.bcubed.recall).toBeCloseTo((1 / 3) * (3 / 5) + (1 / 2) * (2 / 5), 12);
  });

  it('counts rejected and missing records as singletons and lists the rejected', () => {
    const e = evaluateLinkage(truth, [
      ...predOf([['a:1', 'X'], ['a:2', 'X', 'Ахметов Е.'], ['b:1', 'Y'], ['b:2', 'Y']]),
      { key: 'a:3', personId: '', status: 'rejected', name: 'неизвестно' },
    ]);
    expect(e.rejected).toBe(1);
    expect(e.rejectedRecords).toEqual([{ key: 'a:3', name: 'неизвестно', truePersonId: 'P1' }]);
    expect(e.pairwise).toMatchObject({ truePairs: 4, predictedPairs: 2, correctPairs: 2 });
    expect(e.predictedPersons).toBe(3);
    const missing = evaluateLinkage(truth, predOf([['a:1', 'X'], ['a:2', 'X'], ['z:9', 'X']]));
    expect(missing.warnings).toEqual([
      '3 truth record(s) not found in the records file; counted as singletons',
      '1 record(s) of the records file are not in the truth; ignored',
      'the truth has no script column (or empty values): no per-script results',
    ]);
    expect(missing.pairwise).toMatchObject({ predictedPairs: 1, correctPairs: 1 });
  });
});

describe('per script pair', () => {
  it('splits pairs by the scripts of their two records', () => {
    const truth = truthOf([
      ['kk:1', 'P1', 'kk-cyrl'],
      ['ru:1', 'P1', 'ru-cyrl'],
      ['en:1', 'P1', 'latin-en'],
      ['kk:2', 'P2', 'kk-cyrl'],
      ['ru:2', 'P2', 'ru-cyrl'],
      ['ru:3', 'P3', 'ru-cyrl'],
    ]);
    // P1's Latin record is missed; P3 is wrongly merged into P2.
    const pred = predOf([
      ['kk:1', 'A'],
      ['ru:1', 'A'],
      ['en:1', 'B'],
      ['kk:2', 'C'],
      ['ru:2', 'C'],
      ['ru:3', 'C'],
    ]);
    const e = evaluateLinkage(truth, pred);
    const get = (a: string, b: string) => e.byScriptPair.find((s) => s.a === a && s.b === b);
    expect(get('kk-cyrl', 'ru-cyrl')).toMatchObject({ truePairs: 2, predictedPairs: 3, correctPairs: 2, recall: 1 });
    expect(get('kk-cyrl', 'ru-cyrl')?.precision).toBeCloseTo(2 / 3, 12);
    expect(get('kk-cyrl', 'latin-en')).toMatchObject({ truePairs: 1, predictedPairs: 0, correctPairs: 0, precision: 1, recall: 0 });
    expect(get('latin-en', 'ru-cyrl')).toMatchObject({ truePairs: 1, correctPairs: 0, recall: 0 });
    expect(get('ru-cyrl', 'ru-cyrl')).toMatchObject({ truePairs: 0, predictedPairs: 1, correctPairs: 0, precision: 0 });
    const sum = e.byScriptPair.reduce((a, s) => a + s.truePairs, 0);
    expect(sum).toBe(e.pairwise.truePairs);
  });
});

describe('blocking recall and relations', () => {
  const truth = truthOf([
    ['a:1', 'P1'],
    ['b:1', 'P1'],
    ['c:1', 'P1'],
    ['a:2', 'P2'],
    ['b:2', 'P2'],
    ['a:3', 'P3'],
    ['a:4', 'P4'],
  ]);

  it('counts true pairs among the candidate pairs once each', () => {
    const e = evaluateLinkage(truth, predOf(truth.map((t) => [t.key, t.personId])), {
      pairs: [
        ['a:1', 'b:1'],
        ['b:1', 'a:1'],
        ['b:1', 'c:1'],
        ['a:2', 'a:3'],
        ['a:2', 'a:2'],
        ['x:1', 'a:1'],
      ],
    });
    // True pairs: P1 has 3, P2 has 1 → 4; covered: a1-b1, b1-c1.
    expect(e.blocking).toEqual({
      candidatePairs: 5,
      truePairs: 4,
      coveredTruePairs: 2,
      recall: 0.5,
      unknownPairs: 1,
      missed: [
        { truePersonId: 'P1', a: { key: 'a:1', name: 'a:1' }, b: { key: 'c:1', name: 'c:1' } },
        { truePersonId: 'P2', a: { key: 'a:2', name: 'a:2' }, b: { key: 'b:2', name: 'b:2' } },
      ],
    });
  });

  it('reports relatives and namesakes put into one person', () => {
    const pred = predOf([
      ['a:1', 'X'],
      ['b:1', 'X'],
      ['c:1', 'X'],
      ['a:2', 'X'],
      ['b:2', 'X'],
      ['a:3', 'Y'],
      ['a:4', 'Z'],
    ]);
    const e = evaluateLinkage(truth, pred, {
      relations: [
        { personId: 'P1', familyId: 'F1' },
        { personId: 'P2', familyId: 'F1' },
        { personId: 'P3', familyId: 'F2' },
        { personId: 'P4', familyId: 'F2', similarTo: 'P3', similarKind: 'namesake' },
        { personId: 'P9', familyId: 'F2' },
      ],
    });
    expect(e.relatives).toEqual({ pairs: 2, merged: 1, examples: [{ a: 'P1', b: 'P2', kind: 'F1' }] });
    expect(e.namesakes).toEqual({ pairs: 1, merged: 0, examples: [] });
  });
});

describe('pairwise counts equal a naive enumeration of pairs', () => {
  it('on random partitions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 30 }),
        (cells) => {
          const truth = cells.map(([t], i) => ({ key: `s:${i + 1}`, personId: `T${t}` }));
          const pred = cells.map(([, p], i) => ({ key: `s:${i + 1}`, personId: `Q${p}`, status: 'linked', name: '' }));
          let tp = 0;
          let pp = 0;
          let cp = 0;
          for (let i = 0; i < cells.length; i++) {
            for (let j = i + 1; j < cells.length; j++) {
              const sameT = cells[i][0] === cells[j][0];
              const sameP = cells[i][1] === cells[j][1];
              if (sameT) tp++;
              if (sameP) pp++;
              if (sameT && sameP) cp++;
            }
          }
          const e = evaluateLinkage(truth, pred);
          expect([e.pairwise.truePairs, e.pairwise.predictedPairs, e.pairwise.correctPairs]).toEqual([tp, pp, cp]);
        },
      ),
      { numRuns: 200, seed: 42 },
    );
  });
});

describe('splitCsv', () => {
  it('reads quotes, doubled quotes, embedded newlines, CRLF and a BOM, with start lines', async () => {
    const { splitCsv } = await import('../../src/evaluate/parse.js');
    const text = '\ufeffa,b,c\r\n1,"x, ""y""",3\r\n2,"multi\nline",\n\n4,,"z"\n';
    expect(splitCsv(text, 'f.csv')).toEqual({
      rows: [
        ['a', 'b', 'c'],
        ['1', 'x, "y"', '3'],
        ['2', 'multi\nline', ''],
        ['4', '', 'z'],
      ],
      lines: [1, 2, 3, 6],
    });
  });

  it('names the line of an unclosed quote', async () => {
    const { splitCsv } = await import('../../src/evaluate/parse.js');
    expect(() => splitCsv('a,b\n1,"open\n2,3\n', 'f.csv')).toThrow('unbalanced quote: a field opened with " on line 2 is never closed');
  });
});

describe('parsePairsCsv', () => {
  it('yields pairs lazily and names a bad line', async () => {
    const { parsePairsCsv } = await import('../../src/evaluate/parse.js');
    const pairs = parsePairsCsv('\ufeffrecord_a,record_b,score\r\nmedia:1,ngo:2,0.9\r\n"media:3","ngo:4",1\r\n\r\n', 'p.csv');
    expect(Array.from(pairs)).toEqual([
      ['media:1', 'ngo:2'],
      ['media:3', 'ngo:4'],
    ]);
    expect(() => Array.from(parsePairsCsv('record_a,record_b\nmedia:1,ngo:2\nmedia1,ngo2\n', 'p.csv'))).toThrow(
      'expected two record keys like media:12, got "media1" and "ngo2"',
    );
    expect(() => parsePairsCsv('a,b\n', 'p.csv')).toThrow('missing column "record_a" (found: a, b)');
  });
});
