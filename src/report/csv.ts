// CSV rendering for every output file: RFC 4180 quoting, LF line ends, and spreadsheet-formula neutralisation.
import { stringify } from 'csv-stringify/sync';

export interface CsvOptions {
  /** Prefix cells that a spreadsheet would run as a formula with `'` (default true). */
  neutralize?: boolean;
  /** Start the file with a UTF-8 byte-order mark so Excel reads Cyrillic correctly. */
  bom?: boolean;
  delimiter?: string;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Neutralises a cell a spreadsheet would evaluate (`=SUM(A1)`, `+7 701...`, `-1`, `@x`, leading tab or CR)
 * by prefixing an apostrophe, as OWASP recommends for CSV injection. A plain number (`-1.25`) is left alone.
 * Example: neutralizeCell('=HYPERLINK("x")') → `'=HYPERLINK("x")`
 */
export function neutralizeCell(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

/** Renders a header and rows. Cells are strings already; `undefined` becomes empty. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | undefined>>, options: CsvOptions = {}): string {
  const neutralize = options.neutralize ?? true;
  const data = rows.map((r) =>
    r.map((c) => {
      const s = c === undefined ? '' : String(c);
      return neutralize ? neutralizeCell(s) : s;
    }),
  );
  const body = stringify([header as string[], ...data], {
    delimiter: options.delimiter ?? ',',
    record_delimiter: '\n',
    // Leading or trailing spaces would be trimmed by some readers; a carriage return anywhere would end the row in
    // Excel and in readers that accept CR line ends (csv-stringify quotes only the record delimiter, LF).
    quoted_match: /^\s|\s$|\r/,
  });
  return (options.bom ? '\uFEFF' : '') + body;
}

/** Formats a probability or score with fixed decimals, so bytes do not depend on float printing. */
export function fmt(x: number | undefined, digits = 4): string {
  if (x === undefined || !Number.isFinite(x)) return '';
  return x.toFixed(digits);
}
