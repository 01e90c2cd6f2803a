// Help text layout: descriptions are written in the source as short lines; the help shows them re-flowed to the
// terminal's width (commander wraps long lines but keeps every line break, which left ragged half-lines).

/**
 * Joins the lines of each prose paragraph into one line, keeping blank lines, indented lines (lists, tables) and
 * the line before an indented one as they are, so that commander can wrap the prose to the terminal width.
 *
 * @example reflowParagraphs('Reads each\nSOURCE.\n\n  a  b') // 'Reads each SOURCE.\n\n  a  b'
 */
export function reflowParagraphs(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const prev = out.length > 0 ? out[out.length - 1] : undefined;
    const prose = (s: string) => s.trim() !== '' && !/^\s/.test(s);
    if (prev !== undefined && prose(prev) && prose(line) && !prev.endsWith(':')) out[out.length - 1] = `${prev} ${line}`;
    else out.push(line);
  }
  return out.join('\n');
}
