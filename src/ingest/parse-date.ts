// Parses dates as casualty lists write them (Russian, Kazakh and English; numeric day-first) into ISO `YYYY-MM-DD`.
// Pure; regular expressions are compiled once at module load.
import { foldCyrillic } from '../places/fold-text.js';

/** Month by the first three letters of its name (Russian, Kazakh with Kazakh letters folded, English). */
const MONTH_BY_PREFIX: ReadonlyMap<string, number> = new Map([
  // Russian: январь/января/янв ... декабрь/декабря/дек.
  ['янв', 1], ['фев', 2], ['мар', 3], ['апр', 4], ['май', 5], ['мая', 5], ['мае', 5], ['июн', 6], ['июл', 7],
  ['авг', 8], ['сен', 9], ['окт', 10], ['ноя', 11], ['дек', 12],
  // Kazakh (қаңтар, ақпан, наурыз, сәуір, мамыр, маусым, шілде, тамыз, қыркүйек, қазан, қараша, желтоқсан).
  ['кан', 1], ['акп', 2], ['нау', 3], ['сау', 4], ['мам', 5], ['мау', 6], ['шил', 7], ['там', 8], ['кыр', 9],
  ['каз', 10], ['кар', 11], ['жел', 12],
  // English.
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['may', 5], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9],
  ['oct', 10], ['nov', 11], ['dec', 12],
]);

/** Words that may sit between the parts of a date and mean nothing for it. */
const FILLER_WORDS: ReadonlySet<string> = new Set([
  'г', 'гг', 'год', 'года', 'году', 'ж', 'жыл', 'жылы', 'жылгы', 'жылдын', 'of', 'the', 'y', 'yr', 'year', 'on',
  // ordinal endings split off a number: 5th, 5-го, 5-ші
  'st', 'nd', 'rd', 'th', 'го', 'е', 'ши', 'шы', 'си', 'сы', 'да', 'де',
]);

const ISO_DATE = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/;
const DAY_FIRST = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4}|\d{2})$/;
const TIME_SUFFIX = /(?:[t\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:z|[+-]\d{2}:?\d{2}|am|pm)?)$/;
const TOKEN = /\d+|[\p{L}]+/gu;

function monthOf(word: string): number | undefined {
  if (word.length < 3) return undefined;
  return MONTH_BY_PREFIX.get(word.slice(0, 3));
}

/** Two-digit years: 00–29 are 2000–2029, 30–99 are 1930–1999 (birth dates and the 2022 events both fit). */
function fullYear(digits: string): number {
  const n = Number(digits);
  if (digits.length === 4) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

function daysIn(year: number, month: number): number {
  return [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function toIso(year: number, month: number, day: number): string | undefined {
  if (!(year >= 1800 && year <= 2100) || !(month >= 1 && month <= 12) || !(day >= 1 && day <= daysIn(year, month))) {
    return undefined;
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Parses a date written day-first or with a month name, in Russian, Kazakh or English, into ISO `YYYY-MM-DD`.
 * Returns undefined when the text is not one full, valid date (a month and year alone, a range, a typo).
 * Examples:
 *   parseDate('05.01.2022') === '2022-01-05'; parseDate('5.1.22') === '2022-01-05'
 *   parseDate('5 янв. 2022 г.') === '2022-01-05'; parseDate('2022 жылғы 5 қаңтар') === '2022-01-05'
 *   parseDate('January 5, 2022') === '2022-01-05'; parseDate('05/01/2022 0:00') === '2022-01-05'
 */
export function parseDate(text: string): string | undefined {
  const s = foldCyrillic(text.trim()).replace(/\u00a0/g, ' ').replace(TIME_SUFFIX, '').trim();
  if (!s) return undefined;
  let m = ISO_DATE.exec(s);
  if (m) return toIso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DAY_FIRST.exec(s);
  if (m) return toIso(fullYear(m[3]), Number(m[2]), Number(m[1]));
  return parseWordDate(s);
}

type Part = { kind: 'num'; text: string } | { kind: 'month'; month: number };

function parseWordDate(s: string): string | undefined {
  const parts: Part[] = [];
  for (const token of s.match(TOKEN) ?? []) {
    if (FILLER_WORDS.has(token)) continue;
    if (/^\d+$/.test(token)) {
      parts.push({ kind: 'num', text: token });
      continue;
    }
    const month = monthOf(token);
    if (month === undefined) return undefined;
    parts.push({ kind: 'month', month });
  }
  if (parts.length !== 3) return undefined;
  const [a, b, c] = parts;
  const isYear = (p: Part): p is { kind: 'num'; text: string } => p.kind === 'num' && (p.text.length === 4 || p.text.length === 2);
  const isDay = (p: Part): p is { kind: 'num'; text: string } => p.kind === 'num' && p.text.length <= 2;
  // 5 января 2022 · 5 January 2022
  if (isDay(a) && b.kind === 'month' && isYear(c)) return toIso(fullYear(c.text), b.month, Number(a.text));
  // January 5, 2022 · Jan 5 2022
  if (a.kind === 'month' && isDay(b) && isYear(c)) return toIso(fullYear(c.text), a.month, Number(b.text));
  // 2022 жылғы 5 қаңтар
  if (a.kind === 'num' && a.text.length === 4 && isDay(b) && c.kind === 'month') return toIso(Number(a.text), c.month, Number(b.text));
  // 2022 January 5 · 2022 қаңтар 5
  if (a.kind === 'num' && a.text.length === 4 && b.kind === 'month' && isDay(c)) return toIso(Number(a.text), b.month, Number(c.text));
  // 05.01.2022 г. · 2022.01.05 ж. (numbers with a trailing year word)
  if (a.kind === 'num' && b.kind === 'num' && c.kind === 'num' && b.text.length <= 2) {
    if (a.text.length === 4 && isDay(c)) return toIso(Number(a.text), Number(b.text), Number(c.text));
    if (isDay(a) && isYear(c)) return toIso(fullYear(c.text), Number(b.text), Number(a.text));
  }
  return undefined;
}
