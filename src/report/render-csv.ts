// The CSV outputs of `merge`: records.csv (crosswalk), merged.csv (persons), links.csv (evidence), review.csv.
import type { IngestedSource } from '../core/types.js';
import type { ScoredPair } from '../match/index.js';
import type { Person } from '../merge/merge-person.js';
import type { PreparedRecord } from '../pipeline/prepare.js';
import { placeLabel, regionLabel } from '../places/index.js';
import { fmt, toCsv, type CsvOptions } from './csv.js';

export const RECORDS_HEADER = ['source', 'row', 'person_id', 'status', 'name', 'normalized_name', 'score', 'reason'] as const;
export const MERGED_HEADER = [
  'person_id', 'name_cyrillic', 'name_latin', 'surname', 'given_name', 'patronymic', 'sex', 'age', 'date_of_death',
  'place', 'region', 'category', 'sources', 'n_sources', 'records', 'confidence', 'conflicts',
] as const;

/** A scored pair as the matching engine gives it (only the fields the CSVs show). */
export type PairRow = Pick<ScoredPair, 'a' | 'b' | 'probability' | 'weight' | 'levels' | 'weights'>;

/** records.csv: one row per input record (used or rejected), sources in run order, rows in file order. */
export function renderRecordsCsv(
  sources: readonly IngestedSource[],
  records: readonly PreparedRecord[],
  personOfRecord: ReadonlyMap<string, string>,
  scoreOfRecord: ReadonlyMap<string, number>,
  csv: CsvOptions = {},
): string {
  const byKey = new Map(records.map((r) => [r.record.key, r]));
  const rows: string[][] = [];
  for (const s of sources) {
    const all: Array<{ row: number; line: () => string[] }> = [];
    for (const rec of s.records) {
      all.push({
        row: rec.row,
        line: () => [s.name, String(rec.row), personOfRecord.get(rec.key) ?? '', 'linked', rec.rawName, byKey.get(rec.key)?.name.normalized ?? '', fmt(scoreOfRecord.get(rec.key)), ''],
      });
    }
    for (const rej of s.rejected) {
      all.push({ row: rej.row, line: () => [s.name, String(rej.row), '', 'rejected', rej.rawName, '', '', rej.reason] });
    }
    all.sort((x, y) => x.row - y.row);
    for (const x of all) rows.push(x.line());
  }
  return toCsv(RECORDS_HEADER, rows, csv);
}

/** merged.csv: one row per person. */
export function renderMergedCsv(persons: readonly Person[], csv: CsvOptions = {}): string {
  const rows = persons.map((p) => [
    p.id,
    p.nameCyrillic,
    p.nameLatin,
    p.surname,
    p.givenName,
    p.patronymic,
    p.sex ?? '',
    p.age === undefined ? '' : String(p.age),
    p.dateOfDeath ?? '',
    p.place ? (p.place.startsWith('?') ? p.place.slice(1) : placeLabel(p.place) || p.place) : '',
    p.region ? regionLabel(p.region) || p.region : '',
    p.category ?? '',
    p.sources.join(';'),
    String(p.sources.length),
    p.records.join(';'),
    fmt(p.confidence, 3),
    p.conflicts.map((c) => c.field).join(';'),
  ]);
  return toCsv(MERGED_HEADER, rows, csv);
}

/** The comparison names present in any pair, in a fixed order (known ones first, then codepoint order). */
function levelColumns(pairs: readonly PairRow[]): string[] {
  const known = ['surname', 'given', 'patronymic', 'name', 'sex', 'age', 'date_of_death', 'place', 'category'];
  const seen = new Set<string>();
  for (const p of pairs) for (const k of Object.keys(p.levels)) seen.add(k);
  const rest = [...seen].filter((k) => !known.includes(k)).sort();
  return [...known.filter((k) => seen.has(k)), ...rest];
}

/** Weights with no level of their own (the prior, the name interaction), in codepoint order. */
function weightOnlyColumns(pairs: readonly PairRow[]): string[] {
  const seen = new Set<string>();
  for (const p of pairs) for (const k of Object.keys(p.weights)) if (!(k in p.levels)) seen.add(k);
  return [...seen].sort();
}

/** links.csv: every accepted link with its evidence (levels and per-comparison weights; the weights add up to `weight`). */
export function renderPairsCsv(pairs: readonly PairRow[], records: readonly PreparedRecord[], withNames: boolean, csv: CsvOptions = {}): string {
  const cols = levelColumns(pairs);
  const extra = weightOnlyColumns(pairs);
  const header = [
    'record_a', 'record_b', 'probability', 'weight',
    ...(withNames ? ['name_a', 'name_b'] : []),
    ...cols.flatMap((c) => [`${c}_level`, `${c}_weight`]),
    ...extra.map((c) => `${c}_weight`),
  ];
  const rows = pairs.map((p) => {
    const ra = records[p.a].record;
    const rb = records[p.b].record;
    return [
      ra.key, rb.key, fmt(p.probability), fmt(p.weight, 3),
      ...(withNames ? [ra.rawName, rb.rawName] : []),
      ...cols.flatMap((c) => [p.levels[c] ?? '', fmt(p.weights[c], 3)]),
      ...extra.map((c) => fmt(p.weights[c] ?? 0, 3)),
    ];
  });
  return toCsv(header, rows, csv);
}

/** review.csv: uncertain pairs, most informative first, both records side by side. */
export function renderReviewCsv(pairs: readonly PairRow[], records: readonly PreparedRecord[], csv: CsvOptions = {}): string {
  const side = (r: PreparedRecord) => [
    r.record.key, r.record.rawName, r.ageAtEvent === undefined ? '' : String(r.ageAtEvent), r.record.dateOfDeath ?? '',
    r.record.place ? (r.record.place.startsWith('?') ? r.record.place.slice(1) : placeLabel(r.record.place) || r.record.place) : '',
    r.record.category ?? '',
  ];
  const header = [
    'record_a', 'name_a', 'age_a', 'date_of_death_a', 'place_a', 'category_a',
    'record_b', 'name_b', 'age_b', 'date_of_death_b', 'place_b', 'category_b',
    'probability', 'weight', 'decision', 'note',
  ];
  const rows = pairs.map((p) => [...side(records[p.a]), ...side(records[p.b]), fmt(p.probability), fmt(p.weight, 3), '', '']);
  return toCsv(header, rows, csv);
}
