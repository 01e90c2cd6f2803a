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
  /** Record pairs sharing the surname skeleton, the given-name skeleton, and both (Σ c(c−1)/2 over values). */
  sharing: { surname: number; given: number; both: number };
}

/**
 * Counts surname and given-name skeletons (one count per record).
 * Example: for 4 records named Серик, Серик, Ерлан, Болат: given share of the «Серик» skeleton = 0.5
 */
export function buildTermFrequencies(records: readonly MatchRecord[]): TermFrequencies {
  const surname = new Map<string, number>();
  const given = new Map<string, number>();
  const both = new Map<string, number>();
  const seen = new Map<object, { surname?: string; given?: string }>();
  for (const r of records) {
    let s = seen.get(r.name);
    if (!s) {
      s = nameSkeletonsForFrequency(r.name);
      seen.set(r.name, s);
    }
    if (s.surname) surname.set(s.surname, (surname.get(s.surname) ?? 0) + 1);
    if (s.given) given.set(s.given, (given.get(s.given) ?? 0) + 1);
    if (s.surname && s.given) {
      const k = `${s.surname}\u0001${s.given}`;
      both.set(k, (both.get(k) ?? 0) + 1);
    }
  }
  const n = Math.max(records.length, 1);
  const chance = (m: Map<string, number>) => {
    let sum = 0;
    for (const c of m.values()) sum += (c / n) * (c / n);
    return sum;
  };
  const sharing = (m: Map<string, number>) => {
    let sum = 0;
    for (const c of m.values()) sum += (c * (c - 1)) / 2;
    return sum;
  };
  return {
    n,
    surname,
    given,
    surnameChance: chance(surname),
    givenChance: chance(given),
    sharing: { surname: sharing(surname), given: sharing(given), both: sharing(both) },
  };
}

/** Non-matching record pairs sharing surname and given name needed before the interaction is estimated. */
const MIN_SHARING_PAIRS = 30;

/**
 * The name interaction in bits: log2(u_surname · u_given / u_both), where each u is the share of record pairs that
 * share the value(s), less the pairs of one person (expected `matches`, of which shares mSurname, mGiven, mBoth agree).
 * 0 when there is too little to tell. Example: names that never repeat together → 0; a pool of namesakes → negative.
 */
export function nameInteractionBits(
  tf: TermFrequencies,
  matches: number,
  agree: { surname: number; given: number; both: number },
): number {
  const n = tf.n;
  const pairs = (n * (n - 1)) / 2;
  if (pairs <= matches + 1) return 0;
  const nonMatching = (sharing: number, m: number) => Math.max(sharing - matches * m, 0);
  // Too few non-matching pairs sharing a full name to measure anything (small lists): no interaction.
  if (nonMatching(tf.sharing.both, agree.both) < MIN_SHARING_PAIRS) return 0;
  const u = (sharing: number, m: number) => nonMatching(sharing, m) / (pairs - matches);
  const us = u(tf.sharing.surname, agree.surname);
  const ug = u(tf.sharing.given, agree.given);
  const ub = u(tf.sharing.both, agree.both);
  if (us <= 0 || ug <= 0) return 0;
  const floor = 1 / pairs;
  const bits = Math.log2((us * ug) / Math.max(ub, floor));
  return Math.max(-8, Math.min(0, bits));
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
