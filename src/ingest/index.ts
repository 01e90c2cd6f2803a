// Ingestion of one casualty-list CSV from its bytes: encoding, delimiter, header roles, values, rejected rows.
// Pure (the caller reads the file); deterministic; linear in the file size.
import { createHash } from 'node:crypto';
import { ReconError } from '../core/errors.js';
import type { IngestedSource, RejectedRow, SourceRecord } from '../core/types.js';
import { buildRecord, ValueCache } from './build-record.js';
import { decodeBytes } from './decode-bytes.js';
import { detectDelimiter, normalizeDelimiter } from './detect-delimiter.js';
import { checkOverrides, hasNameColumn, planColumns, type ColumnPlan } from './plan-columns.js';
import { readRows, type RawRow } from './read-rows.js';

export { parseDate } from './parse-date.js';
export { parseAge } from './parse-age.js';
export { parseBirthYear } from './parse-birth-year.js';
export { parseCategory } from './parse-category.js';
export { parseSex } from './parse-sex.js';
export { detectRole, COLUMN_ROLES, type ColumnRole } from './column-roles.js';
import type { SourceConfig } from '../core/config.js';
export { decodeBytes, normalizeEncoding } from './decode-bytes.js';
export { detectDelimiter, normalizeDelimiter } from './detect-delimiter.js';
export { rejectNameReason } from './build-record.js';

/** A source to ingest: the run config's source entry (`path` is used in messages only). */
export type SourceSpec = SourceConfig;

export interface IngestLimits {
  /** Largest field accepted, in UTF-8 bytes (default 1 MiB). */
  maxFieldBytes?: number;
  /** Most data rows accepted (default 5,000,000). */
  maxRecords?: number;
}

export const DEFAULT_MAX_FIELD_BYTES = 1024 * 1024;
export const DEFAULT_MAX_RECORDS = 5_000_000;

/** Rows searched for the header when a title or blank rows come first. */
const HEADER_SEARCH_ROWS = 10;

const NAME_HINT = 'name the column in the config: "columns": {"<header>": "full_name"} (or "surname", "given")';

/** Characters decoded up front, for delimiter detection and the empty-file check. */
const SAMPLE_BYTES = 256 * 1024;

/** True when the input has something other than whitespace (beyond the sample already checked). */
function hasContent(input: string | Uint8Array): boolean {
  if (typeof input === 'string') return /\S/.test(input);
  for (let i = 0; i < input.length; i++) {
    const b = input[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0b && b !== 0x0c) return true;
  }
  return false;
}

function isBlank(fields: readonly string[]): boolean {
  for (const f of fields) if (f.trim() !== '') return false;
  return true;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * Reads one source list from its bytes. Detects (or takes from `spec`) the encoding and the delimiter, finds the
 * header (title rows above it are skipped with a warning), maps headers to roles, and parses every row into a
 * SourceRecord, or a RejectedRow when it has no usable name. Nothing is dropped silently: blank lines are counted in
 * the warnings. Throws ReconError (EMPTY_FILE, ENCODING, CSV_MALFORMED, MISSING_COLUMN, LIMIT, BAD_CONFIG).
 *
 * Example:
 *   ingestSource({ name: 'media', path: 'media.csv' }, new TextEncoder().encode('ФИО;Возраст\nТестов Тест;23 года\n'))
 *   → { records: [{ key: 'media:1', rawName: 'Тестов Тест', age: 23, ... }], delimiter: ';', encoding: 'utf-8', ... }
 */
export function ingestSource(spec: SourceSpec, bytes: Uint8Array, limits: IngestLimits = {}): IngestedSource {
  const file = spec.path;
  const maxFieldBytes = limits.maxFieldBytes ?? DEFAULT_MAX_FIELD_BYTES;
  const maxRecords = limits.maxRecords ?? DEFAULT_MAX_RECORDS;
  checkOverrides(spec.columns, file);
  const forcedDelimiter = spec.delimiter !== undefined && spec.delimiter !== '' ? normalizeDelimiter(spec.delimiter, file) : undefined;

  if (bytes.length === 0) throw emptyFile(file, 'the file is empty (0 bytes)');
  const decoded = decodeBytes(bytes, file, spec.encoding);
  const encoding = decoded.encoding;
  const input = decoded.utf8 ?? decoded.text;
  const sample = decoded.utf8 ? new TextDecoder().decode(decoded.utf8.subarray(0, SAMPLE_BYTES)) : decoded.text.slice(0, SAMPLE_BYTES);
  if (!/\S/.test(sample) && !hasContent(input)) throw emptyFile(file, 'the file is empty: it has only blank lines');
  // Excel's delimiter line: `sep=;` as the first line.
  const sepLine = /^sep=([^\r\n])[ \t]*(?:\r\n|\n|\r|$)/i.exec(sample);
  const delimiter = forcedDelimiter ?? (sepLine ? normalizeDelimiter(sepLine[1], file) : detectDelimiter(sample));

  const records: SourceRecord[] = [];
  const rejected: RejectedRow[] = [];
  const warnings: string[] = [];
  const cache = new ValueCache();
  let plan: ColumnPlan | undefined;
  let headerLine = 0;
  const above: RawRow[] = [];
  let blank = 0;
  let row = 0;
  /** Lines of rows that start with a byte-order mark (files joined together). */
  const innerBoms: number[] = [];
  /** Data rows whose field count differs from the header's: count and the first few as `line N has K`. */
  let ragged = 0;
  const raggedExamples: string[] = [];
  let lastRow: RawRow | undefined;

  const takeHeader = (r: RawRow): boolean => {
    const candidate = planColumns(r.fields, spec.columns);
    if (candidate.missing.length > 0 || !hasNameColumn(candidate)) return false;
    plan = candidate;
    headerLine = r.line;
    warnings.push(...candidate.warnings);
    return true;
  };

  readRows(input, delimiter, file, (r) => {
    if (r.fields[0].charCodeAt(0) === 0xfeff) {
      r.fields[0] = r.fields[0].slice(1);
      innerBoms.push(r.line);
    }
    if (isBlank(r.fields)) {
      blank++;
      return;
    }
    if (!plan) {
      if (sepLine && r.line === 1) {
        warnings.push(`line 1 "${sepLine[0].trim()}" read as the delimiter line Excel writes`);
        return;
      }
      if (takeHeader(r)) return;
      above.push(r);
      if (above.length >= HEADER_SEARCH_ROWS) throw missingName(above[0], spec, file);
      return;
    }
    row++;
    if (row > maxRecords) {
      throw new ReconError('LIMIT', `the file has more than ${maxRecords} records (the limit)`, {
        file, line: r.line, hint: 'raise the limit with --max-records, or split the file',
      });
    }
    lastRow = r;
    if (isRagged(r.fields, plan.keys.length)) {
      ragged++;
      if (raggedExamples.length < RAGGED_EXAMPLES) raggedExamples.push(`line ${r.line} has ${r.fields.length}`);
    }
    const built = buildRecord({ source: spec.name, row, line: r.line, fields: r.fields }, plan, cache);
    if (built.record) records.push(built.record);
    else if (built.rejected) rejected.push(built.rejected);
  }, { maxFieldBytes });

  if (!plan) {
    if (above.length === 0) throw emptyFile(file, 'the file is empty: it has only blank lines');
    throw missingName(above[0], spec, file);
  }
  const finalPlan: ColumnPlan = plan;
  if (above.length > 0) {
    const first = above[0].line;
    const last = above[above.length - 1].line;
    warnings.unshift(`${plural(above.length, 'row', 'rows')} above the header skipped (${first === last ? `line ${first}` : `lines ${first}–${last}`})`);
  }
  if (blank > 0) warnings.push(`${plural(blank, 'blank line', 'blank lines')} skipped`);
  if (row === 0) warnings.push(`the file has a header (line ${headerLine}) but no records`);
  const width = finalPlan.keys.length;
  if (innerBoms.length > 0) {
    const lines = innerBoms.slice(0, RAGGED_EXAMPLES).join(', ') + (innerBoms.length > RAGGED_EXAMPLES ? ', …' : '');
    warnings.push(`${innerBoms.length === 1 ? 'line' : 'lines'} ${lines} ${innerBoms.length === 1 ? 'starts' : 'start'} with a byte-order mark (U+FEFF), as when files are joined together; it was removed`);
  }
  if (ragged > 0) {
    warnings.push(
      `${plural(ragged, 'row does', 'rows do')} not have the header's ${width} fields (${raggedExamples.join(', ')}${ragged > raggedExamples.length ? ', …' : ''}); ` +
        'missing fields are read as empty, extra ones are kept as "(column N)"',
    );
  }
  const lastChar = typeof input === 'string' ? input.charCodeAt(input.length - 1) : input[input.length - 1];
  if (lastRow && lastRow.fields.length < width && lastChar !== 0x0a && lastChar !== 0x0d) {
    warnings.push(`the file may be cut short: its last row (line ${lastRow.line}) has ${lastRow.fields.length} of the header's ${width} fields and no line break at the end`);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');

  const columns: Record<string, string> = {};
  finalPlan.keys.forEach((key, i) => {
    const role = finalPlan.roles[i];
    if (role) columns[key] = role;
  });
  const out: IngestedSource = { name: spec.name, path: spec.path, sha256, encoding, delimiter, columns, records, rejected, warnings };
  if (spec.unique !== undefined) out.unique = spec.unique;
  return out;
}

/** Rows listed by line in the ragged-rows warning. */
const RAGGED_EXAMPLES = 5;

/** Fewer fields than the header, or non-empty fields beyond it (empty trailing fields are only extra delimiters). */
function isRagged(fields: readonly string[], width: number): boolean {
  if (fields.length < width) return true;
  for (let i = width; i < fields.length; i++) if (fields[i].trim() !== '') return true;
  return false;
}

function emptyFile(file: string, message: string): ReconError {
  return new ReconError('EMPTY_FILE', message, {
    file, hint: 'a source list needs a header line naming its columns (e.g. ФИО,Возраст,Место) and one line per person',
  });
}

/** MISSING_COLUMN for the first non-blank row: config headers it lacks, or no name column among its headers. */
function missingName(first: RawRow, spec: SourceSpec, file: string): ReconError {
  const plan = planColumns(first.fields, spec.columns);
  const found = first.fields.map((h) => JSON.stringify(h.trim())).join(', ');
  if (plan.missing.length > 0) {
    return new ReconError('MISSING_COLUMN', `the config names column ${plan.missing.map((m) => JSON.stringify(m)).join(', ')}, which the header does not have (found: ${found})`, {
      file, line: first.line, hint: 'config "columns" keys must be headers as written in the file',
    });
  }
  return new ReconError('MISSING_COLUMN', `no name column: found headers ${found}; expected a full name (ФИО, Аты-жөні, Full name) or surname and given name (Фамилия, Имя)`, {
    file, line: first.line, hint: NAME_HINT,
  });
}
