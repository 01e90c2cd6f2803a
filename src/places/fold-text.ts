// Text folding shared by the gazetteer and header detection: Kazakh letters to Russian ones, Cyrillic to a plain
// ASCII Latin key. Pure and table-driven; the same input always gives the same key.

/** Kazakh-specific Cyrillic letters (and ё) → the Russian letter people type instead. */
const KAZAKH_TO_RUSSIAN: Readonly<Record<string, string>> = {
  'ә': 'а', 'ғ': 'г', 'қ': 'к', 'ң': 'н', 'ө': 'о', 'ұ': 'у', 'ү': 'у', 'һ': 'х', 'і': 'и', 'ё': 'е',
};

const KAZAKH_LETTER = /[әғқңөұүһіё]/;
const KAZAKH_LETTERS = /[әғқңөұүһіё]/g;

/** Russian Cyrillic → ASCII Latin, a simple one-way scheme (GOST-like, `ж` = zh, `й`/`ы` = y). */
const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  'а': 'a', 'б': 'b', 'в': 'v', 'г': 'g', 'д': 'd', 'е': 'e', 'ж': 'zh', 'з': 'z', 'и': 'i', 'й': 'y', 'к': 'k',
  'л': 'l', 'м': 'm', 'н': 'n', 'о': 'o', 'п': 'p', 'р': 'r', 'с': 's', 'т': 't', 'у': 'u', 'ф': 'f', 'х': 'kh',
  'ц': 'ts', 'ч': 'ch', 'ш': 'sh', 'щ': 'shch', 'ъ': '', 'ы': 'y', 'ь': '', 'э': 'e', 'ю': 'yu', 'я': 'ya',
};

/** Latin letters of Kazakh and Turkic romanisations that need more than a stripped accent. */
const LATIN_SPECIAL: Readonly<Record<string, string>> = {
  'ş': 'sh', 'ç': 'ch', 'ı': 'i', 'ñ': 'n', 'ŋ': 'n', 'ə': 'a', 'ß': 'ss', 'q': 'k',
};

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Latin letters that look like Cyrillic ones, typed by mistake inside Cyrillic words (`Cемей` with a Latin C). */
const LATIN_LOOKALIKES: Readonly<Record<string, string>> = {
  'a': 'а', 'b': 'в', 'c': 'с', 'e': 'е', 'h': 'н', 'k': 'к', 'm': 'м', 'o': 'о', 'p': 'р', 't': 'т', 'x': 'х',
  'y': 'у', 'i': 'і',
};
const HAS_LATIN = /[a-z]/;
const HAS_CYRILLIC = /[\u0400-\u04ff]/;
const MIXED_WORD = /[\p{L}]+/gu;

/**
 * In a word with Cyrillic letters whose Latin letters all have a Cyrillic look-alike, turns those into the Cyrillic
 * letters they stand for (`Boзpacт` → `возраст`).
 */
function fixLookalikes(lower: string): string {
  if (!HAS_LATIN.test(lower) || !HAS_CYRILLIC.test(lower)) return lower;
  return lower.replace(MIXED_WORD, (word) => {
    let cyr = 0;
    for (const ch of word) {
      if (ch >= 'a' && ch <= 'z' && LATIN_LOOKALIKES[ch] === undefined) return word;
      if (ch >= '\u0400' && ch <= '\u04ff') cyr++;
    }
    if (cyr === 0) return word;
    let out = '';
    for (const ch of word) out += LATIN_LOOKALIKES[ch] ?? ch;
    return out;
  });
}

/**
 * Lowercases and folds Kazakh letters (and ё) to the Russian letters typed in their place; Latin look-alike letters
 * inside a Cyrillic word become Cyrillic; everything else is kept.
 * Example: foldCyrillic('Жаңаөзен') === 'жанаозен'; foldCyrillic('Cемей') === 'семей' (Latin C)
 */
export function foldCyrillic(text: string): string {
  const lower = fixLookalikes(text.normalize('NFC').toLowerCase());
  return KAZAKH_LETTER.test(lower) ? lower.replace(KAZAKH_LETTERS, (ch) => KAZAKH_TO_RUSSIAN[ch] ?? ch) : lower;
}

/**
 * Folds to lowercase ASCII Latin: Kazakh letters to Russian ones, Cyrillic transliterated, Latin accents stripped
 * (`q` = `k`, `ş` = `sh`). Spaces and punctuation are kept.
 * Example: foldToLatin('Қызылорда') === 'kyzylorda'; foldToLatin('Aqtöbe') === 'aktobe'
 */
export function foldToLatin(text: string): string {
  const folded = foldCyrillic(text);
  let out = '';
  for (const ch of folded) {
    const lat = CYRILLIC_TO_LATIN[ch] ?? LATIN_SPECIAL[ch];
    if (lat !== undefined) out += lat;
    else if (ch < '\u0080') out += ch;
    else out += ch.normalize('NFD').replace(COMBINING_MARKS, '');
  }
  return out;
}

/**
 * A lookup key: `foldToLatin` with every character that is not a-z or 0-9 removed.
 * Example: foldKey('Усть-Каменогорск') === 'ustkamenogorsk'; foldKey('Ф.И.О.') === 'fio'
 */
export function foldKey(text: string): string {
  return foldToLatin(text).replace(/[^a-z0-9]+/g, '');
}

/** Letter groups that romanisations (English, German, French, Kazakh Latin) write differently, longest first. */
const SKELETON_GROUPS: ReadonlyArray<readonly [RegExp, string]> = [
  [/([aeiou])j(?![aeiou])/g, '$1i'], // German й: Kostanaj = Kostanay
  [/tsch|dsch|sch|tch|dzh|zh|sh|ch|dj|ts|tz|j|z|s|c|x/g, 's'],
  [/kh|gh|ck|q/g, 'k'],
  [/ou/g, 'u'],
  [/oe/g, 'o'],
  [/ue/g, 'u'],
  [/ae/g, 'a'],
  [/ph/g, 'f'],
  [/h/g, ''],
  [/y/g, 'i'],
  [/w/g, 'v'],
  [/([a-z])\1+/g, '$1'],
];

/**
 * A coarse spelling-independent key for a folded key: all sibilants (s, z, sh, zh, ch, sch, tsch, j...) are one
 * class, y = i, ou = u, doubled letters single. Used only as a last resort, when it points to one place alone.
 * Example: skeletonKey(foldKey('Schanaosen')) === skeletonKey(foldKey('Жанаозен'))
 */
export function skeletonKey(key: string): string {
  let s = key;
  for (const [pattern, replacement] of SKELETON_GROUPS) s = s.replace(pattern, replacement);
  return s;
}
