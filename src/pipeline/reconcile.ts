// The pure orchestrator of `merge`: ingested sources in, persons + report + output texts out. No fs, no clock.
import type { IngestedSource } from '../core/types.js';
import { assignPersonIds, linkRecords, type Decision, type LinkOptions, type LinkResult, type ModelParams } from '../match/index.js';
import { buildPersons, type Person } from '../merge/merge-person.js';
import { buildReport, type ReportData } from '../report/build-report.js';
import { prepareRecords, type PreparedRecord } from './prepare.js';
import { checkInvariants } from './invariants.js';

export interface ReconcileOptions {
  officialTotal?: number;
  eventDate?: string;
  threshold?: number;
  model?: ModelParams;
  decisions?: Decision[];
  /** record key → person id of an earlier run (`--previous`). */
  previous?: Map<string, string>;
  onStage?: LinkOptions['onStage'];
  /** Called around the stages outside the matching engine (for timings and progress). */
  onStep?: (step: 'normalize' | 'merge' | 'report', event: 'start' | 'end') => void;
}

export interface ReconcileResult {
  sources: readonly IngestedSource[];
  records: PreparedRecord[];
  link: LinkResult;
  persons: Person[];
  /** record key → person id. */
  personOfRecord: Map<string, string>;
  /** record key → best link probability to another record of its person. */
  scoreOfRecord: Map<string, number>;
  report: ReportData;
}

export function reconcile(sources: readonly IngestedSource[], options: ReconcileOptions = {}): ReconcileResult {
  options.onStep?.('normalize', 'start');
  const records = prepareRecords(sources, options.eventDate);
  options.onStep?.('normalize', 'end');

  const uniqueSources = sources.filter((s) => s.unique).map((s) => s.name);
  const link = linkRecords(records, {
    eventDate: options.eventDate,
    threshold: options.threshold,
    uniqueSources,
    model: options.model,
    decisions: options.decisions,
    onStage: options.onStage,
  });
  const clusterKeys = link.clusters.map((c) => c.map((i) => records[i].record.key));
  const personIds = options.previous ? assignPersonIds(clusterKeys, options.previous) : link.personIds;
  const knownKeys = new Set(records.map((r) => r.record.key));
  const decisionsApplied = (options.decisions ?? []).filter((d) => knownKeys.has(d.a) && knownKeys.has(d.b)).length;

  options.onStep?.('merge', 'start');
  const persons = buildPersons(records, link.clusters, personIds, link.links, link.review);
  const personOfRecord = new Map<string, string>();
  for (const p of persons) for (const k of p.records) personOfRecord.set(k, p.id);
  const scoreOfRecord = new Map<string, number>();
  for (const l of link.links) {
    for (const i of [l.a, l.b]) {
      const k = records[i].record.key;
      scoreOfRecord.set(k, Math.max(scoreOfRecord.get(k) ?? 0, l.probability));
    }
  }
  options.onStep?.('merge', 'end');

  options.onStep?.('report', 'start');
  const key = (i: number) => records[i].record.key;
  const report = buildReport({
    sources,
    persons,
    officialTotal: options.officialTotal,
    threshold: link.threshold,
    thresholdSource: link.thresholdSource,
    thresholdTable: link.thresholdTable,
    alternatives: {
      stricter: { threshold: link.alternatives.stricter.threshold, persons: link.alternatives.stricter.clusters.length },
      looser: { threshold: link.alternatives.looser.threshold, persons: link.alternatives.looser.clusters.length },
    },
    review: {
      pending: link.review.length,
      decisions_applied: decisionsApplied,
      pairs: link.review.map((p) => ({
        record_a: key(p.a),
        record_b: key(p.b),
        probability: Math.round(p.probability * 1e4) / 1e4,
        name_a: records[p.a].record.rawName,
        name_b: records[p.b].record.rawName,
      })),
    },
    withinSourceDuplicates: link.withinSourceDuplicates.map(([a, b]) => [key(a), key(b)] as [string, string]),
    candidatePairs: link.stats.candidatePairs,
    warnings: [
      ...sources.flatMap((s) => s.warnings.map((w) => `${s.name}: ${w}`)),
      ...link.stats.capped.map((c) => `matching: ${c}`),
    ],
  });
  options.onStep?.('report', 'end');

  const result: ReconcileResult = { sources, records, link, persons, personOfRecord, scoreOfRecord, report };
  checkInvariants(result);
  return result;
}
