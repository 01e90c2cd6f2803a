// Builds one merged person per cluster: chosen display name and attributes, the sources that name them, and the
// attributes on which those sources disagree. Pure; output sorted by display name, then person id.
import { compareStrings } from '../core/compare.js';
import type { Category, Sex } from '../core/types.js';
import type { PreparedRecord } from '../pipeline/prepare.js';

export type ConflictField = 'sex' | 'age' | 'date_of_death' | 'place' | 'category';

export interface Conflict {
  field: ConflictField;
  /** What each record says, in record order: `source:row` → value. */
  values: Array<{ record: string; source: string; value: string }>;
}

export interface Person {
  id: string;
  /** Indices into the prepared records, ascending. */
  members: number[];
  nameCyrillic: string;
  nameLatin: string;
  surname: string;
  givenName: string;
  patronymic: string;
  sex?: Sex;
  age?: number;
  dateOfDeath?: string;
  place?: string;
  region?: string;
  category?: Category;
  /** Source names, sorted. */
  sources: string[];
  /** Record keys `source:row`, in record order. */
  records: string[];
  /**
   * For a person of several records: the weakest link probability that holds the group together (a maximum spanning
   * tree over accepted links). For one record: 1 − the highest probability of a rejected candidate link, or 1.
   */
  confidence: number;
  conflicts: Conflict[];
}

export interface PairProbability {
  a: number;
  b: number;
  probability: number;
}

/** Age difference tolerated before the sources count as disagreeing (a stated age vs a birth year can differ by 1). */
export const AGE_TOLERANCE = 1;

/**
 * Merges clusters of records into persons.
 * Example: buildPersons(records, [[0, 3], [1], [2]], ['P-A', 'P-B', 'P-C'], links, review) → 3 persons.
 */
export function buildPersons(
  records: readonly PreparedRecord[],
  clusters: readonly number[][],
  personIds: readonly string[],
  links: readonly PairProbability[],
  uncertain: readonly PairProbability[] = [],
): Person[] {
  const clusterOf = new Int32Array(records.length).fill(-1);
  clusters.forEach((c, ci) => c.forEach((i) => (clusterOf[i] = ci)));
  // Links of each cluster, only for clusters of several records (most persons of a large run have one record).
  const clusterLinks: Array<PairProbability[] | undefined> = new Array(clusters.length);
  for (const l of links) {
    const ca = clusterOf[l.a];
    if (ca >= 0 && ca === clusterOf[l.b]) (clusterLinks[ca] ??= []).push(l);
  }
  const bestOutside = new Float64Array(records.length);
  for (const list of [links, uncertain]) {
    for (const p of list) {
      if (clusterOf[p.a] === clusterOf[p.b]) continue;
      bestOutside[p.a] = Math.max(bestOutside[p.a], p.probability);
      bestOutside[p.b] = Math.max(bestOutside[p.b], p.probability);
    }
  }

  const persons = clusters.map((cluster, ci) => {
    if (cluster.length === 1) return singlePerson(records[cluster[0]], cluster[0], personIds[ci], bestOutside[cluster[0]]);
    const members = [...cluster].sort((x, y) => x - y);
    const recs = members.map((i) => records[i]);
    let best = recs[0];
    let bestRichness = nameRichness(best);
    for (let k = 1; k < recs.length; k++) {
      const r = nameRichness(recs[k]);
      if (r > bestRichness) {
        best = recs[k];
        bestRichness = r;
      }
    }
    const conflicts: Conflict[] = [];

    const sexValues = recs.map((r) => r.record.sex ?? r.name.sex ?? undefined);
    const sex = pickValue(recs, sexValues, 'sex', conflicts) as Sex | undefined;
    const age = pickAge(recs, conflicts);
    const dateOfDeath = pickValue(recs, recs.map((r) => r.record.dateOfDeath), 'date_of_death', conflicts);
    const placeValues = recs.map((r) => r.record.place);
    const place = pickValue(recs, placeValues, 'place', conflicts);
    const regionOfPlace = recs.find((r) => r.record.place === place && r.record.region)?.record.region;
    const region = regionOfPlace ?? mode(recs.map((r) => r.record.region));
    const category = pickValue(recs, recs.map((r) => r.record.category), 'category', conflicts) as Category | undefined;

    const confidence = weakestSpanningLink(members, clusterLinks[ci] ?? []);
    const sources = [...new Set(recs.map((r) => r.record.source))].sort(compareStrings);
    const person: Person = {
      id: personIds[ci],
      members,
      nameCyrillic: best.name.cyrillic,
      nameLatin: best.name.latin,
      surname: best.name.surname?.raw ?? '',
      givenName: best.name.given.map((t) => t.raw).join(' '),
      patronymic: best.name.patronymic?.raw ?? '',
      sex,
      age,
      dateOfDeath,
      place,
      region,
      category,
      sources,
      records: recs.map((r) => r.record.key),
      confidence,
      conflicts,
    };
    return person;
  });
  return persons.sort((a, b) => compareStrings(a.nameCyrillic, b.nameCyrillic) || compareStrings(a.id, b.id));
}

/** The person of a cluster of one record: what buildPersons gives for it, without the comparisons a group needs. */
function singlePerson(r: PreparedRecord, index: number, id: string, bestOutside: number): Person {
  const rec = r.record;
  const sex = (rec.sex ?? r.name.sex ?? undefined) || undefined;
  return {
    id,
    members: [index],
    nameCyrillic: r.name.cyrillic,
    nameLatin: r.name.latin,
    surname: r.name.surname?.raw ?? '',
    givenName: r.name.given.map((t) => t.raw).join(' '),
    patronymic: r.name.patronymic?.raw ?? '',
    sex: sex as Sex | undefined,
    age: r.ageAtEvent,
    dateOfDeath: rec.dateOfDeath || undefined,
    place: rec.place || undefined,
    region: rec.region || undefined,
    category: (rec.category || undefined) as Category | undefined,
    sources: [rec.source],
    records: [rec.key],
    confidence: 1 - bestOutside,
    conflicts: [],
  };
}

/** Prefers the most complete name: more full (non-initial) tokens, a patronymic, Kazakh Cyrillic over Russian over Latin. */
function nameRichness(r: PreparedRecord): number {
  let full = 0;
  for (const t of r.name.tokens) if (!t.initial) full++;
  const script = r.name.script === 'cyrillic-kk' ? 2 : r.name.script === 'cyrillic-ru' ? 1 : 0;
  return full * 10 + (r.name.patronymic && !r.name.patronymic.initial ? 5 : 0) + script;
}

/** Most frequent defined value; ties go to the earliest record. Records a conflict when defined values differ. */
function pickValue(recs: readonly PreparedRecord[], values: ReadonlyArray<string | undefined>, field: ConflictField, conflicts: Conflict[]): string | undefined {
  const defined = values.filter((v): v is string => v !== undefined && v !== '');
  if (defined.length === 0) return undefined;
  if (new Set(defined).size > 1) conflicts.push(describeConflict(recs, values, field));
  return mode(values);
}

function pickAge(recs: readonly PreparedRecord[], conflicts: Conflict[]): number | undefined {
  const ages = recs.map((r) => r.ageAtEvent);
  const defined = ages.filter((a): a is number => a !== undefined);
  if (defined.length === 0) return undefined;
  if (Math.max(...defined) - Math.min(...defined) > AGE_TOLERANCE) {
    conflicts.push(describeConflict(recs, ages.map((a) => (a === undefined ? undefined : String(a))), 'age'));
  }
  const picked = mode(ages.map((a) => (a === undefined ? undefined : String(a))));
  return picked === undefined ? undefined : Number(picked);
}

function describeConflict(recs: readonly PreparedRecord[], values: ReadonlyArray<string | undefined>, field: ConflictField): Conflict {
  const out: Conflict['values'] = [];
  values.forEach((v, i) => {
    if (v !== undefined && v !== '') out.push({ record: recs[i].record.key, source: recs[i].record.source, value: v });
  });
  return { field, values: out };
}

/** Most frequent defined value; ties broken by first appearance. */
export function mode(values: ReadonlyArray<string | undefined>): string | undefined {
  const counts = new Map<string, number>();
  let best: string | undefined;
  let bestCount = 0;
  for (const v of values) {
    if (v === undefined || v === '') continue;
    const c = (counts.get(v) ?? 0) + 1;
    counts.set(v, c);
    if (c > bestCount) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}

/** Minimum edge of a maximum spanning tree (Kruskal) over the cluster's links; 1 when links do not span it (must-links). */
function weakestSpanningLink(members: readonly number[], links: readonly PairProbability[]): number {
  const parent = new Map<number, number>(members.map((m) => [m, m]));
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const sorted = [...links].sort((x, y) => y.probability - x.probability || x.a - y.a || x.b - y.b);
  let weakest = 1;
  let joined = 0;
  for (const l of sorted) {
    const ra = find(l.a);
    const rb = find(l.b);
    if (ra === rb) continue;
    parent.set(ra, rb);
    weakest = Math.min(weakest, l.probability);
    if (++joined === members.length - 1) break;
  }
  return weakest;
}
