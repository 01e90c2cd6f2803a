// The CSV outputs of `merge`: records.csv (crosswalk), merged.csv (persons), links.csv (evidence), review.csv.
// Each is made line by line (`...CsvLines`, for writing in pieces) or as one text (`render...Csv`, the lines joined).
import type { IngestedSource } from '../core/types.js';
import type { ScoredPair } from '../match/index.js';
import type { Person } from '../merge/merge-person.js';
import type { PreparedRecord } from '../pipeline/prepare.js';
import { placeLabel, regionLabel } from '../places/index.js';
import { csvLines, fmt, joinLines, type CsvOptions, type CsvRow } from './csv.js';

export const RECORDS_HEADER = ['source', 'row', 'person_id', 'status', 'name', 'normalized_name', 'score', 'reason'] as const;
export const MERGED_HEADER = [
  'person_id', 'name_cyrillic', 'name_latin', 'surname', 'given_name', 'patronymic', 'sex', 'age', 'date_of_death',
  'place', 'region', 'category', 'sources', 'n_sources', 'records', 'confidence', 'conflicts',
] as const;

/** A scored pair as the matching engine gives it (only the fields the CSVs show). */
export type PairRow = Pick<ScoredPair, 'a' | 'b' | 'probability' | 'weight' | 'levels' | 'weights' | 'linkedBy'>;

/** records.csv: one row per input record (used or rejected), sources in run order, rows in file order. */
export function renderRecordsCsv(
  sources: readonly IngestedSource[],
  records: readonly PreparedRecord[],
  personOfRecord: ReadonlyMap<string, string>,
  scoreOfRecord: ReadonlyMap<string, number>,
  csv: CsvOptions = {},
): string {
  return joinLines(recordsCsvLines(sources, records, personOfRecord, scoreOfRecord, csv));
}

export function recordsCsvLines(
  sources: readonly IngestedSource[],
  records: readonly PreparedRecord[],
  personOfRecord: ReadonlyMap<string, string>,
  scoreOfRecord: ReadonlyMap<string, number>,
  csv: CsvOptions = {},
): Generator<string, void, undefined> {
  return csvLines(RECORDS_HEADER, recordsCsvRows(sources, records, personOfRecord, scoreOfRecord), csv);
}

function isSortedByRow(rows: ReadonlyArray<{ row: number }>): boolean {
  for (let k = 1; k < rows.length; k++) if (rows[k - 1].row > rows[k].row) return false;
  return true;
}

/** The rows of records.csv. Each source's records and rejected rows are merged by row number (records first on a tie). */
function* recordsCsvRows(
  sources: readonly IngestedSource[],
  records: readonly PreparedRecord[],
  personOfRecord: ReadonlyMap<string, string>,
  scoreOfRecord: ReadonlyMap<string, number>,
): Generator<string[], void, undefined> {
  // The prepared records are the sources' records in run order (see prepareRecords); a key lookup only if not.
  let byKey: Map<string, PreparedRecord> | undefined;
  let offset = 0;
  const preparedOf = (key: string, index: number): PreparedRecord | undefined => {
    const p = records[index];
    if (byKey === undefined && p !== undefined && p.record.key === key) return p;
    byKey ??= new Map(records.map((r) => [r.record.key, r]));
    return byKey.get(key);
  };
  for (const s of sources) {
    const base = offset;
    offset += s.records.length;
    const linked = (j: number): string[] => {
      const rec = s.records[j];
      return [s.name, String(rec.row), personOfRecord.get(rec.key) ?? '', 'linked', rec.rawName, preparedOf(rec.key, base + j)?.name.normalized ?? '', fmt(scoreOfRecord.get(rec.key)), ''];
    };
    const rejected = (j: number): string[] => {
      const rej = s.rejected[j];
      return [s.name, String(rej.row), '', 'rejected', rej.rawName, '', '', rej.reason];
    };
    if (isSortedByRow(s.records) && isSortedByRow(s.rejected)) {
      let x = 0;
      let y = 0;
      while (x < s.records.length || y < s.rejected.length) {
        if (y >= s.rejected.length || (x < s.records.length && s.records[x].row <= s.rejected[y].row)) yield linked(x++);
        else yield rejected(y++);
      }
    } else {
      const all: Array<{ row: number; line: () => string[] }> = [];
      s.records.forEach((rec, j) => all.push({ row: rec.row, line: () => linked(j) }));
      s.rejected.forEach((rej, j) => all.push({ row: rej.row, line: () => rejected(j) }));
      all.sort((p, q) => p.row - q.row);
      for (const x of all) yield x.line();
    }
  }
}

/** merged.csv: one row per person. */
export function renderMergedCsv(persons: readonly Person[], csv: CsvOptions = {}): string {
  return joinLines(mergedCsvLines(persons, csv));
}

export function mergedCsvLines(persons: readonly Person[], csv: CsvOptions = {}): Generator<string, void, undefined> {
  return csvLines(MERGED_HEADER, mapRows(persons, mergedRow), csv);
}

function* mapRows<T>(items: readonly T[], row: (item: T) => CsvRow): Generator<CsvRow, void, undefined> {
  for (const x of items) yield row(x);
}

function mergedRow(p: Person): string[] {
  return [
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
  ];
}

/** True when two key lists are the same, in the same order. */
function sameKeys(x: readonly string[], y: readonly string[] | undefined): boolean {
  if (y === undefined || x.length !== y.length) return false;
  for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return false;
  return true;
}

/**
 * The columns of links.csv, in one pass over the pairs: the comparison names present in any pair's levels, in a
 * fixed order (known ones first, then codepoint order), and the weights with no level of their own (the prior, the
 * name interaction) in codepoint order. Pairs of one run all show the same names, so a pair whose keys repeat the
 * previous pair's adds nothing and is passed over.
 */
function pairColumns(pairs: readonly PairRow[]): { levels: string[]; weightOnly: string[] } {
  const known = ['surname', 'given', 'patronymic', 'name', 'sex', 'age', 'date_of_death', 'place', 'category'];
  const seen = new Set<string>();
  const weightOnly = new Set<string>();
  let lastLevels: string[] | undefined;
  let lastWeights: string[] | undefined;
  for (const p of pairs) {
    const levelKeys = Object.keys(p.levels);
    const weightKeys = Object.keys(p.weights);
    if (sameKeys(levelKeys, lastLevels) && sameKeys(weightKeys, lastWeights)) continue;
    lastLevels = levelKeys;
    lastWeights = weightKeys;
    const inLevels = new Set(levelKeys);
    for (const k of levelKeys) seen.add(k);
    for (const k of weightKeys) if (!inLevels.has(k)) weightOnly.add(k);
  }
  const rest = [...seen].filter((k) => !known.includes(k)).sort();
  return { levels: [...known.filter((k) => seen.has(k)), ...rest], weightOnly: [...weightOnly].sort() };
}

/**
 * links.csv: every accepted link with what made it (`linked_by`: model, exclusive, decision) and its evidence (levels
 * and per-comparison weights; the weights add up to `weight`).
 */
export function renderPairsCsv(pairs: readonly PairRow[], records: readonly PreparedRecord[], withNames: boolean, csv: CsvOptions = {}): string {
  return joinLines(pairsCsvLines(pairs, records, withNames, csv));
}

/** links.csv line by line (the columns are found in a first pass over the pairs; each pair's evidence is read once). */
export function pairsCsvLines(pairs: readonly PairRow[], records: readonly PreparedRecord[], withNames: boolean, csv: CsvOptions = {}): Generator<string, void, undefined> {
  const { levels: cols, weightOnly: extra } = pairColumns(pairs);
  const header = [
    'record_a', 'record_b', 'probability', 'weight', 'linked_by',
    ...(withNames ? ['name_a', 'name_b'] : []),
    ...cols.flatMap((c) => [`${c}_level`, `${c}_weight`]),
    ...extra.map((c) => `${c}_weight`),
  ];
  const row = (p: PairRow): string[] => {
    const ra = records[p.a].record;
    const rb = records[p.b].record;
    const levels = p.levels;
    const weights = p.weights;
    const cells = [ra.key, rb.key, fmt(p.probability), fmt(p.weight, 3), p.linkedBy ?? ''];
    if (withNames) cells.push(ra.rawName, rb.rawName);
    for (const c of cols) cells.push(levels[c] ?? '', fmt(weights[c], 3));
    for (const c of extra) cells.push(fmt(weights[c] ?? 0, 3));
    return cells;
  };
  return csvLines(header, mapRows(pairs, row), csv);
}

const REVIEW_HEADER = [
  'record_a', 'name_a', 'age_a', 'date_of_death_a', 'place_a', 'category_a',
  'record_b', 'name_b', 'age_b', 'date_of_death_b', 'place_b', 'category_b',
  'probability', 'weight', 'decision', 'note',
] as const;

/** review.csv: uncertain pairs, most informative first, both records side by side. */
export function renderReviewCsv(pairs: readonly PairRow[], records: readonly PreparedRecord[], csv: CsvOptions = {}): string {
  return joinLines(reviewCsvLines(pairs, records, csv));
}

export function reviewCsvLines(pairs: readonly PairRow[], records: readonly PreparedRecord[], csv: CsvOptions = {}): Generator<string, void, undefined> {
  const side = (r: PreparedRecord) => [
    r.record.key, r.record.rawName, r.ageAtEvent === undefined ? '' : String(r.ageAtEvent), r.record.dateOfDeath ?? '',
    r.record.place ? (r.record.place.startsWith('?') ? r.record.place.slice(1) : placeLabel(r.record.place) || r.record.place) : '',
    r.record.category ?? '',
  ];
  return csvLines(REVIEW_HEADER, mapRows(pairs, (p) => [...side(records[p.a]), ...side(records[p.b]), fmt(p.probability), fmt(p.weight, 3), '', '']), csv);
}
