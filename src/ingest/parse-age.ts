// Parses an age as lists write it (`23`, `23 года`, `23 жаста`, `23 y.o.`, `около 30`) into whole years. Pure.

/** Number, then an optional unit word in Russian, Kazakh or English. */
const AGE = new RegExp(
  '^(?:около|примерно|приблизительно|ок\\.?|~|шамамен|about|approx\\.?|ca\\.?|circa)?\\s*' +
    '(\\d{1,3})(?:[.,]0+)?\\s*-?\\s*' +
    '(?:лет|года?|годик(?:а|ов)?|г\\.?|л\\.?|жаста|жастағы|жасар|жас|y\\.?\\s*o\\.?|yo|yrs?\\.?|years?(?:\\s+old)?|years?-old)?' +
    '\\s*\\.?$',
  'u',
);

/** Infants: an age in months is 0 whole years. */
const MONTHS = /^(\d{1,2})\s*(?:мес(?:\.|яц(?:а|ев)?)?|ай(?:лық)?|months?|mos?\.?)\.?$/u;

const MAX_AGE = 120;

/**
 * Parses an age in whole years (0–120); undefined when the text is not an age.
 * Examples: parseAge('23 года') === 23; parseAge('23 жаста') === 23; parseAge('23 y.o.') === 23;
 * parseAge('8 мес.') === 0; parseAge('двадцать') === undefined
 */
export function parseAge(text: string): number | undefined {
  const s = text.trim().toLowerCase().replace(/\u00a0/g, ' ').replace(/\s*\([^)]*\)\s*$/, '');
  if (!s) return undefined;
  const m = AGE.exec(s);
  if (m) {
    const n = Number(m[1]);
    return n <= MAX_AGE ? n : undefined;
  }
  if (MONTHS.test(s)) return 0;
  return undefined;
}
