// CSV rendering for every output file: RFC 4180 quoting, LF line ends, and spreadsheet-formula neutralisation.
// One pass over the cells (a million-row records.csv takes a fraction of a second).

export interface CsvOptions {
  /** Prefix cells that a spreadsheet would run as a formula with `'` (default true). */
  neutralize?: boolean;
  /** Start the file with a UTF-8 byte-order mark so Excel reads Cyrillic correctly. */
  bom?: boolean;
  delimiter?: string;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
/** First characters FORMULA_START looks for (a quick check before the expression). */
const FORMULA_FIRST: ReadonlySet<number> = new Set(['=', '+', '-', '@', '\t', '\r'].map((c) => c.charCodeAt(0)));

/**
 * Neutralises a cell a spreadsheet would evaluate (`=SUM(A1)`, `+7 701...`, `-1`, `@x`, leading tab or CR)
 * by prefixing an apostrophe, as OWASP recommends for CSV injection. A plain number (`-1.25`) is left alone.
 * Example: neutralizeCell('=HYPERLINK("x")') → `'=HYPERLINK("x")`
 */
export function neutralizeCell(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

/** Characters that make a cell quoted: the delimiter, a quote, a line break, or a space at either end. */
function quoteTest(delimiter: string): RegExp {
  const d = delimiter.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
  return new RegExp(`^\\s|\\s$|["\\r\\n]|${d}`);
}

/** A row of cells: strings already; a number is printed with String(); `undefined` becomes empty. */
export type CsvRow = ReadonlyArray<string | number | undefined>;

/**
 * Renders a header and rows line by line: each yielded text is one line with its LF (the first starts with the
 * byte-order mark when asked for), so a writer can send a file of a million rows out without building it whole.
 * RFC 4180: a cell holding the delimiter, a quote or a line break is quoted (quotes doubled), and so is one with a
 * space at either end (some readers trim it) or a carriage return anywhere (Excel would end the row there).
 * Written out by hand in one pass (csv-stringify took seconds per million cells).
 * Example: [...csvLines(['a', 'b'], [['x,y', ' z']])] → ['a,b\n', '"x,y"," z"\n']
 */
export function* csvLines(header: readonly string[], rows: Iterable<CsvRow>, options: CsvOptions = {}): Generator<string, void, undefined> {
  const neutralize = options.neutralize ?? true;
  const delimiter = options.delimiter ?? ',';
  const needsQuotes = quoteTest(delimiter);
  const cell = (s: string): string => {
    if (s === '') return s;
    if (!needsQuotes.test(s)) return s;
    return `"${s.includes('"') ? s.replace(/"/g, '""') : s}"`;
  };
  let line = '';
  for (let k = 0; k < header.length; k++) line += (k > 0 ? delimiter : '') + cell(header[k]);
  yield (options.bom ? '\uFEFF' : '') + line + '\n';
  for (const r of rows) {
    line = '';
    for (let k = 0; k < r.length; k++) {
      const c = r[k];
      let s = c === undefined ? '' : typeof c === 'string' ? c : String(c);
      if (neutralize && s !== '' && FORMULA_FIRST.has(s.charCodeAt(0))) s = neutralizeCell(s);
      line += (k > 0 ? delimiter : '') + cell(s);
    }
    yield line + '\n';
  }
}

/**
 * Renders a header and rows as one text (csvLines joined): LF after every row.
 * Example: toCsv(['a', 'b'], [['x,y', ' z']]) → 'a,b\n"x,y"," z"\n'
 */
export function toCsv(header: readonly string[], rows: Iterable<CsvRow>, options: CsvOptions = {}): string {
  return joinLines(csvLines(header, rows, options));
}

/** The texts of an iterable joined into one. */
export function joinLines(lines: Iterable<string>): string {
  const parts: string[] = [];
  for (const l of lines) parts.push(l);
  return parts.join('');
}

/**
 * A text made on demand, line by line, each time it is iterated (a file written in pieces, or joined for a check).
 * Example: [...lazyText(() => csvLines(['a'], [['1']]))].join('') → 'a\n1\n'
 */
export function lazyText(lines: () => Iterable<string>): Iterable<string> {
  return { [Symbol.iterator]: () => lines()[Symbol.iterator]() };
}

/** Formats a probability or score with fixed decimals, so bytes do not depend on float printing. */
export function fmt(x: number | undefined, digits = 4): string {
  if (x === undefined || !Number.isFinite(x)) return '';
  return x.toFixed(digits);
}
