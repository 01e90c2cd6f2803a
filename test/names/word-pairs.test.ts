// The names engine remembers word-pair results by word id: the results must be those of comparing the words afresh.
import { describe, expect, it } from 'vitest';
import { compareNames, parseName } from '../../src/names/index.js';
import { wordCount } from '../../src/names/parse-name.js';
import type { ParsedName } from '../../src/names/types.js';
import { DIFFERENT_PAIRS, SAME_PAIRS, UNCERTAIN_PAIRS } from './corpus-pairs.js';

type Token = ParsedName['tokens'][number] & { wid: number };

/** The same name with every token's word id taken away: its words are compared afresh, never looked up. */
function withoutWordIds(p: ParsedName): ParsedName {
  return { ...p, tokens: p.tokens.map((t) => ({ ...t, wid: -1 })) } as ParsedName;
}

/**
 * Compares every `step`-th name with every name, with and without word ids, and expects the same results; returns
 * the number of pairs compared.
 */
function compareWithAndWithoutIds(texts: readonly string[], step: number): number {
  const parsed = texts.map((t) => parseName(t));
  let compared = 0;
  for (let i = 0; i < parsed.length; i += step) {
    for (let j = 0; j < parsed.length; j++) {
      const remembered = compareNames(parsed[i], parsed[j]);
      const afresh = compareNames(withoutWordIds(parsed[i]), withoutWordIds(parsed[j]));
      if (JSON.stringify(remembered) !== JSON.stringify(afresh)) expect([texts[i], texts[j], remembered]).toEqual([texts[i], texts[j], afresh]);
      compared++;
    }
  }
  return compared;
}

describe('word-pair results', () => {
  const texts = [...new Set([...DIFFERENT_PAIRS, ...SAME_PAIRS, ...UNCERTAIN_PAIRS].flatMap(([x, y]) => [x, y]))].sort();

  it('gives one id to every copy of a word and different ids to different words; initials have none', () => {
    const a = parseName('Ахметов Ерлан Серикович').tokens as Token[];
    const b = parseName('Серик Ахметов').tokens as Token[];
    const id = (ts: Token[], raw: string) => ts.find((t) => t.raw === raw)?.wid;
    expect(id(a, 'Ахметов')).toBeGreaterThanOrEqual(0);
    expect(id(a, 'Ахметов')).toBe(id(b, 'Ахметов'));
    expect(id(a, 'Ерлан')).not.toBe(id(a, 'Ахметов'));
    expect(id(b, 'Серик')).not.toBe(id(a, 'Серикович'));
    const initials = parseName('Ахметов Е. С.').tokens as Token[];
    expect(initials.filter((t) => t.initial).map((t) => t.wid)).toEqual([-1, -1]);
  });

  it('compares every pair of the corpus names exactly as without the remembered results, in both orders', () => {
    expect(texts.length).toBeGreaterThan(300);
    // Every third name against every other (the word pairs recur across name pairs, so most are looked up).
    expect(compareWithAndWithoutIds(texts, 3)).toBeGreaterThan(30_000);
  });

  it('gives the same results once the thread knows more than 8,192 words and the table is made larger', () => {
    // 9,000 new distinct words (made-up surnames of three syllables and -ев), parsed before comparing again.
    const syllables = ['ба', 'ве', 'гу', 'да', 'жо', 'зы', 'ки', 'ла', 'му', 'но', 'пы', 'ре', 'со', 'ту', 'фа', 'ха', 'це', 'чу', 'ша', 'юр', 'як', 'ол', 'ем', 'ан', 'ир', 'ус', 'эд', 'об', 'уг', 'ей'];
    let made = 0;
    for (const a of syllables) {
      for (const b of syllables) {
        for (const c of syllables.slice(0, 10)) {
          parseName(`${a}${b}${c}ев`);
          made++;
        }
      }
    }
    expect(made).toBe(9000);
    expect(wordCount()).toBeGreaterThan(8192);
    expect(compareWithAndWithoutIds(texts, 11)).toBeGreaterThan(10_000);
  });

  it('makes every token with one set of fields in one order (full words, initials, repeated words)', () => {
    const tokens = [...parseName('Тоқаев Қасым-Жомарт Кемелұлы').tokens, ...parseName('Токаев К.-Ж.').tokens, ...parseName('Tokayev Kassym').tokens];
    expect(tokens.some((t) => t.initial)).toBe(true);
    const shapes = new Set(tokens.map((t) => Object.keys(t).join(',')));
    expect(shapes.size).toBe(1);
  });
});
