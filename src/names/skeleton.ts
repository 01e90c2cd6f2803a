// Phonetic skeletons of canonical Latin words: Latin press conventions (German, French) mapped to the canonical
// romanisation, then letter classes (zh/j/dzh → J, sh/ch → S, ts/c → C, kh/q/h/k → K, vowels → A E U I), glides
// dropped and doubles collapsed, so Tokaev, Tokayev, Toqaev and Tokajew all give `tUKAEv`. Pure.

/** Latin spelling conventions recognised in a name. `en` covers English, passport/ICAO and Kazakh Latin. */
export type LatinConvention = 'en' | 'de' | 'fr';

const VOWELS = 'aeiou';

function isVowel(c: string | undefined): boolean {
  return c !== undefined && VOWELS.includes(c);
}

/**
 * Detects the German or French press convention from the canonical Latin words of one name.
 * German: `sch`, `w`, endings -ew/-ow/-ewa/-owa/-itsch/-ija/-lja/-nja/-jin (Julija, Ilja, Iljin), `j` after a vowel
 * before a consonant or at the end (Ajdos, Tujakbaj: й); French: `ou`, `tch`, `dj`, -aïev. A `j` before a vowel is
 * not a signal: Kazakh Latin and English use it for ж (Jomart, Oljas, Janna).
 *
 * @example detectConvention(['tokajew', 'kassym-schomart']) // 'de'
 * @example detectConvention(['noursoultan', 'nazarbaiev']) // 'fr'
 */
export function detectConvention(words: string[]): LatinConvention {
  let de = 0;
  let fr = 0;
  for (const w of words) {
    if (/sch|w|(ew|ow|ewa|owa|itsch|ija|lja|nja|jin)$|[aeiou]j([^aeiou]|$)/.test(w)) de++;
    if (/[^aeiou]ou|^ou|tch|dj|(aiev|aieva|oulan|ouly)$/.test(w)) fr++;
  }
  if (de > fr) return 'de';
  if (fr > de) return 'fr';
  return 'en';
}

/**
 * Rewrites a canonical Latin word written in a German or French press convention into the canonical
 * (English-like) romanisation: German j→y, w→v, sch→sh, dsch→dzh, intervocalic s→z, ss→s (z is kept: the German press
 * copies Bekzat, Nasarbajew); French ou→u, ch→sh, j→zh.
 *
 * @example applyConvention('nasarbajew', 'de') // 'nazarbayev'
 * @example applyConvention('noursoultan', 'fr') // 'nursultan'
 */
export function applyConvention(word: string, conv: LatinConvention): string {
  if (conv === 'en') return word;
  let s = word;
  if (conv === 'de') {
    // tsch is ч at the start, in -itsch and in -tschenko, but т+ж/ш inside a word (Seitschanow = Сейтжанов).
    // Ukrainian -ченко is -tschenko (Tkatschenko = Ткаченко).
    s = s.replace(/^tsch|tsch$|tsch(?=enko)/g, '\u0001').replace(/tsch/g, 't\u0003').replace(/dsch/g, '\u0002');
    s = s.replace(/sch/g, '\u0003').replace(/ch/g, 'kh').replace(/ck/g, 'k').replace(/j/g, 'y').replace(/w/g, 'v');
    s = s.replace(/tz/g, 'ts');
    // A single s between vowels is voiced (Nasarbajew = Назарбаев); ss is a plain s.
    // After a y written for й (Dujsenow = Дуйсенов) an s is not between vowels.
    s = s.replace(/(?<=[aeiou])s(?=[aeiouy])/g, 'z').replace(/ss/g, 's');
    s = s.replace(/ie(?=[^aeiou]|$)/g, 'i');
    s = s.replace(/\u0001/g, 'ch').replace(/\u0002/g, 'dzh').replace(/\u0003/g, 'sh');
  } else {
    s = s.replace(/tch/g, '\u0001').replace(/dj/g, '\u0002').replace(/ch/g, 'sh');
    s = s.replace(/\u0001/g, 'ch').replace(/\u0002/g, 'dzh');
    s = s.replace(/ou/g, 'u').replace(/(?<![dz])j/g, 'zh').replace(/ss/g, 's');
    s = s.replace(/gu(?=[ei])/g, 'g').replace(/qu/g, 'k');
  }
  return s;
}

/**
 * Coarse phonetic skeleton of a canonical Latin word (hyphens and apostrophes ignored): Soviet-era and
 * romanisation variants meet (Ж/Дж, Ш/Ч, Қ/К/Х, Ө/О/У, Уә/Ва, glides, doubled letters).
 *
 * @example skeletonOf('tokayev') // 'tUKAEv'
 * @example skeletonOf('dzhanna') // 'JAnA'
 * @example skeletonOf('mukhammed') // 'mUKAmEd'
 */
export function skeletonOf(canon: string, conv: LatinConvention = 'en'): string {
  let s = canon.replace(/[-']/g, '');
  if (s.length === 0) return '';
  // German `sch` (already rewritten to `sh`) stands for ж as often as for ш: class X meets both.
  if (conv === 'de') s = s.replace(/sh/g, 'X');
  // The German press writes s for both с and з (Sulfija = Зульфия, Orasbaj = Оразбай, Saule = Сәуле): class Z.
  if (conv === 'de') s = s.replace(/(?<![sZ])s(?![sZ])/g, 'Z');
  // German z is ц in German names (Schulz = Шульц) but з in copied Kazakh ones (Bekzat): class Y meets both.
  if (conv === 'de') s = s.replace(/tz|z(?!h)/g, 'Y');
  // ё after a consonant: Korolyov, Artiom, Piotr / Королёв, Артём, Пётр (ё folded to е) / Korolev.
  s = s.replace(/(?<=[^aeiouy])[yi]o/g, 'e');
  // ье after a consonant: the Latin press writes Yuryevich, Vasilyev, Wassiljew (y) where the Cyrillic, ь dropped,
  // folds to yurevich, vasilev.
  s = s.replace(/(?<=[^aeiouy])y(?=e)/g, '');
  // English ee at the end of a word (Lee = Ли); inside a word ee is е+е (Андреев = Andreev = Andreyev).
  s = s.replace(/ee$/, 'i');
  // (i) -ий/-ый endings: -ii, -iy, -yi, -yy, -ij, -yj → i.
  s = s.replace(/(ii|iy|yi|yy|ij|yj)$/, 'i');
  // (ii) initial у + vowel is [w] (Уәли = Вали), as is w.
  s = s.replace(/^u(?=[aeio])/, 'v').replace(/w/g, 'v');
  // (iii) уы before a consonant is one sound (Бауыржан = Бауржан).
  s = s.replace(/u[yi](?=[^aeiouy])/g, 'u');
  // (iv) consonant classes, longest spellings first.
  s = s
    .replace(/dzh|dj|zh|j/g, 'J')
    .replace(/shch|sch|tch|sh|ch/g, 'S')
    .replace(/ts|tz/g, 'C')
    .replace(/c(?=[eiy])/g, 'C')
    .replace(/ck|c/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/gh/g, 'g')
    .replace(/kh|q|h|k/g, 'K');
  // (v) glides: y/i before a vowel at the start, y between vowels (Tokayev), i between vowels (Tokaiev).
  s = s.replace(/^[yi](?=[aeou])/, '');
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if ((c === 'y' || c === 'i') && isVowel(s[i - 1]) && isVowel(s[i + 1]) && !(c === 'i' && s[i + 1] === 'i')) {
      continue;
    }
    out += c;
  }
  // (vi) y → i; ou/oe → u; vowel classes a → A, e → E, o/u → U (Ө/О/У drift), i/y → I.
  out = out.replace(/y/g, 'i').replace(/ou|oe/g, 'u');
  let res = '';
  for (const c of out) {
    const k = c === 'a' ? 'A' : c === 'e' ? 'E' : c === 'o' || c === 'u' ? 'U' : c === 'i' ? 'I' : c;
    // (vii) doubles collapse.
    if (res.length > 0 && res[res.length - 1] === k) continue;
    res += k;
  }
  return res;
}

/** The consonant key of a skeleton: its first class plus its consonant classes (`tUKAEv` → `tKv`). */
export function consonantKey(skel: string): string {
  if (skel.length === 0) return '';
  let out = skel[0];
  for (let i = 1; i < skel.length; i++) {
    const c = skel[i];
    if (c !== 'A' && c !== 'E' && c !== 'U' && c !== 'I' && c !== out[out.length - 1]) out += c;
  }
  return out;
}
