// Term frequencies of surname and given-name skeletons across the run's records, and the adjustment they give to
// an agreement: a shared rare surname counts more than a shared «Серик». Pure.
import { nameSkeletonsForFrequency } from '../names/index.js';
import type { NameFrequencies } from '../names/types.js';
import type { MatchRecord } from './types.js';

export interface TermFrequencies {
  n: number;
  surname: Map<string, number>;
  given: Map<string, number>;
  /** Σ p(v)²: the chance that two random records share a value (the average u of an agreement). */
  surnameChance: number;
  givenChance: number;
}

/**
 * Counts surname and given-name skeletons (one count per record).
 * Example: for 4 records named Серик, Серик, Ерлан, Болат: given share of the «Серик» skeleton = 0.5
 */
export function buildTermFrequencies(records: readonly MatchRecord[]): TermFrequencies {
  const surname = new Map<string, number>();
  const given = new Map<string, number>();
  const seen = new Map<object, { surname?: string; given?: string }>();
  for (const r of records) {
    let s = seen.get(r.name);
    if (!s) {
      s = nameSkeletonsForFrequency(r.name);
      seen.set(r.name, s);
    }
    if (s.surname) surname.set(s.surname, (surname.get(s.surname) ?? 0) + 1);
    if (s.given) given.set(s.given, (given.get(s.given) ?? 0) + 1);
  }
  const n = Math.max(records.length, 1);
  const chance = (m: Map<string, number>) => {
    let sum = 0;
    for (const c of m.values()) sum += (c / n) * (c / n);
    return sum;
  };
  return { n, surname, given, surnameChance: chance(surname), givenChance: chance(given) };
}

/** Share of records holding a skeleton; at least 1/n (a value seen nowhere is as rare as can be). */
export function termShare(tf: TermFrequencies, part: 'surname' | 'given', skel: string): number {
  const c = (part === 'surname' ? tf.surname : tf.given).get(skel) ?? 1;
  return Math.max(c, 1) / tf.n;
}

/**
 * Adjustment in bits for an agreement on `skel`: log2(chance / share), capped at ±maxBits. Positive for a value
 * rarer than average, negative for a common one.
 * Example: chance 0.01, share 0.0025 → +2 bits; share 0.04 → −2 bits.
 */
export function termAdjustment(tf: TermFrequencies, part: 'surname' | 'given', skel: string | undefined, maxBits: number): number {
  if (!skel) return 0;
  const chance = part === 'surname' ? tf.surnameChance : tf.givenChance;
  if (chance <= 0) return 0;
  const bits = Math.log2(chance / termShare(tf, part, skel));
  return Math.max(-maxBits, Math.min(maxBits, bits));
}

/** The frequencies in the names engine's shape (share of records). */
export function toNameFrequencies(tf: TermFrequencies): NameFrequencies {
  return {
    surname: (skel) => (tf.surname.get(skel) ?? 0) / tf.n,
    given: (skel) => (tf.given.get(skel) ?? 0) / tf.n,
  };
}
