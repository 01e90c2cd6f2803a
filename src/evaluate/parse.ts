// Parsers for the files `reconcile evaluate` reads (pure: text in, rows out): truth.csv, records.csv, the candidate
// pairs file and truth/persons.csv. Bad input raises ReconError naming the file, the line and what is wrong.
import { ReconError } from '../core/errors.js';
import type { CandidatePair, PersonRelation, PredictedRow, TruthRow } from './metrics.js';

interface Table {
  header: string[];
  rows: string[][];
  /** 1-based physical line where each data row starts. */
  lines: number[];
}

/**
 * Splits CSV text (comma-separated, RFC 4180 quotes, CRLF or LF, BOM) into rows with the line each starts on.
 * Hand-written rather than csv-parse: evaluation reads files of a million rows, and this is several times faster.
 */
export function splitCsv(text: string, file: string): { rows: string[][]; lines: number[] } {
  const rows: string[][] = [];
  const lines: number[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const len = text.length;
  while (i < len) {
    const startLine = line;
    const row: string[] = [];
    for (;;) {
      let field: string;
      if (text.charCodeAt(i) === 34 /* " */) {
        let j = i + 1;
        let value = '';
        const opened = line;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) {
            throw new ReconError('CSV_MALFORMED', `unbalanced quote: a field opened with " on line ${opened} is never closed`, {
              file,
              line: opened,
            });
          }
          const chunk = text.slice(j, q);
          for (let k = chunk.indexOf('\n'); k >= 0; k = chunk.indexOf('\n', k + 1)) line++;
          value += chunk;
          if (text.charCodeAt(q + 1) === 34) {
            value += '"';
            j = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        field = value;
      } else {
        let j = i;
        while (j < len) {
          const c = text.charCodeAt(j);
          if (c === 44 || c === 10 || c === 13) break;
          j++;
        }
        field = text.slice(i, j);
        i = j;
      }
      row.push(field);
      const c = text.charCodeAt(i);
      if (c === 44) {
        i++;
        continue;
      }
      if (c === 13) i++;
      if (text.charCodeAt(i) === 10) i++;
      line++;
      break;
    }
    if (!(row.length === 1 && row[0] === '')) {
      rows.push(row);
      lines.push(startLine);
    }
  }
  return { rows, lines };
}

function readTable(text: string, file: string): Table {
  const { rows, lines } = splitCsv(text, file);
  if (rows.length === 0) throw new ReconError('EMPTY_FILE', 'the file is empty', { file });
  const header = rows[0].map((h) => h.trim().toLowerCase());
  return { header, rows: rows.slice(1), lines: lines.slice(1) };
}

function column(t: Table, names: string[], file: string, required: true): number;
function column(t: Table, names: string[], file: string, required: false): number | undefined;
function column(t: Table, names: string[], file: string, required: boolean): number | undefined {
  for (const n of names) {
    const i = t.header.indexOf(n);
    if (i >= 0) return i;
  }
  if (!required) return undefined;
  throw new ReconError('MISSING_COLUMN', `missing column "${names[0]}" (found: ${t.header.join(', ')})`, { file, line: 1 });
}

function rowNumber(value: string, file: string, line: number): number {
  const v = value.trim();
  if (!/^\d+$/.test(v) || Number(v) < 1) {
    throw new ReconError('CSV_MALFORMED', `row "${value}" is not a positive whole number`, { file, line });
  }
  return Number(v);
}

/**
 * Reads truth.csv (`source,row,true_person_id[,script]`; `person_id` is accepted for the id).
 * @example parseTruthCsv('source,row,true_person_id,script\nmedia,1,P0001,ru-cyrl\n', 'truth.csv')[0].key // 'media:1'
 */
export function parseTruthCsv(text: string, file: string): TruthRow[] {
  const t = readTable(text, file);
  const cs = column(t, ['source'], file, true);
  const cr = column(t, ['row'], file, true);
  const cp = column(t, ['true_person_id', 'person_id', 'true_id'], file, true);
  const cscript = column(t, ['script'], file, false);
  const seen = new Set<string>();
  return t.rows.map((r, i) => {
    const line = t.lines[i];
    const source = (r[cs] ?? '').trim();
    const personId = (r[cp] ?? '').trim();
    if (source === '') throw new ReconError('CSV_MALFORMED', 'empty source', { file, line });
    if (personId === '') throw new ReconError('CSV_MALFORMED', 'empty true_person_id', { file, line });
    const key = `${source}:${rowNumber(r[cr] ?? '', file, line)}`;
    if (seen.has(key)) throw new ReconError('CSV_MALFORMED', `record ${key} appears twice in the truth`, { file, line });
    seen.add(key);
    const script = cscript === undefined ? undefined : (r[cscript] ?? '').trim();
    return script === undefined ? { key, personId } : { key, personId, script };
  });
}

/** Reads records.csv as `reconcile merge` writes it (`source,row,person_id,status,name,...`). */
export function parseRecordsCsv(text: string, file: string): PredictedRow[] {
  const t = readTable(text, file);
  const cs = column(t, ['source'], file, true);
  const cr = column(t, ['row'], file, true);
  const cp = column(t, ['person_id'], file, true);
  const cst = column(t, ['status'], file, false);
  const cn = column(t, ['name'], file, false);
  return t.rows.map((r, i) => {
    const line = t.lines[i];
    const source = (r[cs] ?? '').trim();
    if (source === '') throw new ReconError('CSV_MALFORMED', 'empty source', { file, line });
    return {
      key: `${source}:${rowNumber(r[cr] ?? '', file, line)}`,
      personId: (r[cp] ?? '').trim(),
      status: cst === undefined ? 'linked' : (r[cst] ?? '').trim(),
      name: cn === undefined ? '' : (r[cn] ?? ''),
    };
  });
}

/**
 * Reads candidate pairs (`record_a,record_b`, keys `source:row`). The header is checked at once; the pairs are
 * yielded lazily, line by line, so that millions of pairs need no more memory than the text itself. Simple lines
 * are split directly; quoted lines go through the full CSV splitter.
 */
export function parsePairsCsv(text: string, file: string): Iterable<CandidatePair> {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  const header = text
    .slice(start, end)
    .replace(/\r$/, '')
    .split(',')
    .map((h) => h.trim().replace(/^"|"$/g, '').toLowerCase());
  const ia = header.indexOf('record_a');
  const ib = header.indexOf('record_b');
  if (ia < 0 || ib < 0) {
    throw new ReconError('MISSING_COLUMN', `missing column "${ia < 0 ? 'record_a' : 'record_b'}" (found: ${header.join(', ')})`, {
      file,
      line: 1,
      hint: 'the pairs file needs a header with record_a,record_b',
    });
  }
  return {
    *[Symbol.iterator](): Generator<CandidatePair> {
      let pos = end + 1;
      let lineNo = 1;
      while (pos < text.length) {
        let next = text.indexOf('\n', pos);
        if (next < 0) next = text.length;
        lineNo++;
        let line = text.slice(pos, next);
        pos = next + 1;
        if (line.endsWith('\r')) line = line.slice(0, -1);
        if (line === '') continue;
        const cells = line.includes('"') ? (splitCsv(line, file).rows[0] ?? []) : line.split(',');
        const a = (cells[ia] ?? '').trim();
        const b = (cells[ib] ?? '').trim();
        if (!a.includes(':') || !b.includes(':')) {
          throw new ReconError('CSV_MALFORMED', `expected two record keys like media:12, got "${a}" and "${b}"`, {
            file,
            line: lineNo,
          });
        }
        yield [a, b];
      }
    },
  };
}

/** Reads truth/persons.csv (families and namesakes); only the relation columns are used. */
export function parsePersonsCsv(text: string, file: string): PersonRelation[] {
  const t = readTable(text, file);
  const cp = column(t, ['true_person_id'], file, true);
  const cf = column(t, ['family_id'], file, false);
  const cs = column(t, ['similar_to'], file, false);
  const ck = column(t, ['similar_kind'], file, false);
  return t.rows.map((r) => {
    const rel: PersonRelation = { personId: (r[cp] ?? '').trim() };
    const f = cf === undefined ? '' : (r[cf] ?? '').trim();
    const s = cs === undefined ? '' : (r[cs] ?? '').trim();
    if (f) rel.familyId = f;
    if (s) {
      rel.similarTo = s;
      rel.similarKind = ck === undefined ? 'similar' : (r[ck] ?? '').trim() || 'similar';
    }
    return rel;
  });
}
