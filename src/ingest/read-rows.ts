// Splits decoded CSV text into rows with csv-parse, one callback per row with the physical line it starts on.
// Pure (works on a string); csv-parse errors become ReconError('CSV_MALFORMED') in plain words, never raw.
import { parse } from 'csv-parse/sync';
import { ReconError } from '../core/errors.js';

export interface RawRow {
  fields: string[];
  /** 1-based physical line where the row starts. */
  line: number;
}

const QUOTE_HINT = 'a field that starts with " must end with "; inside a quoted field, write a quote as ""';

/** Tracks physical lines over the bytes csv-parse reads (LF, CRLF, lone CR), moving forward only: linear overall. */
class LineCounter {
  private offset = 0;
  private line = 1;
  constructor(private readonly buf: Uint8Array) {}
  lineAt(offset: number): number {
    const buf = this.buf;
    let line = this.line;
    for (let i = this.offset; i < offset; i++) {
      const b = buf[i];
      if (b === 0x0a || (b === 0x0d && buf[i + 1] !== 0x0a)) line++;
    }
    this.line = line;
    this.offset = Math.max(this.offset, offset);
    return line;
  }
}

/** Line of a byte offset, counted from scratch (used once, for an error). */
function lineOfOffset(buf: Uint8Array, offset: number): number {
  return new LineCounter(buf).lineAt(Math.min(offset, buf.length));
}

/** Offset of the quote that opens a field and is never closed, scanning from a record start; -1 if none found. */
function findUnclosedQuote(buf: Uint8Array, start: number, delimiter: number): number {
  let fieldStart = true;
  for (let i = start; i < buf.length; i++) {
    const c = buf[i];
    if (fieldStart && c === 0x22) {
      const open = i;
      let closed = false;
      for (i = i + 1; i < buf.length; i++) {
        if (buf[i] !== 0x22) continue;
        if (buf[i + 1] === 0x22) {
          i++;
          continue;
        }
        closed = true;
        break;
      }
      if (!closed) return open;
      fieldStart = false;
    } else if (c === delimiter || c === 0x0a || c === 0x0d) {
      fieldStart = true;
    } else {
      fieldStart = false;
    }
  }
  return -1;
}

/**
 * Reads every row of the input and calls `onRow` in order. `input` is text, or UTF-8 bytes (read as they are, which
 * saves a copy of a large file). LF, CRLF and CR line endings may even be mixed. Quoted fields may hold delimiters,
 * line breaks (returned as LF) and doubled quotes; rows may have any number of fields (ragged rows are reported by the caller).
 * Throws ReconError('CSV_MALFORMED') with the line where the problem starts.
 */
export function readRows(input: string | Uint8Array, delimiter: string, file: string, onRow: (row: RawRow) => void): void {
  const buf = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const lines = new LineCounter(buf);
  let recordStart = 0;
  try {
    parse(buf, {
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: false,
      on_record: (record, context) => {
        const line = lines.lineAt(recordStart);
        recordStart = context.bytes;
        // Line breaks inside quoted fields read the same whatever system saved the file.
        for (let i = 0; i < record.length; i++) {
          if (record[i].includes('\r')) record[i] = record[i].replace(/\r\n?/g, '\n');
        }
        onRow({ fields: record, line });
        return null;
      },
    });
  } catch (err) {
    if (err instanceof ReconError) throw err;
    throw toReconError(err as { code?: string; bytes?: number }, buf, recordStart, delimiter, file);
  }
}

function toReconError(err: { code?: string; bytes?: number }, buf: Uint8Array, recordStart: number, delimiter: string, file: string): ReconError {
  const startLine = lineOfOffset(buf, recordStart);
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED': {
      const open = findUnclosedQuote(buf, recordStart, delimiter.charCodeAt(0));
      const line = open >= 0 ? lineOfOffset(buf, open) : startLine;
      return new ReconError('CSV_MALFORMED', `unbalanced quote: a field opened with " on line ${line} is never closed`, {
        file, line, hint: QUOTE_HINT,
      });
    }
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return new ReconError('CSV_MALFORMED', `a quoted field on line ${startLine} has text after its closing quote`, {
        file, line: startLine, hint: QUOTE_HINT,
      });
    case 'INVALID_OPENING_QUOTE':
      return new ReconError('CSV_MALFORMED', `a quote in the middle of an unquoted field on line ${startLine}`, {
        file, line: startLine, hint: QUOTE_HINT,
      });
    case 'CSV_MAX_RECORD_SIZE':
      return new ReconError('LIMIT', `the record starting on line ${startLine} is too large`, {
        file, line: startLine, hint: 'a quote that is never closed often causes this',
      });
    default:
      if (typeof err.code === 'string' && (err.code.startsWith('CSV_') || err.code.startsWith('INVALID_'))) {
        return new ReconError('CSV_MALFORMED', `the file cannot be read as CSV from line ${startLine} on`, {
          file, line: startLine, hint: `check quotes and delimiters near line ${startLine}`,
        });
      }
      return new ReconError('INTERNAL', `CSV reader failed: ${(err as Error).message ?? String(err)}`, { file });
  }
}
