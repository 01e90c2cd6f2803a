// Linkage-aware uncertainty: the estimate re-run over several linkages (match thresholds, or clusterings sampled
// from link probabilities), to show how far linkage errors move it. Pure; seeded randomness only.
import { compareRecordKeys, compareStrings } from '../core/compare.js';
import { estimatePopulation } from './estimate-population.js';
import { createRandom } from './random.js';
import type { Estimate, EstimateOptions, EstimatePerson, EstimateSource } from './types.js';

/**
 * What the estimate sees of a linkage: the multiset of capture histories (with the stratifying field when stratified),
 * as a canonical string. Two linkages with the same key give the same estimate, so it is fitted once.
 * @example linkageKey([{ sources: ['a', 'b'] }, { sources: ['a'] }], null) // 'a\u00011\na\u0001b\u00011'
 */
export function linkageKey(persons: readonly EstimatePerson[], stratify: EstimateOptions['stratify'] = null): string {
  const counts = new Map<string, number>();
  for (const p of persons) {
    const history = [...new Set(p.sources)].sort(compareStrings).join('\u0001');
    const key = stratify ? `${history}\u0002${p[stratify] ?? ''}` : history;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.keys()]
    .sort(compareStrings)
    .map((k) => `${k}\u0001${counts.get(k)}`)
    .join('\n');
}

/** The total for a linkage from `cache` (by linkageKey), fitted with `fit` only when its capture histories are new. */
function fitOnce(cache: Map<string, Estimate>, persons: readonly EstimatePerson[], options: EstimateOptions, fit: () => Estimate): Estimate {
  const key = linkageKey(persons, options.stratify);
  let total = cache.get(key);
  if (total === undefined) {
    total = fit();
    cache.set(key, total);
  }
  return total;
}

export interface SensitivityRow {
  /** E.g. `threshold 0.95`, `draw 17`. */
  label: string;
  threshold?: number;
  /** Distinct people under this linkage. */
  persons: number;
  estimate: Estimate;
}

/**
 * Re-runs the estimate for each linkage (e.g. each match threshold), with the same options. Rows keep the input order.
 * Linkages with the same capture histories are fitted once; `known` holds totals already computed with these options,
 * by `linkageKey`.
 * Profile intervals are computed only for the models a headline can use (the total is the same as with all of them).
 * @example estimateAcrossThresholds([{ threshold: 0.95, persons }, { threshold: 0.8, persons: looser }], sources, {})
 */
export function estimateAcrossThresholds(
  runs: readonly { threshold: number; persons: readonly EstimatePerson[] }[],
  sources: readonly EstimateSource[],
  options: EstimateOptions = {},
  known: ReadonlyMap<string, Estimate> = new Map(),
): SensitivityRow[] {
  const cache = new Map(known);
  return runs.map((run) => {
    const estimate = fitOnce(cache, run.persons, options, () => estimatePopulation(run.persons, sources, { ...options, profile: options.profile ?? 'headline' }).total);
    return { label: `threshold ${run.threshold}`, threshold: run.threshold, persons: run.persons.length, estimate };
  });
}

/** One record for clustering: its key `source:row`, its list, and the stratum fields of the person it belongs to. */
export interface LinkRecord {
  key: string;
  source: string;
  category?: string;
  place?: string;
  region?: string;
}

/** A candidate link between two records with its match probability. */
export interface CandidateLink {
  a: string;
  b: string;
  probability: number;
}

/**
 * Draws one clustering: each candidate link is kept with its probability (independently, in the given order), then
 * the kept links join records strongest first (union–find), refusing a join that would put two records of one list
 * together unless the link itself joins them (a within-list duplicate): a guard against chains through namesakes,
 * as in the merge's own clustering. Each component becomes a person; stratum fields come from its first record (key
 * order) that has them. Deterministic for a given `random`.
 */
export function sampleClustering(records: readonly LinkRecord[], links: readonly CandidateLink[], random: () => number): EstimatePerson[] {
  return drawClustering(prepareLinkage(records, links), random);
}

/** Records in key order with their indices, and the links as index pairs (null where a record is unknown). */
interface PreparedLinkage {
  sorted: LinkRecord[];
  links: { ia: number | undefined; ib: number | undefined; probability: number }[];
}

/** What every draw shares: done once, not once per draw. */
function prepareLinkage(records: readonly LinkRecord[], links: readonly CandidateLink[]): PreparedLinkage {
  const sorted = [...records].sort((x, y) => compareRecordKeys(x.key, y.key));
  const index = new Map<string, number>(sorted.map((r, i) => [r.key, i]));
  return { sorted, links: links.map((l) => ({ ia: index.get(l.a), ib: index.get(l.b), probability: l.probability })) };
}

/** One draw of `sampleClustering` on prepared records and links. */
function drawClustering({ sorted, links }: PreparedLinkage, random: () => number): EstimatePerson[] {
  const parent = sorted.map((_, i) => i);
  // Lists of each root's records; a record's own list until it joins another.
  const sourcesOf: string[][] = sorted.map((r) => [r.source]);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const kept: { ia: number; ib: number; probability: number }[] = [];
  for (const { ia, ib, probability } of links) {
    const u = random();
    if (ia === undefined || ib === undefined || u >= probability) continue;
    kept.push({ ia, ib, probability });
  }
  kept.sort((x, y) => y.probability - x.probability || x.ia - y.ia || x.ib - y.ib);
  for (const { ia, ib } of kept) {
    const ra = find(ia);
    const rb = find(ib);
    if (ra === rb) continue;
    const direct = sorted[ia].source === sorted[ib].source;
    const clash = sourcesOf[ra].some((s) => sourcesOf[rb].includes(s));
    if (clash && !direct) continue;
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    parent[drop] = keep;
    for (const s of sourcesOf[drop]) if (!sourcesOf[keep].includes(s)) sourcesOf[keep].push(s);
  }
  // Components in order of their root (the smallest index, since the smaller root is kept), members in key order.
  const members: number[][] = sorted.map(() => []);
  for (let i = 0; i < sorted.length; i++) members[find(i)].push(i);
  const persons: EstimatePerson[] = [];
  for (const group of members) {
    if (group.length === 0) continue;
    const pick = (field: 'category' | 'place' | 'region') => {
      for (const i of group) {
        const v = sorted[i][field];
        if (v !== undefined && v !== '') return v;
      }
      return undefined;
    };
    const sources = [...new Set(group.map((i) => sorted[i].source))].sort(compareStrings);
    const person: EstimatePerson = { sources };
    const category = pick('category');
    const place = pick('place');
    const region = pick('region');
    if (category) person.category = category;
    if (place) person.place = place;
    if (region) person.region = region;
    persons.push(person);
  }
  return persons;
}

export interface ClusteringSpread {
  draws: number;
  seed: number;
  /** Draws whose estimate could be computed. */
  estimable: number;
  persons: { min: number; median: number; max: number };
  /** Percentiles of the point estimates across draws (linkage spread only, not sampling error). */
  N: { p2_5: number; median: number; p97_5: number } | null;
}

function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 1) return sorted[0];
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * Re-estimates over `draws` clusterings sampled from the link probabilities and summarises the spread of N̂.
 * Profile intervals are skipped in the draws (only point estimates are used), and draws with the same capture
 * histories are fitted once, which keeps it fast.
 * @example estimateOverClusterings(records, links, sources, {}, { draws: 200, seed: 1 }).N // { p2_5, median, p97_5 }
 */
export function estimateOverClusterings(
  records: readonly LinkRecord[],
  links: readonly CandidateLink[],
  sources: readonly EstimateSource[],
  options: EstimateOptions,
  sampling: { draws: number; seed: number },
): ClusteringSpread {
  const random = createRandom(sampling.seed);
  const sortedLinks = [...links].sort((x, y) => compareRecordKeys(x.a, y.a) || compareRecordKeys(x.b, y.b));
  const prepared = prepareLinkage(records, sortedLinks);
  const values: number[] = [];
  const sizes: number[] = [];
  const cache = new Map<string, Estimate>();
  for (let d = 0; d < sampling.draws; d++) {
    const persons = drawClustering(prepared, random);
    sizes.push(persons.length);
    const total = fitOnce(cache, persons, options, () => estimatePopulation(persons, sources, { ...options, profile: false, interval: 'profile' }).total);
    if (total.estimable && total.N !== null) values.push(total.N);
  }
  values.sort((x, y) => x - y);
  sizes.sort((x, y) => x - y);
  return {
    draws: sampling.draws,
    seed: sampling.seed,
    estimable: values.length,
    persons: { min: sizes[0] ?? 0, median: sizes.length ? percentile(sizes, 0.5) : 0, max: sizes[sizes.length - 1] ?? 0 },
    N: values.length ? { p2_5: percentile(values, 0.025), median: percentile(values, 0.5), p97_5: percentile(values, 0.975) } : null,
  };
}

/** The headline interval widened by linkage uncertainty (see `linkageRange`). */
export interface LinkageRange {
  lower: number;
  /** null: some interval is unbounded above. */
  upper: number | null;
  /** True when another linkage moved an end beyond the headline's own interval. */
  widened: boolean;
  /** The linkages whose figures set the lower and the upper end (`headline`, a threshold label, `sampled clusterings`). */
  lowerFrom: string;
  upperFrom: string;
}

/**
 * The headline's 95% interval widened to cover linkage uncertainty: from the lowest to the highest end among the
 * headline interval, the 95% intervals of the estimate re-run at the other thresholds, and the 2.5–97.5% spread of the
 * estimates over sampled clusterings. Each of those linkages is one the data do not rule out, and the headline interval
 * assumes its linkage is exact; the union states the figures the data allow under any of them. Null when the headline
 * is not estimable.
 * @example linkageRange(total, thresholds, clusterings) // { lower: 1561, upper: 2822, widened: true, ... }
 */
export function linkageRange(total: Estimate, thresholds: readonly SensitivityRow[], clusterings: ClusteringSpread | null): LinkageRange | null {
  if (!total.estimable || total.N === null || total.lower === null) return null;
  let lower = total.lower;
  let upper: number | null = total.upper;
  let lowerFrom = 'headline';
  let upperFrom = 'headline';
  const consider = (label: string, lo: number | null, hi: number | null, unbounded: boolean) => {
    if (lo !== null && lo < lower) {
      lower = lo;
      lowerFrom = label;
    }
    if (upper === null) return;
    if (unbounded) {
      upper = null;
      upperFrom = label;
    } else if (hi !== null && hi > upper) {
      upper = hi;
      upperFrom = label;
    }
  };
  for (const row of thresholds) {
    const e = row.estimate;
    if (!e.estimable || e.N === null || e.lower === null) continue;
    consider(row.label, e.lower, e.upper, e.upper === null);
  }
  if (clusterings?.N) consider('sampled clusterings', clusterings.N.p2_5, clusterings.N.p97_5, false);
  const widened = lower !== total.lower || upper !== total.upper;
  return { lower, upper, widened, lowerFrom, upperFrom };
}
