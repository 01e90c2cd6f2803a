// The discrepancy report as plain data (this object is report.json). Pure; every list sorted explicitly.
import { compareStrings } from '../core/compare.js';
import type { IngestedSource } from '../core/types.js';
import type { Person } from '../merge/merge-person.js';
import { placeLabel, regionLabel } from '../places/index.js';

export const REPORT_SCHEMA_VERSION = 1;

export interface SourceStats {
  name: string;
  file: string;
  sha256: string;
  encoding: string;
  delimiter: string;
  records: number;
  persons: number;
  only_here: number;
  duplicates: number;
  rejected: number;
  /** Share of all named persons this source names (0..1). */
  coverage: number;
  covers?: string;
  unique: boolean;
  by_category: Record<'civilian' | 'security' | 'other' | 'unknown', number>;
}

export interface ReportData {
  schema_version: number;
  official_total: number | null;
  persons: number;
  /** official_total − persons (positive: fewer named than officially counted); null without an official total. */
  gap: number | null;
  persons_range: { stricter: { threshold: number; persons: number }; looser: { threshold: number; persons: number } };
  records: number;
  linked_records: number;
  rejected_records: number;
  threshold: number;
  threshold_source: string;
  threshold_table: Array<{ threshold: number; persons: number }>;
  sources: SourceStats[];
  overlap: Record<string, Record<string, number>>;
  capture_histories: Array<{ sources: string[]; persons: number }>;
  by_category: Array<{ category: string; persons: number; by_source: Record<string, number> }>;
  by_date: Array<{ date: string; persons: number }>;
  by_place: Array<{ place: string; label: string; persons: number }>;
  conflicts: Array<{ person_id: string; name: string; field: string; values: Array<{ record: string; source: string; value: string }> }>;
  review: { pending: number; decisions_applied: number; pairs: Array<{ record_a: string; record_b: string; probability: number; name_a: string; name_b: string }> };
  within_source_duplicates: Array<{ record_a: string; record_b: string }>;
  rejected: Array<{ source: string; row: number; line: number; name: string; reason: string }>;
  candidate_pairs: number;
  warnings: string[];
  estimate?: unknown;
}

export interface ReportInput {
  sources: readonly IngestedSource[];
  persons: readonly Person[];
  officialTotal?: number;
  threshold: number;
  thresholdSource: string;
  thresholdTable: Array<{ threshold: number; persons: number }>;
  alternatives: { stricter: { threshold: number; persons: number }; looser: { threshold: number; persons: number } };
  review: ReportData['review'];
  withinSourceDuplicates: Array<[string, string]>;
  candidatePairs: number;
  warnings: string[];
}

/** Builds report.json's content from the merged persons and the ingested sources. */
export function buildReport(input: ReportInput): ReportData {
  const { sources, persons } = input;
  const names = sources.map((s) => s.name);
  const sortedNames = [...names].sort(compareStrings);
  const total = persons.length;
  const recordsTotal = sources.reduce((n, s) => n + s.records.length + s.rejected.length, 0);
  const rejectedTotal = sources.reduce((n, s) => n + s.rejected.length, 0);

  const overlap: Record<string, Record<string, number>> = {};
  for (const a of sortedNames) {
    overlap[a] = {};
    for (const b of sortedNames) overlap[a][b] = 0;
  }
  const histories = new Map<string, number>();
  const personsOf = new Map<string, number>(names.map((n) => [n, 0]));
  const onlyHere = new Map<string, number>(names.map((n) => [n, 0]));
  const byCatSource = new Map<string, SourceStats['by_category']>(names.map((n) => [n, { civilian: 0, security: 0, other: 0, unknown: 0 }]));
  for (const p of persons) {
    for (const a of p.sources) {
      personsOf.set(a, (personsOf.get(a) ?? 0) + 1);
      byCatSource.get(a)![p.category ?? 'unknown'] += 1;
      for (const b of p.sources) overlap[a][b] += 1;
    }
    if (p.sources.length === 1) onlyHere.set(p.sources[0], (onlyHere.get(p.sources[0]) ?? 0) + 1);
    const key = p.sources.join('\u0000');
    histories.set(key, (histories.get(key) ?? 0) + 1);
  }

  const stats: SourceStats[] = sources.map((s) => {
    const personsHere = personsOf.get(s.name) ?? 0;
    return {
      name: s.name,
      file: s.path.split(/[\\/]/).pop() ?? s.path,
      sha256: s.sha256,
      encoding: s.encoding,
      delimiter: s.delimiter === '\t' ? 'tab' : s.delimiter,
      records: s.records.length + s.rejected.length,
      persons: personsHere,
      only_here: onlyHere.get(s.name) ?? 0,
      duplicates: s.records.length - personsHere,
      rejected: s.rejected.length,
      coverage: total === 0 ? 0 : round(personsHere / total, 4),
      ...(s.covers ? { covers: s.covers } : {}),
      unique: Boolean(s.unique),
      by_category: byCatSource.get(s.name)!,
    };
  });

  const captureHistories = [...histories.entries()]
    .map(([k, n]) => ({ sources: k.split('\u0000'), persons: n }))
    .sort((x, y) => y.persons - x.persons || compareStrings(x.sources.join(';'), y.sources.join(';')));

  const categories = ['security', 'civilian', 'other', 'unknown'];
  const byCategory = categories
    .map((category) => {
      const bySource: Record<string, number> = {};
      for (const n of sortedNames) bySource[n] = byCatSource.get(n)![category as keyof SourceStats['by_category']];
      return { category, persons: persons.filter((p) => (p.category ?? 'unknown') === category).length, by_source: bySource };
    })
    .filter((c) => c.persons > 0 || c.category !== 'unknown');

  const byDate = countBy(persons.map((p) => p.dateOfDeath ?? 'unknown'))
    .map(([date, n]) => ({ date, persons: n }))
    .sort((x, y) => compareStrings(x.date, y.date));
  const byPlace = countBy(persons.map((p) => p.place ?? 'unknown'))
    .map(([place, n]) => ({ place, label: labelOfPlace(place, persons), persons: n }))
    .sort((x, y) => y.persons - x.persons || compareStrings(x.place, y.place));

  const conflicts = persons
    .flatMap((p) => p.conflicts.map((c) => ({ person_id: p.id, name: p.nameCyrillic, field: c.field, values: c.values })))
    .sort((x, y) => compareStrings(x.person_id, y.person_id) || compareStrings(x.field, y.field));

  const rejected = sources.flatMap((s) =>
    s.rejected.map((r) => ({ source: s.name, row: r.row, line: r.line, name: r.rawName, reason: r.reason })),
  );

  return {
    schema_version: REPORT_SCHEMA_VERSION,
    official_total: input.officialTotal ?? null,
    persons: total,
    gap: input.officialTotal === undefined ? null : input.officialTotal - total,
    persons_range: input.alternatives,
    records: recordsTotal,
    linked_records: recordsTotal - rejectedTotal,
    rejected_records: rejectedTotal,
    threshold: input.threshold,
    threshold_source: input.thresholdSource,
    threshold_table: input.thresholdTable,
    sources: stats,
    overlap,
    capture_histories: captureHistories,
    by_category: byCategory,
    by_date: byDate,
    by_place: byPlace,
    conflicts,
    review: input.review,
    within_source_duplicates: input.withinSourceDuplicates.map(([a, b]) => ({ record_a: a, record_b: b })),
    rejected,
    candidate_pairs: input.candidatePairs,
    warnings: input.warnings,
  };
}

function labelOfPlace(place: string, persons: readonly Person[]): string {
  if (place === 'unknown') return 'unknown';
  if (place.startsWith('?')) return place.slice(1);
  const label = placeLabel(place);
  if (label) return label;
  const p = persons.find((x) => x.place === place);
  return (p?.region && regionLabel(p.region)) || place;
}

function countBy(values: readonly string[]): Array<[string, number]> {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m.entries()];
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
