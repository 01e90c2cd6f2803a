// Properties of the names engine on generated input: never throws, symmetric comparison, ASCII keys, idempotent folding.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { compareNames, foldText, nameBlockingKeys, parseName } from '../../src/names/index.js';
import type { NameComparison } from '../../src/names/index.js';
import { skeletonDistance, skeletonDistanceLowerBound } from '../../src/names/similarity.js';

const pieces = [
  'Тоқаев', 'Токаев', 'Tokayev', 'Қасым-Жомарт', 'Kassym-Jomart', 'Кемелұлы', 'Кемелевич', 'Назарбаева', 'Nazarbayev',
  'Ахметов', 'Ерлан', 'Yerlan', 'Серік', 'Серикович', 'ұлы', 'К.-Ж.К.', 'Е.', 'Zh.', 'Жанна', 'Janna', 'Schanna', 'Ɵмір',
  'AXMETOB', 'Момышұлы', 'Noursoultan', 'Tokajew', 'Ким', 'Цой', 'Ли', '-', '.', "'", '\u00AD', '\u200B', '0',
];
const nameLike = fc.array(fc.constantFrom(...pieces), { minLength: 0, maxLength: 7 }).map((ws) => ws.join(' '));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }), nameLike);

function flip(e: string): string {
  const m = /^([^:]+): (.*) ~ (.*) \(([^)]*)\)$/.exec(e);
  return m ? `${m[1]}: ${m[3]} ~ ${m[2]} (${m[4]})` : e;
}

function withoutEvidence(c: NameComparison): Omit<NameComparison, 'evidence'> {
  const { evidence: _e, ...rest } = c;
  return rest;
}

describe('names engine properties', () => {
  test.prop([anyText])('parseName never throws and keys are ASCII', (s) => {
    const p = parseName(s);
    for (const t of p.tokens) {
      expect(t.canon).toMatch(/^[a-z-]*$/);
      expect(t.skel).toMatch(/^[A-Za-z*]*$/);
    }
    const keys = nameBlockingKeys(p);
    expect(keys).toEqual([...new Set(keys)].sort());
    if (p.empty) expect(keys).toEqual([]);
  });

  test.prop([fc.record({ surname: fc.option(anyText, { nil: undefined }), given: fc.option(anyText, { nil: undefined }), patronymic: fc.option(anyText, { nil: undefined }) })])(
    'parseName accepts split parts',
    (parts) => {
      expect(() => parseName(parts)).not.toThrow();
    },
  );

  test.prop([nameLike, nameLike])('compareNames is symmetric', (x, y) => {
    const a = parseName(x);
    const b = parseName(y);
    const ab = compareNames(a, b);
    const ba = compareNames(b, a);
    expect(withoutEvidence(ba)).toEqual(withoutEvidence(ab));
    expect(ba.evidence).toEqual(ab.evidence.map(flip));
  });

  test.prop([nameLike])('a name with two or more full non-patronymic words is the same as itself', (x) => {
    const p = parseName(x);
    // Surname + patronymic alone may be two brothers: only words that are not patronymics count.
    const full = p.tokens.filter((t) => !t.initial && t.role !== 'patronymic' && !/(ovich|evich|ovna|evna|uly|kyzy)$/.test(t.canon)).length;
    const c = compareNames(p, parseName(x));
    if (full >= 2 && p.tokens.length <= 6) expect(c.decision).toBe('same');
    expect(c.sexConflict).toBe(false);
  });

  test.prop([anyText])('foldText is idempotent and ASCII', (s) => {
    const f = foldText(s);
    expect(f).toMatch(/^[a-z -]*$/);
    expect(foldText(f)).toBe(f);
  });
});

describe('skeleton distance lower bound', () => {
  // Letters skeletons are made of (lower-case consonants, upper-case sound classes, * for an unknown vowel), plus one
  // letter outside ASCII to exercise the shared class.
  const letter = fc.constantFrom(...'bcdfghklmnpqrstvwxzAEIUJSCKXYZ*ö'.split(''));
  const skeleton = fc.array(letter, { minLength: 0, maxLength: 10 }).map((ls) => ls.join(''));

  test.prop([skeleton, skeleton], { numRuns: 3000 })('never exceeds the weighted distance', (a, b) => {
    expect(skeletonDistanceLowerBound(a, b)).toBeLessThanOrEqual(skeletonDistance(a, b) + 1e-9);
  });

  test.prop([fc.constantFrom(...pieces), fc.constantFrom(...pieces)])('holds on the skeletons of real name words', (x, y) => {
    for (const s of parseName(x).tokens) {
      for (const t of parseName(y).tokens) {
        expect(skeletonDistanceLowerBound(s.skel, t.skel)).toBeLessThanOrEqual(skeletonDistance(s.skel, t.skel) + 1e-9);
      }
    }
  });

  test('rejects clearly different words and keeps near spellings', () => {
    // Five sound classes of АКМЕТОВ are absent from СЕРИК: at least 2.5 edits of weight.
    expect(skeletonDistanceLowerBound('sErIK', 'AKmEtUv')).toBe(2.5);
    // ж/ш/дж share a class: Жанна / Джанна / Шанна cannot be told apart by the bound.
    expect(skeletonDistanceLowerBound('JAnA', 'SAnA')).toBe(0);
    expect(skeletonDistanceLowerBound('ErKIn', 'ErKEn')).toBe(0.5);
  });
});
