// The comparison vector of one record pair (one level per comparison), and the compared values as text. Pure.
import { compareNames } from '../names/index.js';
import type { NameComparison, NamePartLevel } from '../names/types.js';
import type { RecordFeatures } from './features.js';
import { C_AGE, C_CATEGORY, C_DEATH, C_GIVEN, C_PATRONYMIC, C_PLACE, C_SEX, C_SURNAME, K } from './levels.js';
import type { MatchRecord } from './types.js';

const NAME_LEVEL_INDEX: Record<NamePartLevel, number> = {
  exact: 0,
  phonetic: 1,
  similar: 2,
  initial: 3,
  different: 4,
  missing: 5,
};

/** Bulk comparisons skip the names engine's evidence lines (only explanations, links and review show them). */
const QUIET = { evidence: false } as const;

/**
 * Fills `out[offset .. offset+K)` with the level index of each comparison for records i and j and returns the
 * names engine's comparison (for term-frequency adjustment and evidence; `evidence` false leaves its lines out).
 * Example: two records «Ахметов Ерлан», age 34 and «Akhmetov Yerlan», age 35 → surname 1 (phonetic), age 1 (within-1).
 */
export function compareRecordPair(
  records: readonly MatchRecord[],
  f: RecordFeatures,
  i: number,
  j: number,
  out: Uint8Array,
  offset = 0,
  evidence = true,
): NameComparison {
  const ni = records[i].name;
  const nj = records[j].name;
  const nc = compareNames(ni, nj, undefined, evidence ? undefined : QUIET);
  // `missing` should mean that a side lacks the part. When the names engine finds the names different and leaves a
  // part both sides have unmatched, that part differs (otherwise `missing` would pass for evidence-free).
  const differ = nc.decision === 'different';
  out[offset + C_SURNAME] = partLevel(nc.surname, differ && ni.surname !== undefined && nj.surname !== undefined);
  out[offset + C_GIVEN] = partLevel(nc.given, differ && ni.given.length > 0 && nj.given.length > 0);
  out[offset + C_PATRONYMIC] = partLevel(nc.patronymic, differ && ni.patronymic !== undefined && nj.patronymic !== undefined);

  const si = f.sex[i];
  const sj = f.sex[j];
  out[offset + C_SEX] = nc.sexConflict || (si !== 0 && sj !== 0 && si !== sj) ? 1 : si !== 0 && sj !== 0 ? 0 : 2;

  const lo = Math.max(f.ageLo[i], f.ageLo[j]);
  const hi = Math.min(f.ageHi[i], f.ageHi[j]);
  const ageGap = lo - hi;
  out[offset + C_AGE] = Number.isNaN(ageGap) ? 4 : ageGap <= 0 ? 0 : ageGap <= 1 ? 1 : ageGap <= 3 ? 2 : 3;

  const dayGap = Math.abs(f.death[i] - f.death[j]);
  out[offset + C_DEATH] = Number.isNaN(dayGap) ? 4 : dayGap === 0 ? 0 : dayGap <= 1 ? 1 : dayGap <= 3 ? 2 : 3;

  out[offset + C_PLACE] = comparePlace(f, i, j);

  const ci = f.category[i];
  const cj = f.category[j];
  out[offset + C_CATEGORY] = ci < 0 || cj < 0 ? 2 : ci === cj ? 0 : 1;
  return nc;
}

function partLevel(level: NamePartLevel, bothPresent: boolean): number {
  const l = NAME_LEVEL_INDEX[level] ?? 5;
  return l === 5 && bothPresent ? 4 : l;
}

/** Packs K levels (3 bits each) into one number. Example: packLevels([1, 0, 0, ...]) → 1 */
export function packLevels(levels: ArrayLike<number>): number {
  let code = 0;
  for (let k = K - 1; k >= 0; k--) code = code * 8 + levels[k];
  return code;
}

/** Unpacks a code made by packLevels into `out`. */
export function unpackLevels(code: number, out: Uint8Array | number[], offset = 0): void {
  for (let k = 0; k < K; k++) {
    out[offset + k] = code & 7;
    code >>>= 3;
  }
}

function comparePlace(f: RecordFeatures, i: number, j: number): number {
  const pi = f.place[i];
  const pj = f.place[j];
  if (pi >= 0 && pi === pj) return 0;
  const ri = f.region[i];
  const rj = f.region[j];
  if (ri >= 0 && rj >= 0) return ri === rj ? 1 : 2;
  // Two places the gazetteer does not know may be spellings of one village: no evidence either way.
  if (pi >= 0 && pj >= 0 && !f.places[pi].startsWith('?') && !f.places[pj].startsWith('?')) return 2;
  return 3;
}

/** The two values a comparison looked at, as text for explanations. */
export function describeValues(records: readonly MatchRecord[], f: RecordFeatures, k: number, i: number, j: number): string {
  const both = (x: string, y: string) => `${x || '–'} | ${y || '–'}`;
  const a = records[i];
  const b = records[j];
  switch (k) {
    case C_SURNAME:
      return both(a.name.surname?.raw ?? '', b.name.surname?.raw ?? '');
    case C_GIVEN:
      return both(a.name.given.map((t) => t.raw).join(' '), b.name.given.map((t) => t.raw).join(' '));
    case C_PATRONYMIC:
      return both(a.name.patronymic?.raw ?? '', b.name.patronymic?.raw ?? '');
    case C_SEX: {
      const s = (x: number) => (x === 1 ? 'M' : x === 2 ? 'F' : '');
      return both(s(f.sex[i]), s(f.sex[j]));
    }
    case C_AGE: {
      const age = (x: number) =>
        Number.isNaN(f.ageLo[x]) ? '' : f.ageLo[x] === f.ageHi[x] ? `${f.ageLo[x]}` : `${f.ageLo[x]}-${f.ageHi[x]}`;
      return both(age(i), age(j));
    }
    case C_DEATH:
      return both(a.record.dateOfDeath ?? '', b.record.dateOfDeath ?? '');
    case C_PLACE: {
      const p = (r: MatchRecord) => r.record.place ?? (r.record.region ? `region ${r.record.region}` : '');
      return both(p(a), p(b));
    }
    case C_CATEGORY:
      return both(a.record.category ?? '', b.record.category ?? '');
    default:
      return '';
  }
}
