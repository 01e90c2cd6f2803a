// Per-record features for comparison, computed once and stored in typed arrays (compact at a million records).
// Pure. Missing values are NaN (numbers) or -1 (interned ids).
import type { MatchRecord } from './types.js';

export interface RecordFeatures {
  n: number;
  /** Source index into `sources` (sorted source names). */
  source: Int32Array;
  sources: string[];
  /** 0 unknown, 1 M, 2 F: the source's sex column, else the name's sex hint. */
  sex: Uint8Array;
  /** Age at the event as an interval [lo, hi] (a birth year gives two possible ages). NaN when unknown. */
  ageLo: Float32Array;
  ageHi: Float32Array;
  /** Date of death as a day number (days since 1970-01-01). NaN when unknown. */
  death: Float64Array;
  /** Interned place, region and category ids; -1 when unknown. */
  place: Int32Array;
  region: Int32Array;
  category: Int32Array;
  places: string[];
  regions: string[];
  /** The reference date the ages were put on (ISO), when one was known or inferred. */
  eventDate?: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of an ISO date, NaN when malformed. Example: dayNumber('1970-01-02') → 1 */
export function dayNumber(iso: string | undefined): number {
  if (!iso) return NaN;
  const m = ISO_DATE.exec(iso);
  if (!m) return NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
}

/** The most common date of death (earliest on ties), used as event date when none is given. */
export function inferEventDate(records: readonly MatchRecord[]): string | undefined {
  const counts = new Map<string, number>();
  for (const r of records) {
    const d = r.record.dateOfDeath;
    if (d && ISO_DATE.test(d)) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  let best: string | undefined;
  let bestCount = 0;
  for (const [d, c] of counts) {
    if (c > bestCount || (c === bestCount && best !== undefined && d < best)) {
      best = d;
      bestCount = c;
    }
  }
  return best;
}

/** Age interval at the reference date from age, date of birth or year of birth. */
function ageInterval(r: MatchRecord['record'], ref: { y: number; m: number; d: number } | undefined): [number, number] {
  if (r.age !== undefined && Number.isFinite(r.age)) return [r.age, r.age];
  if (!ref) return [NaN, NaN];
  if (r.birthDate) {
    const m = ISO_DATE.exec(r.birthDate);
    if (m) {
      const by = Number(m[1]);
      const bm = Number(m[2]);
      const bd = Number(m[3]);
      let age = ref.y - by;
      if (ref.m < bm || (ref.m === bm && ref.d < bd)) age -= 1;
      return age >= 0 ? [age, age] : [NaN, NaN];
    }
  }
  if (r.birthYear !== undefined && Number.isFinite(r.birthYear)) {
    const hi = ref.y - r.birthYear;
    if (hi < 0) return [NaN, NaN];
    return [Math.max(0, hi - 1), hi];
  }
  return [NaN, NaN];
}

function intern(table: Map<string, number>, list: string[], value: string | undefined): number {
  if (value === undefined || value === '') return -1;
  let id = table.get(value);
  if (id === undefined) {
    id = list.length;
    list.push(value);
    table.set(value, id);
  }
  return id;
}

const CATEGORY_IDS: Record<string, number> = { civilian: 0, security: 1, other: 2 };

/**
 * Builds the compact feature arrays for all records.
 * Example: buildFeatures([{record: {age: 30, ...}, name}], '2022-01-05').ageLo[0] → 30
 */
export function buildFeatures(records: readonly MatchRecord[], eventDate?: string): RecordFeatures {
  const n = records.length;
  const refIso = eventDate ?? inferEventDate(records);
  const refMatch = refIso ? ISO_DATE.exec(refIso) : null;
  const ref = refMatch ? { y: Number(refMatch[1]), m: Number(refMatch[2]), d: Number(refMatch[3]) } : undefined;
  const sourceNames = [...new Set(records.map((r) => r.record.source))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const sourceIndex = new Map(sourceNames.map((s, i) => [s, i]));
  const f: RecordFeatures = {
    n,
    source: new Int32Array(n),
    sources: sourceNames,
    sex: new Uint8Array(n),
    ageLo: new Float32Array(n),
    ageHi: new Float32Array(n),
    death: new Float64Array(n),
    place: new Int32Array(n),
    region: new Int32Array(n),
    category: new Int32Array(n),
    places: [],
    regions: [],
    eventDate: ref ? refIso : undefined,
  };
  const placeIds = new Map<string, number>();
  const regionIds = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const { record, name } = records[i];
    f.source[i] = sourceIndex.get(record.source)!;
    const sex = record.sex ?? name.sex ?? undefined;
    f.sex[i] = sex === 'M' ? 1 : sex === 'F' ? 2 : 0;
    const [lo, hi] = ageInterval(record, ref);
    f.ageLo[i] = lo;
    f.ageHi[i] = hi;
    f.death[i] = dayNumber(record.dateOfDeath);
    f.place[i] = intern(placeIds, f.places, record.place);
    f.region[i] = intern(regionIds, f.regions, record.region);
    f.category[i] = record.category !== undefined ? (CATEGORY_IDS[record.category] ?? -1) : -1;
  }
  return f;
}
