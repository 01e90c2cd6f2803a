// Spelling systems for synthetic names: Kazakh→Russian Cyrillic folding with Soviet russification, five Latin
// romanisations (English/BGN press, Kazakh Latin 2017/2018/2021, ICAO passports, German and French press), and the
// noise that real lists carry (keyboard typos, Latin look-alike letters in Cyrillic words). Pure; randomness via Rng.
import type { Rng } from './prng.js';

/** Script labels written to truth.csv (contract). */
export type ScriptId = 'kk-cyrl' | 'ru-cyrl' | 'latin-en' | 'latin-kz' | 'latin-de' | 'latin-fr' | 'latin-icao';
export const SCRIPT_IDS: readonly ScriptId[] = [
  'kk-cyrl',
  'ru-cyrl',
  'latin-en',
  'latin-kz',
  'latin-de',
  'latin-fr',
  'latin-icao',
];

const KAZAKH_LETTERS = 'әғқңөұүһі';
const VOWELS_CYR = 'аәеёиоөуұүыіэюя';
const FRONT_VOWELS = 'әөүіе';

function isCyrVowel(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && VOWELS_CYR.includes(ch);
}
function isCyrConsonant(ch: string | undefined): boolean {
  if (ch === undefined || ch === '') return false;
  const c = ch.charCodeAt(0);
  return c >= 0x0400 && c <= 0x04ff && !VOWELS_CYR.includes(ch) && ch !== 'ь' && ch !== 'ъ';
}
function isLetter(ch: string): boolean {
  return ch.toLowerCase() !== ch.toUpperCase() || ch === 'ı' || ch === 'ə';
}

/** Upper-cases the first letter of the word and of every hyphen- or space-separated part. */
export function capitalizeWord(s: string): string {
  let out = '';
  let start = true;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (start && isLetter(ch)) {
      out += ch === 'i' ? 'İ' : ch.toUpperCase();
      start = false;
    } else {
      out += ch;
      if (ch === '-' || ch === ' ') start = true;
    }
  }
  return out;
}

function startsUpper(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase();
}

/** Turns `İ` produced for Kazakh Latin 2021 back to `I` when the scheme does not use a dotted capital. */
function capitalizePlain(s: string): string {
  return capitalizeWord(s).replace(/İ/g, 'I');
}

// Conversions that drew no random number depend only on their input and options: remember them, per options
// object and scheme. This changes no output and no random stream (a cached word would have drawn nothing), and makes
// a million records fast. Callers should reuse their options objects.
const CACHES = new WeakMap<object, Map<string, Map<string, string>>>();
const CACHE_LIMIT = 200_000;

function cacheFor(opts: object, scheme: string): Map<string, string> {
  let byScheme = CACHES.get(opts);
  if (!byScheme) CACHES.set(opts, (byScheme = new Map()));
  let cache = byScheme.get(scheme);
  if (!cache) byScheme.set(scheme, (cache = new Map()));
  return cache;
}

function cached(cache: Map<string, string>, word: string, rng: Rng, compute: () => string): string {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const before = rng.draws;
  const out = compute();
  if (rng.draws === before && cache.size < CACHE_LIMIT) cache.set(word, out);
  return out;
}

/** Options for folding a Kazakh Cyrillic word to Russian Cyrillic. */
export interface FoldOptions {
  /** 0..1: how strongly Soviet-era russification applies (Ж→Дж, Ө→У, Болат→Булат, Ш→Ч). */
  russify: number;
  /** The word is a Kazakh name (default: it has a Kazakh letter). Russian names are never russified further. */
  kazakh?: boolean;
  /** Memo of draw-free results for these options (optional; saves a lookup per word on hot paths). */
  cache?: Map<string, string>;
}

/**
 * Folds a Kazakh Cyrillic name word to its Russian-Cyrillic spelling, with the variation real Russian-language lists
 * show (soft sign after л, уы→у, optional russification).
 * @example foldKazakhToRussian('Бауыржан', rng, { russify: 0 }) // 'Бауржан' or 'Бауыржан'
 */
export function foldKazakhToRussian(word: string, rng: Rng, opts: FoldOptions): string {
  return cached(opts.cache ?? cacheFor(opts, 'fold'), word, rng, () => foldUncached(word, rng, opts));
}

function foldUncached(word: string, rng: Rng, opts: FoldOptions): string {
  const lower = word.toLowerCase();
  let hasKazakh = opts.kazakh ?? false;
  if (opts.kazakh === undefined) for (const ch of lower) if (KAZAKH_LETTERS.includes(ch)) hasKazakh = true;
  let out = '';
  const chars = lower;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const prev = chars[i - 1];
    const next = chars[i + 1];
    const wordStart = i === 0 || prev === '-' || prev === ' ';
    switch (ch) {
      case 'ә':
        out += prev === 'л' && rng.chance(0.5) ? 'я' : 'а';
        break;
      case 'ғ':
        out += 'г';
        break;
      case 'қ':
        out += 'к';
        break;
      case 'ң':
        out += 'н';
        break;
      case 'ө':
        out += i <= 2 && opts.russify > 0 && rng.chance(opts.russify * 0.6) ? 'у' : 'о';
        break;
      case 'ұ':
      case 'ү':
        out += 'у';
        break;
      case 'һ':
        out += 'х';
        break;
      case 'і':
        out += 'и';
        break;
      case 'у':
        // Бауыржан → Бауржан
        if (next === 'ы' && rng.chance(0.6)) {
          out += 'у';
          i++;
        } else out += 'у';
        break;
      case 'ж':
        out += wordStart && hasKazakh && rng.chance(opts.russify * 0.5) ? 'дж' : 'ж';
        break;
      case 'ш':
        out += wordStart && hasKazakh && rng.chance(opts.russify * 0.15) ? 'ч' : 'ш';
        break;
      case 'л': {
        // Айгүл → Айгуль, Әсел → Асель: soft sign after a front vowel before a consonant or at the end.
        const soft = FRONT_VOWELS.includes(prev ?? '') && (next === undefined || next === '-' || isCyrConsonant(next));
        const p = prev === 'е' ? 0.35 : 0.85;
        out += soft && hasKazakh && rng.chance(p) ? 'ль' : 'л';
        break;
      }
      case 'и':
        // Ілияс → Ильяс
        out += next === 'я' && i > 1 && rng.chance(0.3) ? 'ь' : 'и';
        break;
      default:
        out += ch;
    }
  }
  if (hasKazakh && opts.russify > 0 && out.includes('болат') && rng.chance(opts.russify * 0.5)) {
    out = out.replace('болат', 'булат');
  }
  return startsUpper(word) ? capitalizeWord(out) : out;
}

/** Folds Kazakh letters to Russian ones without any other change (used before Latin schemes that start from Russian). */
export function foldPlain(word: string): string {
  return word
    .replace(/[әӘ]/g, (c) => (c === 'ә' ? 'а' : 'А'))
    .replace(/[ғҒ]/g, (c) => (c === 'ғ' ? 'г' : 'Г'))
    .replace(/[қҚ]/g, (c) => (c === 'қ' ? 'к' : 'К'))
    .replace(/[ңҢ]/g, (c) => (c === 'ң' ? 'н' : 'Н'))
    .replace(/[өӨ]/g, (c) => (c === 'ө' ? 'о' : 'О'))
    .replace(/[ұүҰҮ]/g, (c) => (c === 'ұ' || c === 'ү' ? 'у' : 'У'))
    .replace(/[һҺ]/g, (c) => (c === 'һ' ? 'х' : 'Х'))
    .replace(/[іІ]/g, (c) => (c === 'і' ? 'и' : 'И'));
}

/** Latin schemes; `kz` has three official versions. */
export type LatinScheme = 'en' | 'kz2021' | 'kz2018' | 'kz2017' | 'icao' | 'icao-legacy' | 'de' | 'fr';

/** Per-source habits that vary inside one scheme. */
export interface RomanizeOptions {
  /** Chance to write an intervocalic с as `ss` (Kassym, Idrissov) in en/de/fr. */
  doubleS: number;
  /** Chance to write word-initial Е as `Ye` (Yerlan) rather than `E` in en. */
  initialYe: number;
  /** Chance to write Kazakh Қ/Ғ/Ң as q/gh/ng in en (Seytqali, Tolegen vs Toleghen). */
  kazakhDigraphs: number;
  /** English habits (per word, when the letter occurs): Ж as `j` (Jomart), Х as `h` (Ahmetov), Ы as `i` (Kassim). */
  zhAsJ?: number;
  khAsH?: number;
  yAsI?: number;
  /** Memo of draw-free results per scheme for these options (optional). */
  cache?: Partial<Record<LatinScheme, Map<string, string>>>;
}

export const DEFAULT_ROMANIZE: RomanizeOptions = { doubleS: 0.3, initialYe: 0.7, kazakhDigraphs: 0.15 };

const FINAL_IY_EN: ReadonlyArray<readonly [string, number]> = [['iy', 40], ['y', 40], ['i', 20]];
const INTERVOCALIC_S = /[аәеёиоөуұүыіэюя]с[аәеёиоөуұүыіэюя]/;

const EN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', ә: 'a', ғ: 'g', қ: 'k', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', і: 'i',
};
const ICAO: Record<string, string> = {
  ...EN, е: 'e', ё: 'e', й: 'i', ъ: 'ie', ю: 'iu', я: 'ia', һ: 'kh',
};
const ICAO_LEGACY: Record<string, string> = { ...ICAO, й: 'y', ю: 'yu', я: 'ya', ъ: '' };
const KZ2021: Record<string, string> = {
  а: 'a', ә: 'ä', б: 'b', в: 'v', г: 'g', ғ: 'ğ', д: 'd', е: 'e', ё: 'io', ж: 'j', з: 'z', и: 'i', й: 'i', к: 'k',
  қ: 'q', л: 'l', м: 'm', н: 'n', ң: 'ñ', о: 'o', ө: 'ö', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ұ: 'ū', ү: 'ü',
  ф: 'f', х: 'h', һ: 'h', ц: 's', ч: 'ch', ш: 'ş', щ: 'şş', ъ: '', ы: 'y', і: 'ı', ь: '', э: 'e', ю: 'iu', я: 'ia',
};
const KZ2018: Record<string, string> = {
  ...KZ2021, ә: 'á', ғ: 'ǵ', ң: 'ń', ө: 'ó', ұ: 'u', ү: 'ú', у: 'ý', і: 'i', и: 'ı', й: 'ı', ш: 'sh', щ: 'shch',
  ц: 'ts', ю: 'ıý', я: 'ıa', ё: 'ıo',
};
const KZ2017: Record<string, string> = {
  ...KZ2021, ә: "a'", ғ: "g'", ң: "n'", ө: "o'", ұ: 'u', ү: "u'", у: "y'", і: 'i', и: "i'", й: "i'", ш: "s'",
  ч: "c'", щ: "s's'", ц: 'ts', ю: "i'y'", я: "i'a", ё: "i'o",
};
const DE: Record<string, string> = {
  а: 'a', б: 'b', в: 'w', г: 'g', д: 'd', е: 'e', ё: 'jo', ж: 'sch', з: 's', и: 'i', й: 'j', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'ch', ц: 'z', ч: 'tsch', ш: 'sch',
  щ: 'schtsch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'ju', я: 'ja',
};
const FR: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'io', ж: 'j', з: 'z', и: 'i', й: 'ï', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'ou', ф: 'f', х: 'kh', ц: 'ts', ч: 'tch', ш: 'ch',
  щ: 'chtch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'iou', я: 'ia',
};

/**
 * Romanises one Cyrillic name word (Kazakh or Russian letters) in a Latin scheme, with per-source habits.
 * Kazakh Latin schemes keep Kazakh letters distinct; the press schemes start from the Russian spelling.
 * @example romanizeWord('Тоқаев', 'kz2021', rng) // 'Toqaev'
 * @example romanizeWord('Токаев', 'de', rng)     // 'Tokajew'
 */
export function romanizeWord(word: string, scheme: LatinScheme, rng: Rng, opts: RomanizeOptions = DEFAULT_ROMANIZE): string {
  return cached(opts.cache?.[scheme] ?? cacheFor(opts, scheme), word, rng, () => romanizeUncached(word, scheme, rng, opts));
}

function romanizeUncached(word: string, scheme: LatinScheme, rng: Rng, opts: RomanizeOptions): string {
  const kazakhScheme = scheme === 'kz2021' || scheme === 'kz2018' || scheme === 'kz2017';
  const source = kazakhScheme || scheme === 'en' || scheme === 'icao' || scheme === 'icao-legacy' ? word : foldPlain(word);
  const chars = source.toLowerCase();
  const table =
    scheme === 'en' ? EN
    : scheme === 'icao' ? ICAO
    : scheme === 'icao-legacy' ? ICAO_LEGACY
    : scheme === 'kz2021' ? KZ2021
    : scheme === 'kz2018' ? KZ2018
    : scheme === 'kz2017' ? KZ2017
    : scheme === 'de' ? DE
    : FR;
  const digraphs = scheme === 'en' && /[қғң]/.test(chars) && rng.chance(opts.kazakhDigraphs);
  const zhAsJ = scheme === 'en' && (opts.zhAsJ ?? 0) > 0 && chars.includes('ж') && rng.chance(opts.zhAsJ ?? 0);
  const khAsH = scheme === 'en' && (opts.khAsH ?? 0) > 0 && chars.includes('х') && rng.chance(opts.khAsH ?? 0);
  const yAsI = scheme === 'en' && (opts.yAsI ?? 0) > 0 && chars.includes('ы') && rng.chance(opts.yAsI ?? 0);
  const doubleS =
    (scheme === 'en' || scheme === 'de' || scheme === 'fr') && INTERVOCALIC_S.test(chars) && rng.chance(opts.doubleS);
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const prev = chars[i - 1];
    const next = chars[i + 1];
    const atStart = i === 0 || prev === '-' || prev === ' ';
    const atEnd = i === chars.length - 1 || next === '-' || next === ' ';
    const afterVowel = isCyrVowel(prev) || prev === 'ь' || prev === 'ъ';
    let r = table[ch];
    if (r === undefined) {
      out += ch;
      continue;
    }
    if (scheme === 'en') {
      const after = chars[i + 2];
      if (ch === 'и' && next === 'й' && (after === undefined || after === '-' || after === ' ')) {
        // Final -ий: Dmitriy (BGN), Dmitry (press), Dmitri.
        out += rng.weighted(FINAL_IY_EN);
        i++;
        continue;
      }
      if (ch === 'е' && ((atStart && rng.chance(opts.initialYe)) || afterVowel)) r = 'ye';
      else if (ch === 'ё' && !afterVowel && !atStart) r = rng.chance(0.5) ? 'yo' : 'e';
      else if (zhAsJ && ch === 'ж') r = 'j';
      else if (zhAsJ && ch === 'д' && next === 'ж') r = '';
      else if (khAsH && ch === 'х') r = 'h';
      else if (yAsI && ch === 'ы') r = 'i';
      else if (digraphs && ch === 'қ') r = 'q';
      else if (digraphs && ch === 'ғ') r = 'gh';
      else if (digraphs && ch === 'ң') r = 'ng';
    } else if (scheme === 'de') {
      if (ch === 'е' && (atStart || afterVowel)) r = 'je';
      else if (ch === 'й' && prev === 'и' && atEnd) r = rng.chance(0.5) ? 'j' : '';
      else if (ch === 'ж' && prev === 'д') r = 'sch';
    } else if (scheme === 'fr') {
      if (ch === 'е' && afterVowel) r = 'ïe';
      else if (ch === 'й' && !isCyrVowel(prev)) r = 'i';
      else if (ch === 'й' && prev === 'и') r = '';
      else if (ch === 'г' && (next === 'е' || next === 'и')) r = 'gu';
    }
    if (ch === 'с' && doubleS && isCyrVowel(prev) && isCyrVowel(next)) r = 'ss';
    out += r;
  }
  if (scheme === 'icao' || scheme === 'icao-legacy') return out.toUpperCase();
  if (!startsUpper(word)) return out;
  return scheme === 'kz2021' ? capitalizeWord(out) : capitalizePlain(out);
}

// Keyboard rows for adjacent-key typos.
const ROWS_CYR = ['йцукенгшщзхъ', 'фывапролджэ', 'ячсмитьбю'];
const ROWS_LAT = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const NEIGHBOURS = new Map<string, string>();
for (const row of [...ROWS_CYR, ...ROWS_LAT]) {
  for (let i = 0; i < row.length; i++) NEIGHBOURS.set(row[i], (row[i - 1] ?? '') + (row[i + 1] ?? ''));
}

/** Kinds of typing error the generator makes. */
export type TypoKind = 'adjacent-key' | 'dropped-letter' | 'doubled-letter' | 'transposed';

/**
 * Applies one typing error to a word (never to its first letter, so initials stay right).
 * @example makeTypo('Серикбаев', rng, 'dropped-letter') // e.g. 'Серкбаев'
 */
export function makeTypo(word: string, rng: Rng, kind: TypoKind): string {
  const chars = Array.from(word);
  const letters: number[] = [];
  for (let i = 1; i < chars.length; i++) if (isLetter(chars[i])) letters.push(i);
  if (letters.length < 2) return word;
  const i = rng.pick(letters);
  const ch = chars[i];
  switch (kind) {
    case 'adjacent-key': {
      const lower = ch.toLowerCase();
      const near = NEIGHBOURS.get(lower);
      if (!near) return word;
      const sub = near[rng.int(near.length)];
      chars[i] = ch === lower ? sub : sub.toUpperCase();
      break;
    }
    case 'dropped-letter':
      chars.splice(i, 1);
      break;
    case 'doubled-letter':
      chars.splice(i, 0, ch);
      break;
    case 'transposed': {
      const j = i + 1 < chars.length && isLetter(chars[i + 1]) ? i + 1 : i - 1;
      if (j < 1) return word;
      chars[i] = chars[j];
      chars[j] = ch;
      break;
    }
  }
  return chars.join('');
}

/** Cyrillic letters and the Latin (or IPA) look-alikes that slip into Cyrillic words. */
const HOMOGLYPHS: Record<string, string> = {
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', к: 'k', і: 'i', һ: 'h', ә: 'ə',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', І: 'I',
};

/**
 * Replaces one or two Cyrillic letters of a word by Latin look-alikes (a mixed-script word that looks unchanged).
 * Returns the word unchanged when it has no such letter.
 * @example addHomoglyph('Серик', rng) // 'Cерик' (Latin C)
 */
export function addHomoglyph(word: string, rng: Rng): string {
  const chars = Array.from(word);
  const candidates: number[] = [];
  for (let i = 0; i < chars.length; i++) if (HOMOGLYPHS[chars[i]] !== undefined) candidates.push(i);
  if (candidates.length === 0) return word;
  const n = candidates.length > 3 && rng.chance(0.3) ? 2 : 1;
  for (let k = 0; k < n; k++) {
    const i = rng.pick(candidates);
    chars[i] = HOMOGLYPHS[chars[i]] ?? chars[i];
  }
  return chars.join('');
}

/** Kazakh letters lost on a Russian keyboard: the base letter, or a look-alike from another alphabet. */
const KAZAKH_LOSSES: Record<string, string[]> = {
  ә: ['а', 'ə', 'а'], ғ: ['г'], қ: ['к'], ң: ['н'], ө: ['о', 'ɵ'], ұ: ['у', 'ү'], ү: ['у'], һ: ['х', 'h'], і: ['i', 'и'],
  Ә: ['А'], Ғ: ['Г'], Қ: ['К'], Ң: ['Н'], Ө: ['О'], Ұ: ['У'], Ү: ['У'], Һ: ['Х'], І: ['I', 'И'],
};

/**
 * Types a Kazakh word on a keyboard without (some) Kazakh letters: each Kazakh letter is replaced with probability p.
 * @example loseKazakhLetters('Нұрлан', rng, 1) // 'Нурлан' or 'Нүрлан'
 */
export function loseKazakhLetters(word: string, rng: Rng, p: number): string {
  let out = '';
  for (const ch of word) {
    const losses = KAZAKH_LOSSES[ch];
    out += losses && rng.chance(p) ? rng.pick(losses) : ch;
  }
  return out;
}

/** Writes ё as е (the usual Russian practice), with probability p per word. */
export function dropYo(word: string, rng: Rng, p: number): string {
  if (!/[ёЁ]/.test(word) || !rng.chance(p)) return word;
  return word.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
}
