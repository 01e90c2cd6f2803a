// Parses the two files of a merge output that diff needs (records.csv, merged.csv) from their text. Pure: the CLI
// reads the files. Accepts a UTF-8 BOM, `;` or tab delimiters (merge --excel) and neutralised cells ('=...).
import { parse } from 'csv-parse/sync';
import { ReconError } from '../core/errors.js';

export interface OutputRecord {
  source: string;
  row: number;
  key: string;
  personId: string;
  status: 'linked' | 'rejected';
  name: string;
  reason: string;
}

export interface OutputPerson {
  id: string;
  /** merged.csv columns by name (person_id included). */
  values: Record<string, string>;
  /** Record keys, sorted as written. */
  records: string[];
}

export interface OutputData {
  path: string;
  records: OutputRecord[];
  persons: OutputPerson[];
}

/** Undoes merge's spreadsheet neutralisation: `'=x` → `=x` (only before a character a spreadsheet would run). */
function unneutralize(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

function parseTable(text: string, file: string, required: readonly string[]): Array<Record<string, string>> {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const delimiter = [',', ';', '\t'].reduce((best, d) => (firstLine.split(d).length > firstLine.split(best).length ? d : best), ',');
  let rows: string[][];
  try {
    rows = parse(body, { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw new ReconError('CSV_MALFORMED', 'not a valid CSV file (a quoted field is not closed properly)', { file, line });
  }
  if (rows.length === 0) throw new ReconError('EMPTY_FILE', 'the file is empty', { file, hint: 'is this a folder written by reconcile merge --out?' });
  const header = rows[0].map((h) => h.trim());
  const missing = required.filter((h) => !header.includes(h));
  if (missing.length > 0) {
    throw new ReconError('MISSING_COLUMN', `missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} (found: ${header.join(', ')})`, {
      file,
      line: 1,
      hint: 'diff compares folders written by reconcile merge --out',
    });
  }
  return rows.slice(1).map((cells) => {
    const o: Record<string, string> = {};
    header.forEach((h, k) => {
      o[h] = unneutralize(cells[k] ?? '');
    });
    return o;
  });
}

/**
 * Reads a merge output from the texts of its records.csv and merged.csv.
 * Example: parseOutput('out', recordsText, mergedText).persons[0] → {id: 'P0001', values: {...}, records: ['media:1', 'ngo:4']}
 */
export function parseOutput(path: string, recordsCsv: string, mergedCsv: string, files = { records: 'records.csv', merged: 'merged.csv' }): OutputData {
  const rec = parseTable(recordsCsv, files.records, ['source', 'row', 'person_id', 'status', 'name']);
  const records: OutputRecord[] = rec.map((r, k) => {
    const row = Number(r.row);
    if (!Number.isInteger(row) || row < 1) {
      throw new ReconError('CSV_MALFORMED', `"row" must be a record number, not "${r.row}"`, { file: files.records, line: k + 2 });
    }
    return {
      source: r.source,
      row,
      key: `${r.source}:${row}`,
      personId: r.person_id ?? '',
      status: r.status === 'rejected' ? 'rejected' : 'linked',
      name: r.name ?? '',
      reason: r.reason ?? '',
    };
  });
  const mer = parseTable(mergedCsv, files.merged, ['person_id', 'records']);
  const persons: OutputPerson[] = mer.map((values) => ({
    id: values.person_id,
    values,
    records: (values.records ?? '').split(';').map((s) => s.trim()).filter(Boolean),
  }));
  return { path, records, persons };
}
