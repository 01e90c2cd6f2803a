// Comparison vectors of a range of candidate pairs, written into caller-owned arrays: the unit of work that the
// scoring threads share (see score-workers.ts). Pure; gives exactly what comparePairs gives for the same pairs.
import type { NameComparison } from '../names/types.js';
import { compareRecordPair, packLevels } from './comparisons.js';
import type { RecordFeatures } from './features.js';
import { termAdjustment, type TermFrequencies } from './frequencies.js';
import { C_GIVEN, C_SURNAME, K } from './levels.js';
import type { MatchRecord } from './types.js';

/** Output arrays of a comparison pass, one slot per pair (same layout as PairVectors). */
export interface VectorArrays {
  codes: Uint32Array;
  tfSurname: Float32Array;
  tfGiven: Float32Array;
  namesDiffer: Uint8Array;
}

/** Name levels below this index (exact, phonetic) carry a term-frequency adjustment (as in score.ts). */
const TF_LEVELS = 2;

/**
 * Compares pairs `from` ≤ p < `to` of (a, b) and writes their packed levels, raw term-frequency adjustments and
 * names-differ flags into `out` at the same positions.
 * Example: compareRange(records, f, tf, a, b, out, 0, a.length) fills `out` as comparePairs(records, f, tf, a, b) does.
 */
export function compareRange(
  records: readonly MatchRecord[],
  features: RecordFeatures,
  tf: TermFrequencies,
  a: Uint32Array,
  b: Uint32Array,
  out: VectorArrays,
  from: number,
  to: number,
): void {
  const levels = new Uint8Array(K);
  for (let p = from; p < to; p++) {
    const names: NameComparison = compareRecordPair(records, features, a[p], b[p], levels, 0, false);
    out.codes[p] = packLevels(levels);
    out.namesDiffer[p] = names.decision === 'different' ? 1 : 0;
    out.tfSurname[p] = levels[C_SURNAME] < TF_LEVELS ? termAdjustment(tf, 'surname', names.agreedSurname, Infinity) : 0;
    out.tfGiven[p] = levels[C_GIVEN] < TF_LEVELS ? termAdjustment(tf, 'given', names.agreedGiven, Infinity) : 0;
  }
}
