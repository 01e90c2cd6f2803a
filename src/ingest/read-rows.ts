// Splits decoded CSV text into rows, one callback per row with the physical line it starts on.
// Pure (works on a string or UTF-8 bytes); one linear pass; problems become ReconError in plain words.
import { ReconError } from '../core/errors.js';

export interface RawRow {
  fields: string[];
  /** 1-based physical line where the row starts. */
  line: number;
}

export interface ReadRowsOptions {
  /** Largest field accepted, in UTF-8 bytes; a larger one is refused before it is copied (ReconError 'LIMIT'). */
  maxFieldBytes?: number;
}

const QUOTE_HINT = 'a field that starts with " must end with "; inside a quoted field, write a quote as ""';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Reads every row of the input and calls `onRow` in order. `input` is text, or UTF-8 bytes (read as they are, which
 * saves a copy of a large file). LF, CRLF and CR line endings may even be mixed. Quoted fields may hold delimiters,
 * line breaks (returned as LF) and doubled quotes; a quote inside an unquoted field is kept as text; text after a
 * closing quote makes the field read as written (`"a"b` reads `"a"b`, as csv-parse's relax_quotes does), unless the
 * quoted part spans lines (then a quote is surely missing and rows would be swallowed: an error). Rows may have any
 * number of fields (ragged rows are reported by the caller); an empty line is a row with one empty field.
 * Throws ReconError('CSV_MALFORMED') for a quote that is never closed, at the line where it opens, and
 * ReconError('LIMIT') for a field over `maxFieldBytes`, before copying it.
 *
 * Linear in the input, whatever its shape: blank lines and ragged rows cost no more than other rows (csv-parse
 * built an error object for every row whose field count differed from the header's, which made a file of a million
 * blank lines take a minute).
 */
export function readRows(input: string | Uint8Array, delimiter: string, file: string, onRow: (row: RawRow) => void, options: ReadRowsOptions = {}): void {
  const buf = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const delim = delimiter.charCodeAt(0);
  if (delimiter.length !== 1 || delim > 0x7f || delim === QUOTE || delim === LF || delim === CR) {
    throw new ReconError('INTERNAL', `unsupported delimiter ${JSON.stringify(delimiter)}`, { file });
  }
  const maxFieldBytes = options.maxFieldBytes ?? Infinity;
  const len = buf.length;
  let pos = 0;
  let line = 1;

  const tooLarge = (bytes: number, rowLine: number): ReconError =>
    new ReconError('LIMIT', `a field in the row starting on line ${rowLine} is ${bytes} bytes long, more than the limit of ${maxFieldBytes} bytes`, {
      file, line: rowLine,
      hint: 'a quote that is never closed or a wrong delimiter often causes this; if the data is right, raise the limit with --max-field-bytes',
    });

  while (pos < len) {
    const rowLine = line;
    // Fast path: a row without any quote is decoded once and split at the delimiter.
    let eol = pos;
    let b = 0;
    while (eol < len) {
      b = buf[eol];
      if (b === LF || b === CR || b === QUOTE) break;
      eol++;
    }
    if (b !== QUOTE && eol - pos <= maxFieldBytes) {
      const fields = eol === pos ? [''] : buf.toString('utf8', pos, eol).split(delimiter);
      pos = eol;
      if (pos < len) {
        pos += buf[pos] === CR && buf[pos + 1] === LF ? 2 : 1;
        line++;
      }
      onRow({ fields, line: rowLine });
      continue;
    }
    const fields: string[] = [];
    for (;;) {
      let field: string;
      if (buf[pos] === QUOTE) {
        // Quoted field: up to the quote that is followed by a delimiter, a line end or the end of the input.
        const openLine = line;
        const parts: string[] = [];
        let start = pos + 1;
        let bytes = 0;
        let i = start;
        let hasCr = false;
        for (;;) {
          const q = buf.indexOf(QUOTE, i);
          if (q < 0) {
            throw new ReconError('CSV_MALFORMED', `unbalanced quote: a field opened with " on line ${openLine} is never closed`, {
              file, line: openLine, hint: QUOTE_HINT,
            });
          }
          for (let k = i; k < q; k++) {
            const b = buf[k];
            if (b === LF) line++;
            else if (b === CR) {
              hasCr = true;
              if (buf[k + 1] !== LF) line++;
            }
          }
          const next = q + 1 < len ? buf[q + 1] : -1;
          if (next === QUOTE) {
            // A doubled quote stands for one quote.
            bytes += q + 1 - start;
            if (bytes > maxFieldBytes) throw tooLarge(bytes, rowLine);
            parts.push(buf.toString('utf8', start, q + 1));
            start = q + 2;
            i = q + 2;
            continue;
          }
          bytes += q - start;
          if (bytes > maxFieldBytes) throw tooLarge(bytes, rowLine);
          parts.push(buf.toString('utf8', start, q));
          pos = q + 1;
          if (next === -1 || next === delim || next === LF || next === CR) break;
          if (line !== openLine) {
            // A quote that seems to close a field spanning lines but is followed by text: the quote that opened the
            // field was most likely never closed, and the field has swallowed the rows below it.
            throw new ReconError('CSV_MALFORMED', `unbalanced quote: a field opened with " on line ${openLine} runs to line ${line}, where a quote is followed by text instead of a delimiter`, {
              file, line: openLine, hint: QUOTE_HINT,
            });
          }
          // Text after the closing quote: kept, with the opening quote, as one unquoted field.
          const end = scanUnquoted(buf, pos, delim);
          bytes += 2 + end - pos;
          if (bytes > maxFieldBytes) throw tooLarge(bytes, rowLine);
          parts.unshift('"');
          parts.push(buf.toString('utf8', q, end));
          pos = end;
          break;
        }
        field = parts.length === 1 ? parts[0] : parts.join('');
        if (hasCr) field = field.replace(/\r\n?/g, '\n');
      } else {
        const end = scanUnquoted(buf, pos, delim);
        if (end - pos > maxFieldBytes) throw tooLarge(end - pos, rowLine);
        field = end === pos ? '' : buf.toString('utf8', pos, end);
        pos = end;
      }
      fields.push(field);
      if (pos < len && buf[pos] === delim) {
        pos++;
        continue;
      }
      break;
    }
    // At a line end or the end of the input.
    if (pos < len) {
      if (buf[pos] === CR && buf[pos + 1] === LF) pos += 2;
      else pos += 1;
      line++;
    }
    onRow({ fields, line: rowLine });
  }
}

/** End of an unquoted field starting at `from`: the next delimiter, line break or the end of the input. */
function scanUnquoted(buf: Buffer, from: number, delim: number): number {
  const len = buf.length;
  let i = from;
  while (i < len) {
    const b = buf[i];
    if (b === delim || b === LF || b === CR) break;
    i++;
  }
  return i;
}
