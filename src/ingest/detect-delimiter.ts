// Delimiter detection (`,` `;` tab) from the first lines, counting candidates outside quotes, and forced delimiters.
// Pure.
import { ReconError } from '../core/errors.js';

const CANDIDATES = [',', ';', '\t'] as const;
const SAMPLE_LINES = 50;
const SAMPLE_CHARS = 256 * 1024;

const DELIMITER_NAMES: ReadonlyMap<string, string> = new Map([
  [',', ','], ['comma', ','], [';', ';'], ['semicolon', ';'], ['\t', '\t'], ['\\t', '\t'], ['tab', '\t'],
  ['|', '|'], ['pipe', '|'],
]);

/**
 * The delimiter a forced value names (`,` `;` `\t` `tab` `|`), or ReconError('BAD_CONFIG').
 * Example: normalizeDelimiter('tab', 'a.csv') === '\t'
 */
export function normalizeDelimiter(value: string, file: string): string {
  const d = DELIMITER_NAMES.get(value) ?? DELIMITER_NAMES.get(value.trim().toLowerCase());
  if (d) return d;
  throw new ReconError('BAD_CONFIG', `unknown delimiter ${JSON.stringify(value)}`, {
    file, hint: 'use "," ";" or "tab" (--delimiter, or "delimiter" in the source\'s config entry)',
  });
}

/**
 * Picks the delimiter whose count per line (outside quotes) is the most consistent over the first lines; ties go to
 * the larger count, then to `,` before `;` before tab. A file with none of them is read as one column (`,`).
 * Example: detectDelimiter('ФИО;Возраст\nТестов, Тест;23\n') === ';'
 */
export function detectDelimiter(text: string): string {
  const counts: number[][] = CANDIDATES.map(() => []);
  const current = CANDIDATES.map(() => 0);
  let inQuotes = false;
  let lines = 0;
  let lineHasText = false;
  const end = Math.min(text.length, SAMPLE_CHARS);
  const endLine = (): void => {
    if (lineHasText) {
      CANDIDATES.forEach((_, k) => counts[k].push(current[k]));
      lines++;
    }
    current.fill(0);
    lineHasText = false;
  };
  let fieldStart = true;
  for (let i = 0; i < end && lines < SAMPLE_LINES; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (ch === '"' && fieldStart) {
      inQuotes = true;
      lineHasText = true;
      fieldStart = false;
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      endLine();
      fieldStart = true;
      continue;
    }
    const k = CANDIDATES.indexOf(ch as (typeof CANDIDATES)[number]);
    if (k >= 0) {
      current[k]++;
      fieldStart = true;
    } else if (ch !== ' ') {
      lineHasText = true;
      fieldStart = false;
    }
  }
  endLine();
  let best: string = ',';
  let bestScore = [0, 0];
  CANDIDATES.forEach((d, k) => {
    const [mode, share] = modeOf(counts[k]);
    if (mode === 0) return;
    if (share > bestScore[0] || (share === bestScore[0] && mode > bestScore[1])) {
      best = d;
      bestScore = [share, mode];
    }
  });
  return best;
}

/** Most frequent non-zero count and the share of lines that have it. */
function modeOf(values: number[]): [number, number] {
  if (values.length === 0) return [0, 0];
  const freq = new Map<number, number>();
  for (const v of values) if (v > 0) freq.set(v, (freq.get(v) ?? 0) + 1);
  let mode = 0;
  let n = 0;
  for (const [v, c] of [...freq.entries()].sort((a, b) => a[0] - b[0])) {
    if (c > n || (c === n && v > mode)) {
      mode = v;
      n = c;
    }
  }
  return [mode, n / values.length];
}
