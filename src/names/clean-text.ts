// Unicode clean-up of name strings and repair of Latin/Cyrillic look-alike letters (homoglyphs).
// Pure; never throws on any string (lone surrogates, NUL, bidi marks, emoji are removed or turned into spaces).

/** Letters that exist only in Kazakh Cyrillic (not in Russian). */
export const KAZAKH_LETTERS = 'әғқңөұүһіӘҒҚҢӨҰҮҺІ';

// Latin → Cyrillic look-alikes (used inside a Cyrillic word). `h` is taken as һ, `i` as і (Kazakh).
const LATIN_TO_CYR: Record<string, string> = {
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', Y: 'У', I: 'І',
  a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у', k: 'к', i: 'і', h: 'һ', r: 'г', u: 'и', n: 'п', m: 'т',
  b: 'ь', ə: 'ә', Ə: 'Ә', ɵ: 'ө', Ɵ: 'Ө', '0': 'О', '3': 'З', '6': 'б',
};
// Cyrillic → Latin look-alikes (used inside a Latin word).
const CYR_TO_LAT: Record<string, string> = {
  А: 'A', В: 'B', С: 'C', Е: 'E', Н: 'H', К: 'K', М: 'M', О: 'O', Р: 'P', Т: 'T', Х: 'X', У: 'Y', І: 'I',
  а: 'a', с: 'c', е: 'e', о: 'o', р: 'p', х: 'x', у: 'y', к: 'k', і: 'i', һ: 'h', ј: 'j', ѕ: 's', Ү: 'Y',
  ԛ: 'q', ԝ: 'w', '0': 'O',
};
// Confusable letters give no script evidence: a word made only of them takes the name's majority script.
// Lowercase Latin r, u, n, m, b and the digits are not confusable for evidence (they are clearly Latin or digits).
const CONFUSABLE_LATIN = new Set('ABCEHKMOPTXYIacekhiopxy'.split(''));
const CONFUSABLE_CYR = new Set('АВСЕНКМОРТХУІасеорхуікһ'.split(''));

export type LetterScript = 'cyr' | 'lat' | 'other';

/** Script of one letter: Cyrillic block, Latin (ASCII or Latin-1/Extended/IPA ə ɵ), or other. */
export function scriptOfChar(ch: string): LetterScript | null {
  const c = ch.codePointAt(0) ?? 0;
  if (c >= 0x0400 && c <= 0x052f) return 'cyr';
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return 'lat';
  if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || c === 0x259 || c === 0x18f || c === 0x275 || c === 0x19f) {
    return 'lat';
  }
  if (c >= 0x1e00 && c <= 0x1eff) return 'lat';
  return /\p{L}/u.test(ch) ? 'other' : null;
}

const DASHES = /[\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63\uFF0D\u00AF]/g;
const APOSTROPHES = /[\u2019\u2018\u02BC\u02BB\u00B4`\u2032\u02B9\u02C8\u0060\u201B\uFF07]/g;
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u034F\u180E]/g;
const QUOTES = /["«»„“”‹›]/g;

/**
 * Unicode clean-up of a name string: removes lone surrogates, control and invisible characters (soft hyphen,
 * zero-width, bidi marks), applies NFKC, unifies dashes and apostrophes, turns separators into single spaces.
 *
 * @example cleanText('Тоқаев\u00AD  Қасым\u2013Жомарт') // 'Тоқаев Қасым-Жомарт'
 */
export function cleanText(input: string): string {
  let s = typeof input === 'string' ? input : String(input ?? '');
  // Lone surrogates cannot be normalised: drop them first.
  s = s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
  s = s.replace(INVISIBLE, '');
  s = s.normalize('NFKC');
  s = s.replace(INVISIBLE, '');
  s = s.replace(/[\u0000-\u001F\u007F-\u009F]/g, ' ');
  s = s.replace(DASHES, '-').replace(APOSTROPHES, "'").replace(QUOTES, ' ');
  // Separators and anything that is neither letter, mark, digit, dot, hyphen nor apostrophe becomes a space.
  s = s.replace(/[^\p{L}\p{M}\p{Nd}.\-']/gu, ' ');
  s = s.replace(/\s*-[\s-]*/g, '-');
  s = s.replace(/\s+/g, ' ').trim();
  return s;
}

/** Counts of letters with clear script evidence in a string (confusables excluded). */
function countEvidence(word: string): { cyr: number; lat: number } {
  let cyr = 0;
  let lat = 0;
  for (const ch of word) {
    const sc = scriptOfChar(ch);
    if (sc === 'cyr' && !CONFUSABLE_CYR.has(ch)) cyr++;
    else if (sc === 'lat' && !CONFUSABLE_LATIN.has(ch)) lat++;
  }
  return { cyr, lat };
}

/** The majority script of a whole string by letter evidence, else by letter count ('cyr' on a tie). */
export function majorityScript(text: string): 'cyr' | 'lat' {
  return evidenceScript(text) ?? countScript(text);
}

/** The script with more unambiguous letters in the string, or null when there is no such letter or a tie. */
export function evidenceScript(text: string): 'cyr' | 'lat' | null {
  const ev = countEvidence(text);
  if (ev.cyr === ev.lat) return null;
  return ev.cyr > ev.lat ? 'cyr' : 'lat';
}

function countScript(text: string): 'cyr' | 'lat' {
  let cyr = 0;
  let lat = 0;
  for (const ch of text) {
    const sc = scriptOfChar(ch);
    if (sc === 'cyr') cyr++;
    else if (sc === 'lat') lat++;
  }
  return lat > cyr ? 'lat' : 'cyr';
}

/**
 * Repairs look-alike letters inside one word: decides the word's script from its unambiguous letters (or, when all
 * letters are confusable, from the rest of the name, else the fallback) and maps the other script's look-alikes
 * (and digits) into it.
 * Returns the repaired word and the number of characters changed.
 *
 * @example repairWord('Тokaев', 'cyr') // { word: 'Токаев', fixed: 3 }
 */
export function repairWord(word: string, fallback: 'cyr' | 'lat', nameEvidence: 'cyr' | 'lat' | null = null): { word: string; fixed: number } {
  const ev = countEvidence(word);
  let target: 'cyr' | 'lat';
  if (ev.cyr > 0 && ev.lat === 0) target = 'cyr';
  else if (ev.lat > 0 && ev.cyr === 0) target = 'lat';
  else if (ev.cyr === 0 && ev.lat === 0) {
    // All confusable (AXMETOB): the other words of the name decide; alone, the letters' own script does.
    if (nameEvidence) target = nameEvidence;
    else {
      let c = 0;
      let l = 0;
      for (const ch of word) {
        const sc = scriptOfChar(ch);
        if (sc === 'cyr') c++;
        else if (sc === 'lat') l++;
      }
      target = c > 0 && l > 0 ? fallback : c === l ? fallback : c > l ? 'cyr' : 'lat';
    }
  } else target = ev.cyr >= ev.lat ? 'cyr' : 'lat';
  const hasLetter = /\p{L}/u.test(word);
  let out = '';
  let fixed = 0;
  for (const ch of word) {
    const sc = scriptOfChar(ch);
    let rep: string | undefined;
    if (target === 'cyr' && (sc === 'lat' || (hasLetter && /[0-9]/.test(ch)))) rep = LATIN_TO_CYR[ch];
    else if (target === 'lat' && (sc === 'cyr' || (hasLetter && ch === '0'))) rep = CYR_TO_LAT[ch];
    if (rep !== undefined && rep !== ch) {
      // A digit takes the case of the letter before it (Ахмет0в → Ахметов, 3АРИНА → ЗАРИНА).
      if (/[0-9]/.test(ch) && out.length > 0 && /\p{Ll}/u.test(out[out.length - 1])) rep = rep.toLowerCase();
      out += rep;
      fixed++;
    } else out += ch;
  }
  return { word: out, fixed };
}
