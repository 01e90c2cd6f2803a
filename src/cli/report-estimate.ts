// The population-estimate section of the report: the estimate on the merged persons, re-run at the stricter and looser
// matching thresholds and over clusterings sampled from the link probabilities (linkage-aware uncertainty).
import { mode } from '../merge/merge-person.js';
import {
  estimateAcrossThresholds,
  estimateOverClusterings,
  estimatePopulation,
  linkageKey,
  linkageRange,
  renderEstimateMarkdown,
  type CandidateLink,
  type EstimatePerson,
  type EstimateSource,
  type LinkRecord,
  type SensitivityRow,
} from '../estimate/index.js';
import type { PreparedRecord } from '../pipeline/prepare.js';
import type { ReconcileResult } from '../pipeline/reconcile.js';

export interface EstimateSection {
  json: unknown;
  markdown: string;
}

/** Sampled clusterings are drawn only up to this many records (each draw re-clusters every record). */
const SAMPLING_MAX_RECORDS = 5_000;
const DRAWS = 30;
const SEED = 20220105;

/** Persons of a clustering, reduced to what the estimate needs. */
function personsOf(records: readonly PreparedRecord[], clusters: readonly number[][]): EstimatePerson[] {
  return clusters.map((c) => ({
    sources: [...new Set(c.map((i) => records[i].record.source))].sort(),
    category: mode(c.map((i) => records[i].record.category)),
    place: mode(c.map((i) => records[i].record.place)),
    region: mode(c.map((i) => records[i].record.region)),
  }));
}

export function estimateSection(r: ReconcileResult): EstimateSection | undefined {
  if (r.sources.length < 2) return undefined;
  const sources: EstimateSource[] = r.sources.map((s) => ({ name: s.name, ...(s.covers ? { covers: s.covers } : {}) }));
  const options = { officialTotal: r.report.official_total ?? undefined };
  const persons: EstimatePerson[] = r.persons.map((p) => ({ sources: p.sources, category: p.category, place: p.place, region: p.region }));
  const result = estimatePopulation(persons, sources, options);
  const alt = r.link.alternatives;
  // The row at the run's own threshold is the estimate just made (same persons, same options): reused, not refitted,
  // as is any other threshold whose linkage gives the same capture histories.
  const [stricter, looser] = estimateAcrossThresholds(
    [
      { threshold: alt.stricter.threshold, persons: personsOf(r.records, alt.stricter.clusters) },
      { threshold: alt.looser.threshold, persons: personsOf(r.records, alt.looser.clusters) },
    ],
    sources,
    options,
    new Map([[linkageKey(persons), result.total]]),
  );
  const atThreshold: SensitivityRow = { label: `threshold ${r.link.threshold}`, threshold: r.link.threshold, persons: persons.length, estimate: result.total };
  const thresholds = [stricter, atThreshold, looser];
  let clusterings = null;
  if (r.records.length <= SAMPLING_MAX_RECORDS) {
    const linkRecords: LinkRecord[] = r.records.map((p) => ({ key: p.record.key, source: p.record.source, category: p.record.category, place: p.record.place, region: p.record.region }));
    // Accepted links, plus uncertain pairs below the threshold; pairs the merge refused although they scored above the
    // threshold (one-to-one, chain guard, cannot-link) stay out, and each pair enters once.
    const seen = new Set<string>();
    const links: CandidateLink[] = [];
    for (const l of [...r.link.links, ...r.link.review.filter((p) => p.probability < r.link.threshold)]) {
      const id = `${l.a}:${l.b}`;
      if (seen.has(id)) continue;
      seen.add(id);
      links.push({ a: r.records[l.a].record.key, b: r.records[l.b].record.key, probability: l.probability });
    }
    clusterings = estimateOverClusterings(linkRecords, links, sources, options, { draws: DRAWS, seed: SEED });
  }
  const linkage = linkageRange(result.total, thresholds, clusterings);
  const markdown = renderEstimateMarkdown(result, { thresholds, clusterings, linkage });
  return { json: { ...result, thresholds, clusterings, linkage }, markdown };
}
