// Parses a year of birth (`1998`, `1998 г.р.`, `1998 ж.т.`, `b. 1998`) into a number. Pure.

const BIRTH_YEAR = new RegExp(
  '^(?:b\\.|born|род\\.?|р\\.)?\\s*(\\d{4})(?:\\.0+)?\\s*' +
    '(?:г\\.?\\s*р\\.?|г\\/р|гр\\.?|г\\.?|года?(?:\\s+рождения)?|р\\.|ж\\.?\\s*т\\.?|жылы\\s+туған|туған|ж\\.?)?\\s*$',
  'u',
);

const MIN_YEAR = 1880;
const MAX_YEAR = 2030;

/**
 * Parses a four-digit year of birth (1880–2030), optionally marked `г.р.`, `г/р`, `ж.т.`, `born`.
 * Examples: parseBirthYear('1998') === 1998; parseBirthYear('1998 г.р.') === 1998; parseBirthYear('98') === undefined
 */
export function parseBirthYear(text: string): number | undefined {
  const m = BIRTH_YEAR.exec(text.trim().toLowerCase().replace(/\u00a0/g, ' '));
  if (!m) return undefined;
  const year = Number(m[1]);
  return year >= MIN_YEAR && year <= MAX_YEAR ? year : undefined;
}
