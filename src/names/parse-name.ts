// Parsing of one name (a full-name string or split parts) into tokens with roles, per-token keys (canon, skeleton,
// stem, suffix, initial class), a sex hint with its evidence and display forms. Pure; never throws.
import type { Sex } from '../core/types.js';
import { cleanText, evidenceScript, majorityScript, repairWord, scriptOfChar, KAZAKH_LETTERS } from './clean-text.js';
import { FEMALE_GIVEN, MALE_GIVEN, MALE_IN_A } from './given-names.js';
import { canonWord, displayCyrillicWord, displayLatinWord, foldKazakh, lowerWord, titleCase } from './romanize.js';
import { applyConvention, detectConvention, skeletonOf, type LatinConvention } from './skeleton.js';
import type { NameInput, NameRole, NameToken, ParsedName } from './types.js';

/** Longest accepted input, in UTF-16 units; the rest is ignored with a warning. */
const MAX_INPUT = 400;
/** Tokens beyond this many are ignored (with a warning) so comparison stays bounded. */
export const MAX_TOKENS = 6;

const PATRONYMIC_PARTICLES = new Set(['uly', 'uli', 'ulu', 'ugly', 'ugli', 'ogly', 'oglu', 'kyzy', 'kizi', 'qyzy', 'kyzi', 'gyzy', 'kizy', 'qizi']);

// Patronymic endings on the canonical form, with the sex they carry.
const PATRONYMIC_RE = /(ovich|evich|ovych|evych|ovic|evic|ich|ovna|evna|ichna|uly|uli|ulu|ugly|ugli|ogly|oglu|kyzy|kizi|qyzy|kyzi|gyzy|kizy|qizi)$/;
const PATRONYMIC_SEX: Record<string, Sex> = {
  ovich: 'M', evich: 'M', ovych: 'M', evych: 'M', ovic: 'M', evic: 'M', ich: 'M', uly: 'M', uli: 'M', ulu: 'M',
  ugly: 'M', ugli: 'M', ogly: 'M', oglu: 'M', ovna: 'F', evna: 'F', ichna: 'F', kyzy: 'F', kizi: 'F', qyzy: 'F',
  kyzi: 'F', gyzy: 'F', kizy: 'F', qizi: 'F',
};
// Surname endings: strong (-ov/-ev/-sky) and weak (-in, which given names share: Еркин, Марина).
// A `y` before -ов/-ев is a glide (Tokayev); an `i` belongs to the root (Алиев = Али + ев, Калиева = Кали + ева).
const SURNAME_RE = /(?:(ov|ev|yov|yev)|(ova|eva|yova|yeva)|(skiy|skii|sky|skij|tskiy|tskii|tsky)|(skaya|skaia|tskaya)|(in|yn)|(ina|yna))$/;

/**
 * Drops a final y after a consonant from a stem whose suffix starts with e or i: the Latin press writes ье, ьи as ye,
 * yi (Yury-evich, Vasily-ev, Ily-ich) where the Cyrillic, ь dropped, gives Yur-evich, Vasil-ev, Il-ich.
 */
function trimSoftSign(stem: string, suffix: string): string {
  return /^[ei]/.test(suffix) && stem.length >= 2 && /[^aeiouy]y$/.test(stem) ? stem.slice(0, -1) : stem;
}

/** Drops a final glide after a vowel from a stem: Абай- / Аба(евич), Токай- / Тока(ев). */
function trimGlide(stem: string): string {
  return stem.length > 3 && /[aeiou][yi]$/.test(stem) ? stem.slice(0, -1) : stem;
}

/** Suffix families (codes precomputed per token): none, -ов/-ова, -ин/-ина, -ский/-ская, patronymic. */
export const FAM_NONE = 0;
export const FAM_OV = 1;
export const FAM_IN = 2;
export const FAM_SKY = 3;
export const FAM_PAT = 4;

const KAZAKH_PATRONYMIC_SUFFIX = /^(uly|uli|ulu|kyzy|kizi|qyzy|kyzi|gyzy|kizy|qizi)$/;

export interface TokenExtra {
  /** Canonical form without hyphens. */
  joined: string;
  /** Suffix family code (FAM_*). */
  fam: number;
  /** True for a Kazakh patronymic ending (-ұлы/-қызы), which is also a surname ending. */
  kzPat: boolean;
  /** True for words that pair only among patronymics (patronymic words and patronymic initials). */
  pool: boolean;
  /** Skeleton of the stem (surname without -ov/-ova…, patronymic without -ovich/-uly…); else the skeleton. */
  stem: string;
  /** Canonical stem, same rule. */
  stemCanon: string;
  /** Grammatical suffix found: ov ova in ina sky skaya (surname), ovich ovna uly kyzy (patronymic), or ''. */
  suffix: string;
  /** Skeletons of the parts of a hyphenated compound (for initials: their classes). */
  parts: string[];
  /** Initial classes of the parts (`Касым-Жомарт` → ['K', 'J']). */
  inits: string[];
  sexHint: Sex | null;
  /** True when the token carries a patronymic ending. */
  patronymicLike: boolean;
  /** Script of the token as written after repair. */
  tokenScript: 'cyr' | 'lat' | 'other';
  /**
   * Word id: the same for every copy of one full word's token (numbered as words are first built in this thread), −1
   * for initials and compounds joined during comparison. Comparing two words depends on nothing else, so the names
   * engine remembers word-pair results by these ids.
   */
  wid: number;
}

export type RichToken = NameToken & TokenExtra;

let givenSex: Map<string, Sex> | null = null;

/** Skeleton → sex for the built-in given-name list (built once). */
function givenSexMap(): Map<string, Sex> {
  if (givenSex) return givenSex;
  const m = new Map<string, Sex>();
  for (const [list, sex] of [
    [MALE_GIVEN, 'M'],
    [FEMALE_GIVEN, 'F'],
  ] as Array<[string, Sex]>) {
    for (const w of list.split(/\s+/)) {
      if (!w) continue;
      const sk = skeletonOf(canonWord(w));
      if (!m.has(sk)) m.set(sk, sex);
    }
  }
  givenSex = m;
  return m;
}

let maleInA: Set<string> | null = null;

/**
 * Sex suggested by a given name: the list, then endings: -гүл and -а/-я female, and (with `endings`) -бек/-бай/-бол/
 * -хан/-жан male. The male endings are only trusted when the name has a surname or patronymic with a suffix, since a
 * suffix-less Kazakh surname (Оразбай, Жанболат) looks like a given name.
 */
export function givenNameSex(canon: string, skel: string, endings = true): Sex | null {
  const listed = givenSexMap().get(skel);
  if (listed) return listed;
  if (/(gul|gyl|kul)$/.test(canon)) return 'F';
  if (endings && /(bek|bai|bay|bol|khan|kan|zhan|han|jan|bolat|bulat|murat)$/.test(canon) && canon.length > 4) return 'M';
  if (/[^aeiou](a|ya|ia)$/.test(canon) && canon.length >= 4) {
    if (!maleInA) maleInA = new Set(MALE_IN_A.split(/\s+/).filter((w) => w).map((w) => skeletonOf(canonWord(w))));
    return maleInA.has(skel) ? 'M' : 'F';
  }
  return null;
}

/** True when the skeleton is in the built-in given-name list. */
export function isKnownGiven(skel: string): boolean {
  return givenSexMap().has(skel);
}

/**
 * Initial class of a canonical word: its first sound, glide dropped (Ye/Yu/Ya/Iu/Ia), vowels a e i u (о/у/ө together),
 * consonants by skeleton class (zh/j/dzh → J, sh/ch → S, kh/q/h → K). `y` alone is any vowel (`*`).
 *
 * @example initialClass('yerlan') // 'E'
 * @example initialClass('zhomart') // 'J'
 */
export function initialClass(canon: string): string {
  let c = canon.replace(/[-']/g, '');
  if (c === 'y' || c === 'i' && canon.length === 1) return c === 'y' ? '*' : 'I';
  if (/^[yi][aeou]/.test(c)) c = c.slice(1);
  const sk = skeletonOf(c);
  return sk.length > 0 ? sk[0] : '';
}

interface RawWord {
  text: string;
  initial: boolean;
  /** For initials: the letters of each part of a compound initial (`К.-Ж.` → ['к', 'ж']). */
  initialParts?: string[];
}

const LATIN_DIGRAPH_INITIAL = /^(zh|sh|ch|kh|ts|ye|yu|ya|yo|dzh|dj|gh|shch|sch|iu|ia)$/i;

/** Splits a cleaned word holding dots into initials and words: `К.-Ж.К.` → [К-Ж initial, К initial]. */
function splitInitials(word: string, out: RawWord[]): void {
  const segs = word.split('.');
  let pending: string[] | null = null;
  const flush = () => {
    if (pending && pending.length > 0) out.push({ text: pending.join('-'), initial: true, initialParts: pending });
    pending = null;
  };
  for (let k = 0; k < segs.length; k++) {
    let seg = segs[k];
    if (seg === '') continue;
    const joinPrev = seg.startsWith('-');
    seg = seg.replace(/^-+|-+$/g, '');
    if (seg === '') continue;
    const letters = Array.from(seg).filter((ch) => /\p{L}/u.test(ch)).length;
    const isInit = letters === 1 || (letters <= 4 && LATIN_DIGRAPH_INITIAL.test(seg)) || /^дж$/i.test(seg);
    if (!isInit) {
      flush();
      out.push({ text: seg, initial: false });
      continue;
    }
    if (joinPrev && pending) pending.push(seg);
    else {
      flush();
      pending = [seg];
    }
  }
  flush();
}

/** Splits the cleaned string into words and initials, joining detached patronymic particles (`Кемел ұлы`). */
function splitWords(cleaned: string): RawWord[] {
  const out: RawWord[] = [];
  const hasLower = /\p{Ll}{2}/u.test(cleaned);
  const words = cleaned.split(' ');
  for (let wi = 0; wi < words.length; wi++) {
    const word = words[wi].replace(/^[-'.]+|[-']+$/g, '');
    if (!/\p{L}/u.test(word)) continue;
    // Initials written without dots after a surname: Токаев КЖ, Ахметов ЕС (only when other words are in lower case).
    if (wi > 0 && hasLower && /^\p{Lu}{2,3}$/u.test(word) && !/^(ЛИ|ЦОЙ|КИМ|ПАК|ТЕН|LI|LEE|KIM|PAK|TEN|TSOI|TSOY|CHOI)$/u.test(word)) {
      for (const ch of word) out.push({ text: ch, initial: true, initialParts: [ch] });
      continue;
    }
    if (word.includes('.')) splitInitials(word, out);
    else if (Array.from(word).filter((ch) => /\p{L}/u.test(ch)).length === 1 && !word.includes('-')) {
      out.push({ text: word, initial: true, initialParts: [word] });
    } else out.push({ text: word, initial: false });
  }
  // Detached patronymic particle: glue to the previous full word (Кемел ұлы → Кемелұлы).
  const merged: RawWord[] = [];
  for (const w of out) {
    const prev = merged[merged.length - 1];
    if (!w.initial && prev && !prev.initial && w.text.length <= 5 && PATRONYMIC_PARTICLES.has(canonWord(lowerWord(w.text)))) {
      prev.text = prev.text + w.text.toLowerCase();
      continue;
    }
    merged.push({ ...w });
  }
  return merged;
}

function tokenScriptOf(word: string): 'cyr' | 'lat' | 'other' {
  let cyr = 0;
  let lat = 0;
  let other = 0;
  for (const ch of word) {
    const s = scriptOfChar(ch);
    if (s === 'cyr') cyr++;
    else if (s === 'lat') lat++;
    else if (s === 'other') other++;
  }
  if (cyr === 0 && lat === 0) return other > 0 ? 'other' : 'lat';
  return cyr >= lat ? 'cyr' : 'lat';
}

/** Skeleton of a stem, reusing the word's skeleton when the stem is the whole word. */
function stemSkeleton(stemCanon: string, joined: string, skel: string, conv: LatinConvention): string {
  return stemCanon === joined ? skel : skeletonOf(stemCanon, conv);
}

// Words recur across names (a run of a million records has far fewer distinct words than names): the token of a
// word, and its display forms, are computed once per word (and Latin convention) and copied. Cleared when large.
const FULL_TOKENS = new Map<string, RichToken>();
const DISPLAY_CYRILLIC = new Map<string, string>();
const DISPLAY_LATIN = new Map<string, string>();
const WORD_MEMO_MAX = 500_000;

/** The token of a full word (a fresh copy: roles are set per name), built once per word and convention. */
function fullToken(text: string, conv: LatinConvention): RichToken {
  const key = `${conv}\u0001${text}`;
  let t = FULL_TOKENS.get(key);
  if (t === undefined) {
    if (FULL_TOKENS.size >= WORD_MEMO_MAX) FULL_TOKENS.clear();
    t = buildFullToken(text, conv);
    FULL_TOKENS.set(key, t);
  }
  return copyToken(t);
}

/**
 * A copy of a token. Every token the engine compares is made here (full words, initials, compounds joined during
 * comparison), so that all have one hidden class: objects made by `{ ...t }` or by different literals do not, and
 * each new shape the names engine met sent its optimised code back to the interpreter (compareOrdered was compiled
 * eight times over the fixtures).
 */
export function copyToken(t: RichToken): RichToken {
  return {
    raw: t.raw,
    canon: t.canon,
    joined: t.joined,
    fam: t.fam,
    kzPat: t.kzPat,
    pool: t.pool,
    skel: t.skel,
    role: t.role,
    initial: t.initial,
    stem: t.stem,
    stemCanon: t.stemCanon,
    suffix: t.suffix,
    parts: t.parts,
    inits: t.inits,
    sexHint: t.sexHint,
    patronymicLike: t.patronymicLike,
    tokenScript: t.tokenScript,
    wid: t.wid,
  };
}

/** A display form of a full word, computed once per word (it depends on the script and the raw or canonical text). */
function memoDisplay(memo: Map<string, string>, t: RichToken, make: (t: RichToken) => string): string {
  const key = t.tokenScript === 'cyr' ? `c\u0001${t.raw}` : `l\u0001${t.canon}`;
  let v = memo.get(key);
  if (v === undefined) {
    if (memo.size >= WORD_MEMO_MAX) memo.clear();
    v = make(t);
    memo.set(key, v);
  }
  return v;
}

let nextWordId = 0;

/** Number of distinct full words built so far in this thread (the next word id). */
export function wordCount(): number {
  return nextWordId;
}

/** Builds a full-name token (role decided later). */
function buildFullToken(text: string, conv: LatinConvention): RichToken {
  const lower = lowerWord(text);
  const script = tokenScriptOf(text);
  let canon = canonWord(lower);
  if (script === 'lat') canon = applyConvention(canon, conv);
  canon = canon.replace(/^-+|-+$/g, '').replace(/-+/g, '-');
  const joined = canon.replace(/-/g, '');
  const sconv: LatinConvention = script === 'lat' ? conv : 'en';
  const skel = skeletonOf(joined, sconv);
  const compound = canon.includes('-');
  const partsCanon = compound ? canon.split('-').filter((p) => p.length > 0) : [joined];
  const parts = compound ? partsCanon.map((p) => skeletonOf(p, sconv)) : [skel];
  const inits = compound || joined.length < 2 ? partsCanon.map((p) => initialClass(p)) : [skel.length > 0 ? skel[0] : ''];
  let suffix = '';
  let stemCanon = joined;
  let sexHint: Sex | null = null;
  let patronymicLike = false;
  // Suffixes are found on the word with repeated vowels collapsed (a typed Мұратовиич is -ович).
  const single = joined.replace(/([aeiouy])\1+/g, '$1');
  const pm = PATRONYMIC_RE.exec(single);
  // A short -ich word is rarely a patronymic, except Ильич (Il'ich), one of the commonest.
  if (pm && (single.length - pm[1].length >= 3 || single === 'ilich') && !(pm[1] === 'ich' && single.length < 6 && single !== 'ilich')) {
    patronymicLike = true;
    suffix = pm[1];
    stemCanon = trimSoftSign(trimGlide(single.slice(0, single.length - pm[1].length)), pm[1]);
    sexHint = PATRONYMIC_SEX[pm[1]];
  } else {
    const sm = SURNAME_RE.exec(joined);
    if (sm && joined.length - sm[0].length >= 2) {
      const kind = sm[1] ? 'ov' : sm[2] ? 'ova' : sm[3] ? 'sky' : sm[4] ? 'skaya' : sm[5] ? 'in' : 'ina';
      suffix = kind;
      const cut = kind === 'sky' || kind === 'skaya' ? sm[0].length - (sm[0].startsWith('ts') ? 3 : 2) : sm[0].length;
      stemCanon = trimSoftSign(trimGlide(joined.slice(0, joined.length - cut)), joined.slice(joined.length - cut));
      if (kind === 'sky' || kind === 'skaya') stemCanon = joined.slice(0, joined.length - sm[0].length) + 'sk';
      sexHint = kind === 'ov' || kind === 'sky' || kind === 'in' ? 'M' : 'F';
    }
  }
  const fam = patronymicLike ? FAM_PAT : suffix === 'ov' || suffix === 'ova' ? FAM_OV : suffix === 'in' || suffix === 'ina' ? FAM_IN : suffix ? FAM_SKY : FAM_NONE;
  return {
    raw: text,
    canon,
    joined,
    fam,
    kzPat: patronymicLike && KAZAKH_PATRONYMIC_SUFFIX.test(suffix),
    pool: patronymicLike,
    skel,
    role: 'unknown',
    initial: false,
    // Without a suffix the stem drops a final glide (Оразбай / Оразба-ев).
    stem: stemSkeleton(suffix === '' ? trimGlide(stemCanon) : stemCanon, joined, skel, sconv),
    stemCanon,
    suffix,
    parts,
    inits,
    sexHint,
    patronymicLike,
    tokenScript: script,
    wid: nextWordId++,
  };
}

/** Builds an initial token: canon/skel hold the initial classes of its parts. */
function buildInitialToken(word: RawWord, conv: LatinConvention): RichToken {
  const partsRaw = word.initialParts ?? [word.text];
  const script = tokenScriptOf(word.text);
  const inits = partsRaw.map((p) => {
    let c = canonWord(lowerWord(p));
    if (script === 'lat') c = applyConvention(c, conv);
    return initialClass(c);
  });
  const canon = partsRaw.map((p) => canonWord(lowerWord(p))).join('-');
  return copyToken({
    raw: partsRaw.map((p) => p + '.').join('-'),
    canon,
    joined: canon.replace(/-/g, ''),
    fam: FAM_NONE,
    kzPat: false,
    pool: false,
    skel: inits.join(''),
    role: 'given',
    initial: true,
    stem: inits.join(''),
    stemCanon: canon,
    suffix: '',
    parts: inits,
    inits,
    sexHint: null,
    patronymicLike: false,
    tokenScript: script,
    wid: -1,
  });
}

/** Surname-likeness of a full token at a position (higher = more likely the surname). */
function surnameScore(t: RichToken, idx: number, n: number, cyrillicName: boolean, patIdx: number, allCapsOnly: boolean): number {
  let s = 0;
  if (t.suffix === 'ov' || t.suffix === 'ova' || t.suffix === 'sky' || t.suffix === 'skaya') s += 3;
  if ((t.suffix === 'in' || t.suffix === 'ina') && !isKnownGiven(t.skel)) s += 1.5;
  if (isKnownGiven(t.skel) || (givenNameSex(t.canon, t.skel) !== null && t.suffix === '')) s -= 2;
  if (t.patronymicLike) s += idx === 0 ? 1 : -1;
  if (allCapsOnly) s += 2;
  if (patIdx === 1 && idx === n - 1 && n >= 3) s += 1.5; // Given Patronymic Surname (Kazakh formal order)
  if (cyrillicName) s += idx === 0 ? 1 : idx === n - 1 ? 0.3 : 0;
  else s += idx === 0 ? 0.7 : idx === n - 1 ? 0.8 : 0;
  return s;
}

function emptyName(raw: string, warnings: string[]): ParsedName {
  return {
    raw,
    script: 'none',
    tokens: [],
    given: [],
    sex: null,
    sexEvidence: [],
    cyrillic: '',
    latin: '',
    normalized: '',
    empty: true,
    warnings,
  };
}

function inputToString(input: NameInput): { text: string; split: boolean; parts?: { surname?: string; given?: string; patronymic?: string } } {
  if (typeof input === 'string') return { text: input, split: false };
  if (input === null || input === undefined || typeof input !== 'object') return { text: String(input ?? ''), split: false };
  const parts = { surname: str(input.surname), given: str(input.given), patronymic: str(input.patronymic) };
  return { text: [parts.surname, parts.given, parts.patronymic].filter((x) => x).join(' '), split: true, parts };
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
}

/**
 * Parses a name into tokens with roles, keys, a sex hint and display forms. Never throws.
 * Order is not assumed: roles are a best hypothesis (suffixes, given-name list, position); comparison is order-free.
 *
 * @example parseName('Тоқаев Қасым-Жомарт Кемелұлы').latin // 'Tokayev Kasym-Zhomart Kemeluly'
 * @example parseName('Kassym-Jomart Tokayev').surname?.canon // 'tokayev'
 * @example parseName({ surname: 'Назарбаева', given: 'Дарига' }).sex // 'F'
 */
export function parseName(input: NameInput): ParsedName {
  const warnings: string[] = [];
  let src: ReturnType<typeof inputToString>;
  try {
    src = inputToString(input);
  } catch {
    return emptyName('', ['input is not a name']);
  }
  let raw = src.text;
  if (raw.length > MAX_INPUT) {
    raw = raw.slice(0, MAX_INPUT);
    warnings.push(`name longer than ${MAX_INPUT} characters: cut`);
  }
  const cleaned = cleanText(raw);
  if (!/\p{L}/u.test(cleaned)) return emptyName(src.text, warnings);

  // Homoglyph repair, word by word, towards the word's own script or the name's majority script.
  const fallback = majorityScript(cleaned);
  const nameEvidence = evidenceScript(cleaned);
  let fixed = 0;
  const repaired = cleaned
    .split(' ')
    .map((w) => {
      const r = repairWord(w, fallback, nameEvidence);
      fixed += r.fixed;
      return r.word;
    })
    .join(' ');
  if (fixed > 0) warnings.push(`${fixed} look-alike letter${fixed > 1 ? 's' : ''} repaired`);

  let words = splitWords(repaired);
  if (words.length > MAX_TOKENS) {
    warnings.push(`more than ${MAX_TOKENS} name words: the rest ignored`);
    words = words.slice(0, MAX_TOKENS);
  }
  if (words.length === 0) return emptyName(src.text, warnings);

  const latinCanons = words
    .filter((w) => !w.initial && tokenScriptOf(w.text) === 'lat')
    .map((w) => canonWord(lowerWord(w.text)));
  const conv = detectConvention(latinCanons);

  const tokens: RichToken[] = words.map((w) => (w.initial ? buildInitialToken(w, conv) : fullToken(w.text, conv)));
  assignRoles(tokens, src);
  for (const t of tokens) if (t.initial) t.pool = t.role === 'patronymic';

  // Script of the whole name.
  let hasCyr = false;
  let hasLat = false;
  for (const t of tokens) {
    if (t.tokenScript === 'cyr') hasCyr = true;
    else hasLat = true;
  }
  const kk = [...repaired].some((ch) => KAZAKH_LETTERS.includes(ch));
  const script: ParsedName['script'] = hasCyr && hasLat ? 'mixed' : hasCyr ? (kk ? 'cyrillic-kk' : 'cyrillic-ru') : 'latin';

  const surname = tokens.find((t) => t.role === 'surname');
  const given = tokens.filter((t) => t.role === 'given');
  const patronymic = tokens.find((t) => t.role === 'patronymic');
  const { sex, evidence } = decideSex(surname, given, patronymic, warnings);

  const ordered: RichToken[] = [];
  if (surname) ordered.push(surname);
  ordered.push(...given);
  if (patronymic) ordered.push(patronymic);
  for (const t of tokens) if (!ordered.includes(t)) ordered.push(t);

  return {
    raw: src.text,
    script,
    tokens,
    surname,
    given,
    patronymic,
    sex,
    sexEvidence: evidence,
    cyrillic: ordered.map((t) => (t.initial ? displayCyrillicToken(t) : memoDisplay(DISPLAY_CYRILLIC, t, displayCyrillicToken))).join(' '),
    latin: ordered.map((t) => (t.initial ? displayLatinToken(t) : memoDisplay(DISPLAY_LATIN, t, displayLatinToken))).join(' '),
    normalized: ordered.map((t) => t.canon).join(' '),
    empty: false,
    warnings,
  };
}

/** Assigns surname / given / patronymic roles in place. */
function assignRoles(tokens: RichToken[], src: ReturnType<typeof inputToString>): void {
  const full = tokens.filter((t) => !t.initial);
  const initials = tokens.filter((t) => t.initial);
  // Split columns: roles come from the columns.
  if (src.split && src.parts) {
    const surnameWords = splitWords(cleanText(src.parts.surname ?? '')).length;
    const givenWords = splitWords(cleanText(src.parts.given ?? '')).length;
    tokens.forEach((t, i) => {
      const role: NameRole = i < surnameWords ? 'surname' : i < surnameWords + givenWords ? 'given' : 'patronymic';
      t.role = role;
    });
    // Keep one surname and one patronymic token; extra ones become given names.
    let seenS = false;
    let seenP = false;
    for (const t of tokens) {
      if (t.role === 'surname') {
        if (seenS) t.role = 'given';
        seenS = true;
      } else if (t.role === 'patronymic') {
        if (seenP) t.role = 'given';
        seenP = true;
      }
    }
    return;
  }
  const n = full.length;
  // Patronymic: the last non-first full token with a patronymic ending (a first one is a surname in -ұлы).
  let patIdx = -1;
  for (let i = n - 1; i >= 1; i--) {
    if (full[i].patronymicLike) {
      patIdx = i;
      break;
    }
  }
  if (patIdx === 1 && n === 2 && full[1].kzPat) {
    // Two words, the second in -ұлы: a surname in -ұлы unless the first word clearly is the surname.
    const first = full[0];
    const firstIsSurname = first.suffix === 'ov' || first.suffix === 'ova' || first.suffix === 'sky' || first.suffix === 'skaya';
    if (!firstIsSurname) patIdx = -1;
  }
  const cyrillicName = full.some((t) => t.tokenScript === 'cyr');
  const caps = full.map((t) => t.raw.length > 1 && t.raw === t.raw.toUpperCase() && t.raw !== t.raw.toLowerCase());
  const someLower = full.some((t, i) => !caps[i]);
  let best = -1;
  let bestScore = -Infinity;
  for (let i = 0; i < n; i++) {
    if (i === patIdx) continue;
    const sc = surnameScore(full[i], i, n, cyrillicName, patIdx, caps[i] && someLower);
    if (sc > bestScore) {
      bestScore = sc;
      best = i;
    }
  }
  // A lone word that is a known given name (and has no surname ending) is a given name.
  if (n === 1 && best === 0 && bestScore < 0.5 && initials.length === 0) best = -1;
  if (n === 1 && best === 0 && givenNameSex(full[0].canon, full[0].skel) !== null && full[0].suffix === '' && initials.length === 0) {
    best = -1;
  }
  full.forEach((t, i) => {
    t.role = i === patIdx ? 'patronymic' : i === best ? 'surname' : 'given';
  });
  // Initials: all given, except the last of two or more initial groups (or one after a full given name)
  // becomes the patronymic initial when there is no full patronymic.
  if (initials.length > 0 && patIdx < 0) {
    const hasFullGiven = full.some((t) => t.role === 'given');
    if (initials.length >= 2 || hasFullGiven) initials[initials.length - 1].role = 'patronymic';
  }
}

function decideSex(
  surname: RichToken | undefined,
  given: RichToken[],
  patronymic: RichToken | undefined,
  warnings: string[],
): { sex: Sex | null; evidence: string[] } {
  const evidence: string[] = [];
  const pSex = patronymic && !patronymic.initial ? patronymic.sexHint : null;
  if (pSex && patronymic) evidence.push(`patronymic -${patronymic.suffix}: ${pSex}`);
  let sSex: Sex | null = null;
  if (surname && !surname.initial) {
    if (surname.patronymicLike) sSex = surname.sexHint;
    else if (surname.suffix === 'in' || surname.suffix === 'ina') sSex = isKnownGiven(surname.skel) ? null : surname.sexHint;
    else sSex = surname.sexHint;
    if (sSex) evidence.push(`surname -${surname.suffix}: ${sSex}`);
  }
  let gSex: Sex | null = null;
  const anchored = (surname !== undefined && !surname.initial && surname.suffix !== '') || (patronymic !== undefined && !patronymic.initial);
  // Without a suffix-bearing surname the order is unknown: a suffix-less "surname" may be the given name.
  const candidates = anchored || !surname || surname.initial ? given : [surname, ...given];
  let conflicting = false;
  for (const g of candidates) {
    if (g.initial) continue;
    const s = givenNameSex(g.canon, g.skel, anchored);
    if (s) {
      evidence.push(`given name ${g.canon}: ${s}`);
      if (!gSex) gSex = s;
      else if (gSex !== s) conflicting = true;
    }
  }
  if (conflicting) gSex = null;
  if (pSex && sSex && pSex !== sSex) {
    warnings.push('patronymic and surname endings disagree on sex');
    return { sex: null, evidence };
  }
  const sex = pSex ?? sSex ?? gSex;
  return { sex, evidence };
}

function displayCyrillicToken(t: RichToken): string {
  if (t.initial) {
    return t.parts
      .map((_, i) => {
        const p = (t.canon.split('-')[i] ?? '').trim();
        const cy = t.tokenScript === 'cyr' ? foldKazakh(lowerWord(t.raw.split('-')[i] ?? '')).replace(/\./g, '') : displayCyrillicWord(p);
        return cy.length > 0 ? cy[0].toUpperCase() + cy.slice(1) + '.' : '';
      })
      .join('-');
  }
  const word = t.tokenScript === 'cyr' ? foldKazakh(lowerWord(t.raw)) : displayCyrillicWord(t.canon);
  return titleCase(word);
}

function displayLatinToken(t: RichToken): string {
  if (t.initial) {
    return t.canon
      .split('-')
      .map((p) => (p.length > 0 ? p[0].toUpperCase() + p.slice(1) + '.' : ''))
      .join('-');
  }
  const word = t.tokenScript === 'cyr' ? displayLatinWord(lowerWord(t.raw)) : t.canon;
  return titleCase(word);
}
