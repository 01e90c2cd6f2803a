// Romanisation tables: Kazakh→Russian letter fold, canonical ASCII Latin (`canon`), the Latin display scheme
// (BGN/PCGN-style English romanisation of the Russian-folded form) and a rule-based Latin→Cyrillic display form.
// Pure. Tables follow BGN/PCGN 1979, ICAO 9303 and the 2011 Instruction on Russian rendering of Kazakh names.
import { createRequire } from 'node:module';

type Transliterate = (s: string, options: { unknown: string }) => string;
/** The `transliteration` package carries large tables for all scripts: loaded on first use (most names never need it). */
let transliterate: Transliterate | undefined;
function loadTransliterate(): Transliterate {
  transliterate ??= (createRequire(import.meta.url)('transliteration') as { transliterate: Transliterate }).transliterate;
  return transliterate;
}

/** Kazakh-only letters folded to their Russian counterparts (the 2011 Instruction's direction). */
export const KAZAKH_TO_RUSSIAN: Record<string, string> = {
  ә: 'а', ғ: 'г', қ: 'к', ң: 'н', ө: 'о', ұ: 'у', ү: 'у', һ: 'х', і: 'и',
  // Other Cyrillic letters met in Central Asian names (Uzbek, Tatar, Ukrainian, Belarusian).
  ҳ: 'х', ҷ: 'ж', ӯ: 'у', ӣ: 'и', ў: 'у', ґ: 'г', є: 'е', ї: 'и', ё: 'е', ӑ: 'а', ӗ: 'е', ҫ: 'с', ҝ: 'к', ҹ: 'ч', ӊ: 'н',
  ҙ: 'з', ҡ: 'к', ӹ: 'ы', ӧ: 'о', ӱ: 'у', ӓ: 'а',
};

/** Canonical Latin for each Russian letter: one romanisation (х kh, ц ts, й y, ё e, ъ/ь dropped). */
const RU_CANON: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** Latin letters with diacritics used by Kazakh Latin 2017–2021, Turkish, German, French, ISO 9 and others. */
const LATIN_FOLD: Record<string, string> = {
  ş: 'sh', ș: 'sh', ç: 'ch', ž: 'zh', š: 'sh', č: 'ch', ć: 'ch', ŝ: 'shch', ñ: 'n', ń: 'n', ņ: 'n', ň: 'n', ŋ: 'ng',
  ğ: 'g', ǵ: 'g', ġ: 'g', ı: 'i', ä: 'a', á: 'a', à: 'a', â: 'a', ă: 'a', ą: 'a', ā: 'a', å: 'a', ã: 'a',
  ö: 'o', ó: 'o', ô: 'o', ò: 'o', ȯ: 'o', ø: 'o', ō: 'o', õ: 'o', ő: 'o', ɵ: 'o', ü: 'u', ú: 'u', ū: 'u', ù: 'u',
  û: 'u', ů: 'u', ű: 'u', ǘ: 'u', ï: 'i', ī: 'i', ì: 'i', í: 'i', î: 'i', į: 'i', é: 'e', è: 'e', ê: 'e', ë: 'e',
  ė: 'e', ē: 'e', ę: 'e', ě: 'e', ý: 'u', ÿ: 'y', ł: 'l', ß: 'ss', æ: 'ae', œ: 'oe', ţ: 'ts', ț: 'ts', ķ: 'k',
  ḣ: 'h', ə: 'a', đ: 'd', ď: 'd', ť: 't', ř: 'r', ź: 'z', ż: 'z', ś: 's', ĭ: 'y', ǎ: 'a', ǐ: 'i', ǒ: 'o', ǔ: 'u',
};

/** Lowercases a word without locale rules and removes the combining dot of `İ` and other combining marks left over. */
export function lowerWord(word: string): string {
  return word.toLowerCase().replace(/\u0307/g, '');
}

/** Folds Kazakh (and other non-Russian) Cyrillic letters of a lowercase word to Russian letters. */
export function foldKazakh(lower: string): string {
  let out = '';
  for (const ch of lower) out += KAZAKH_TO_RUSSIAN[ch] ?? ch;
  return out;
}

/** Characters the `transliteration` package renders badly are replaced before it is called. */
function transliterateRest(s: string): string {
  if (/^[a-z'-]*$/.test(s)) return s;
  return loadTransliterate()(s, { unknown: '' }).toLowerCase();
}

/**
 * Canonical ASCII Latin of one lowercase word (Cyrillic or Latin): Kazakh letters folded to Russian, one
 * romanisation for Cyrillic, diacritics and Kazakh-Latin 2017 apostrophes folded for Latin. Keeps `-`.
 *
 * @example canonWord('тоқаев') // 'tokaev'
 * @example canonWord("qasym-jomart") // 'qasym-jomart'
 * @example canonWord("s'oqan") // 'shoqan'
 */
export function canonWord(lower: string): string {
  let out = '';
  const chars = Array.from(foldKazakh(lower));
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const ru = RU_CANON[ch];
    if (ru !== undefined) {
      out += ru;
      continue;
    }
    if (ch === "'") {
      // Kazakh Latin 2017: s' = ш, c' = ч, y' = у; after other letters the apostrophe only marks a Kazakh vowel or consonant.
      const prev = out[out.length - 1];
      if (prev === 's' || prev === 'c') out += 'h';
      else if (prev === 'y') out = out.slice(0, -1) + 'u';
      continue;
    }
    const lf = LATIN_FOLD[ch];
    if (lf !== undefined) {
      out += lf;
      continue;
    }
    out += ch;
  }
  out = transliterateRest(out.normalize('NFD').replace(/\p{M}/gu, ''));
  return out.replace(/[^a-z-]/g, '');
}

const RU_DISPLAY: Record<string, string> = { ...RU_CANON, ё: 'yo', ы: 'y', й: 'y' };
const RU_VOWELS = new Set('аеёиоуыэюяәөұүі'.split(''));

/**
 * Latin display form of one lowercase Cyrillic word: BGN/PCGN-style English romanisation of the Russian-folded word
 * (е → ye at the start and after vowels, ж zh, х kh, ц ts, й/ы y, ю yu, я ya, -ий → -iy).
 *
 * @example displayLatinWord('тоқаев') // 'tokayev'
 */
export function displayLatinWord(lower: string): string {
  const chars = Array.from(foldKazakh(lower.replace(/ё/g, '\u0001')).replace(/\u0001/g, 'ё'));
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const prev = i > 0 ? chars[i - 1] : '';
    const afterVowelOrStart = i === 0 || prev === '-' || RU_VOWELS.has(prev) || prev === 'ь' || prev === 'ъ';
    if (ch === 'е') out += afterVowelOrStart ? 'ye' : 'e';
    else if (ch === 'ё') out += afterVowelOrStart ? 'yo' : 'e';
    else {
      const r = RU_DISPLAY[ch];
      out += r !== undefined ? r : ch;
    }
  }
  return out.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^a-z-]/g, '');
}

// Latin → Cyrillic display rules, longest first. Approximate: display only, never used for matching.
const LAT_TO_CYR_RULES: Array<[string, string]> = [
  ['shch', 'щ'], ['tsch', 'ч'], ['dzh', 'дж'], ['sch', 'ш'], ['zh', 'ж'], ['kh', 'х'], ['ts', 'ц'], ['ch', 'ч'],
  ['sh', 'ш'], ['gh', 'г'], ['yu', 'ю'], ['ya', 'я'], ['yo', 'ё'], ['ye', 'е'], ['ou', 'у'], ['a', 'а'], ['b', 'б'],
  ['c', 'к'], ['d', 'д'], ['e', 'е'], ['f', 'ф'], ['g', 'г'], ['h', 'х'], ['i', 'и'], ['j', 'ж'], ['k', 'к'],
  ['l', 'л'], ['m', 'м'], ['n', 'н'], ['o', 'о'], ['p', 'п'], ['q', 'к'], ['r', 'р'], ['s', 'с'], ['t', 'т'],
  ['u', 'у'], ['v', 'в'], ['w', 'в'], ['x', 'кс'], ['z', 'з'],
];

/**
 * Cyrillic display form of one canonical Latin word (approximate reverse romanisation into Russian letters).
 *
 * @example displayCyrillicWord('tokayev') // 'токаев'
 */
export function displayCyrillicWord(canon: string): string {
  let out = '';
  let i = 0;
  const vowels = 'aeiouy';
  while (i < canon.length) {
    const c = canon[i];
    if (c === 'y') {
      const prev = canon[i - 1];
      const next = canon[i + 1];
      const nextVowel = next !== undefined && 'aeiou'.includes(next);
      if (nextVowel) {
        // ya/yu/ye/yo after a consonant: soft sign plus the iotated vowel (Ilyas → Ильяс); after a vowel: plain.
        const iot = next === 'a' ? 'я' : next === 'u' ? 'ю' : next === 'o' ? 'ё' : next === 'e' ? 'е' : 'йи';
        out += (prev !== undefined && !vowels.includes(prev) && prev !== '-' ? 'ь' : '') + iot;
        i += 2;
        continue;
      }
      out += prev !== undefined && vowels.includes(prev) ? 'й' : prev === undefined || prev === '-' ? 'й' : 'ы';
      i++;
      continue;
    }
    if (c === '-') {
      out += '-';
      i++;
      continue;
    }
    let matched = false;
    for (const [lat, cyr] of LAT_TO_CYR_RULES) {
      if (canon.startsWith(lat, i)) {
        out += cyr;
        i += lat.length;
        matched = true;
        break;
      }
    }
    if (!matched) i++;
  }
  return out.replace(/ё/g, 'е');
}

/** Capitalises each hyphen-separated part: `kasym-zhomart` → `Kasym-Zhomart`. */
export function titleCase(word: string): string {
  return word
    .split('-')
    .map((p) => (p.length > 0 ? p[0].toUpperCase() + p.slice(1) : p))
    .join('-');
}
