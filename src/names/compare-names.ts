// Order-free comparison of two parsed names: best one-to-one token assignment (dynamic programming over subsets,
// at most 6 tokens a side), compound re-joining (Касым Жомарт = Касымжомарт), initials, suffix-tolerant surnames,
// patronymic stems, sex conflict; returns per-part levels, evidence and a default decision. Pure and symmetric.
// Hot path: pair results live in preallocated typed arrays; no regular expression runs here.
import { compareStrings } from '../core/compare.js';
import { skeletonOf } from './skeleton.js';
import { boundedSkeletonDistance, skeletonDistanceLowerBound, skeletonSimilarity } from './similarity.js';
import { copyToken, FAM_IN, FAM_OV, FAM_SKY, isKnownGiven, parseName, wordCount, type RichToken } from './parse-name.js';
import type { NameComparison, NameFrequencies, NamePartLevel, ParsedName } from './types.js';

const EXACT = 0;
const PHONETIC = 1;
const SIMILAR = 2;
const INITIAL = 3;
const MISSING = 4;
const DIFFERENT = 5;
const LEVEL_NAMES: NamePartLevel[] = ['exact', 'phonetic', 'similar', 'initial', 'missing', 'different'];

/** Token similarity needed for the `similar` level (skeletons of 5+ letters; shorter ones allow ambiguous letters only). */
export const SIMILAR_THRESHOLD = 0.85;
/** Surname similarity accepted as a typing error when given name and patronymic agree. */
export const TYPO_THRESHOLD = 0.8;

// Notes attached to a pair.
const NOTE_NONE = 0;
const NOTE_SEX_FORM = 1;
const NOTE_SUFFIX = 2;
const NOTE_PART = 3;
const NOTE_CROSS = 4;
const NOTE_TYPO = 5;
const NOTE_TEXT = ['', 'male/female form', '-ov added or dropped', 'one part of a compound name', '-uly / -ov surname', 'typing error?'];

/** Shortest word (canonical letters) that a one-letter typing error may hit: Айдс / Айдос, Есбо / Есбол. */
export const TYPO_MIN_LENGTH = 4;

/**
 * True when two words are one typing error apart: one letter inserted, dropped, replaced, or two adjacent letters
 * swapped (unweighted Damerau distance 1). Linear: walks the common prefix and compares the rest.
 *
 * @example oneEditApart('ruslan', 'rkslan') // true
 * @example oneEditApart('dinara', 'dinaar') // true
 * @example oneEditApart('asan', 'usen') // false
 */
export function oneEditApart(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (a === b || Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (la === lb) {
    // Replaced letter, or two adjacent letters swapped.
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  // One letter more on the longer side.
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * A likely typing error between two full words that agree on no other level: one edit apart in their canonical
 * letters or their skeletons, both long enough (the shorter at least TYPO_MIN_LENGTH letters, the longer 5), and not
 * two distinct given names of the built-in list (Асан / Асет stay different: brothers share surname and patronymic).
 */
function isTypo(x: RichToken, y: RichToken): boolean {
  const lx = x.joined.length;
  const ly = y.joined.length;
  if ((lx < ly ? lx : ly) < TYPO_MIN_LENGTH || (lx > ly ? lx : ly) < 5) return false;
  if (!oneEditApart(x.joined, y.joined) && !oneEditApart(x.skel, y.skel)) return false;
  return !(isKnownGiven(x.skel) && isKnownGiven(y.skel));
}

// Pair results of the current assignment, indexed i * 8 + j.
const LV = new Int8Array(64);
const SM = new Float64Array(64);
const LT = new Int8Array(64);
const NT = new Int8Array(64);
const VAL = new Float64Array(64);
// Assignment dynamic programme.
const DP = new Float64Array(8 * 64);
const CHOICE = new Int8Array(8 * 64);
const MATCH = new Int8Array(8);

/** Maximum distance that still counts as `similar` for skeletons of this length. */
function similarLimit(len: number): number {
  return len >= 5 ? (1 - SIMILAR_THRESHOLD) * len + 1e-9 : 0.2 + 1e-9;
}

/** Writes a pair result at index k. */
function put(k: number, level: number, sim: number, letters: number, note: number): void {
  LV[k] = level;
  SM[k] = sim;
  LT[k] = letters;
  NT[k] = note;
}

// Memo of skeleton-pair similarities: given names and surnames recur across candidate pairs. The distance is symmetric,
// so the pair is stored once, smaller skeleton first. Cleared when large; results never depend on it.
const MEMO = new Map<string, Map<string, number>>();
let memoSize = 0;
const MEMO_MAX = 2_000_000;

/** Similarity of two skeletons when it reaches `similar` (see similarLimit), else −1. */
function similarOf(a: string, b: string): number {
  // Lengths alone too far apart (each letter of difference costs at least 0.5, see boundedSkeletonDistance): no need
  // to look in the memo. Most token pairs of a candidate pair are different words and end here or in the memo.
  const la = a.length;
  const lb = b.length;
  if (la > 0 && lb > 0) {
    const limit = similarLimit(la > lb ? la : lb);
    if (Math.abs(la - lb) * 0.5 > limit) return -1;
    // Letters on one side only (up to cheap substitutions) cost at least 0.5 each: a lower bound, exact to rely on.
    if (skeletonDistanceLowerBound(a, b) > limit) return -1;
  }
  const lo = a < b ? a : b;
  const hi = a < b ? b : a;
  let inner = MEMO.get(lo);
  if (inner !== undefined) {
    const v = inner.get(hi);
    if (v !== undefined) return v;
  } else {
    if (memoSize >= MEMO_MAX) {
      MEMO.clear();
      memoSize = 0;
    }
    inner = new Map();
    MEMO.set(lo, inner);
  }
  const len = a.length > b.length ? a.length : b.length;
  let v = 1;
  if (len > 0) {
    const limit = similarLimit(len);
    const d = boundedSkeletonDistance(lo, hi, limit);
    v = d > limit ? -1 : 1 - d / len;
  }
  inner.set(hi, v);
  memoSize++;
  return v;
}

/** A word as a bare root: suffix-less words without a final glide; words in -ин/-ов whole. */
function bareOf(t: RichToken): string {
  return t.fam === 0 ? t.stem : t.skel;
}

/** Compares two full (non-initial) tokens that are not patronymics. */
function compareFull(k: number, x: RichToken, y: RichToken): void {
  if (x.joined === y.joined) return put(k, EXACT, 1, 0, NOTE_NONE);
  const fx = x.fam;
  const fy = y.fam;
  if (fx !== 0 && fx === fy && x.suffix !== y.suffix) {
    // Male and female forms of one surname (Назарбаев / Назарбаева): compare stems; sex is judged apart.
    if (x.stemCanon === y.stemCanon) return put(k, EXACT, 1, 0, NOTE_SEX_FORM);
    if (x.stem === y.stem) return put(k, PHONETIC, 0.97, 0, NOTE_SEX_FORM);
    const s = similarOf(x.stem, y.stem);
    return s < 0 ? put(k, DIFFERENT, 0, 0, NOTE_NONE) : put(k, SIMILAR, s, 0, NOTE_SEX_FORM);
  }
  if (x.skel === y.skel) return put(k, PHONETIC, 0.97, 0, NOTE_NONE);
  const direct = similarOf(x.skel, y.skel);
  // Surname with and without -ов/-ев or -ин (Жанбулат / Джанбулатов, Бөкейхан / Букейханов, Габдулла / Габдуллин);
  // the bare side without its final glide (Оразбай / Оразбаев). A bare word in -ын/-ин counts as bare (Байтурсын).
  if ((fx === FAM_OV || fx === FAM_IN) !== (fy === FAM_OV || fy === FAM_IN) || (fx === FAM_OV && fy === FAM_IN) || (fx === FAM_IN && fy === FAM_OV)) {
    const xs = fx === FAM_OV || (fx === FAM_IN && fy !== FAM_IN && fy !== FAM_OV);
    const ys = fy === FAM_OV || (fy === FAM_IN && fx !== FAM_IN && fx !== FAM_OV);
    const sx = xs ? x.stem : bareOf(x);
    const sy = ys ? y.stem : bareOf(y);
    if (sx === sy && sx.length >= 4) return put(k, SIMILAR, 0.93, 0, NOTE_SUFFIX);
    const s = similarOf(sx, sy) - 0.03;
    if (s > 0 && s > direct) return put(k, SIMILAR, s, 0, NOTE_SUFFIX);
  }
  if (direct >= 0) return put(k, SIMILAR, direct, 0, NOTE_NONE);
  // One part of a compound given name against the other side's single name (Касым-Жомарт / Жомарт).
  if (x.parts.length > 1 || y.parts.length > 1) {
    const many = x.parts.length > 1 ? x : y;
    const one = x.parts.length > 1 ? y : x;
    if (one.parts.length === 1 && one.skel.length >= 3 && many.parts.indexOf(one.skel) >= 0) {
      return put(k, SIMILAR, 0.86, 0, NOTE_PART);
    }
  }
  // A typing error (Ркслан / Руслан, Сааров / Сапаров): similar for the model, never a full agreement for the decision.
  if (isTypo(x, y)) {
    const len = x.joined.length > y.joined.length ? x.joined.length : y.joined.length;
    return put(k, SIMILAR, 1 - 1 / len, 0, NOTE_TYPO);
  }
  put(k, DIFFERENT, 0, 0, NOTE_NONE);
}

/** Compares two patronymic tokens by their stems (Кемелұлы / Кемелевич). */
function comparePatronymic(k: number, x: RichToken, y: RichToken): void {
  if (x.stemCanon === y.stemCanon) return put(k, EXACT, 1, 0, NOTE_NONE);
  if (x.stem === y.stem) return put(k, PHONETIC, 0.97, 0, NOTE_NONE);
  const s = similarOf(x.stem, y.stem);
  put(k, s < 0 ? DIFFERENT : SIMILAR, s < 0 ? 0 : s, 0, NOTE_NONE);
}

function isVowelClass(c: string): boolean {
  return c === 'A' || c === 'E' || c === 'U' || c === 'I';
}

function initMatch(a: string, b: string): boolean {
  if (a === b) return true;
  if ((a === 'X' && (b === 'J' || b === 'S')) || (b === 'X' && (a === 'J' || a === 'S'))) return true;
  return (a === '*' && isVowelClass(b)) || (b === '*' && isVowelClass(a));
}

/** Compares an initial with a full token or another initial (part by part for compounds). */
function compareInitial(k: number, x: RichToken, y: RichToken): void {
  const n = Math.min(x.inits.length, y.inits.length);
  for (let i = 0; i < n; i++) {
    if (!initMatch(x.inits[i], y.inits[i])) return put(k, DIFFERENT, 0, 0, NOTE_NONE);
  }
  put(k, INITIAL, 0.5, n, NOTE_NONE);
}

/** Surname in -ұлы against a surname in -ов or without suffix: Байтұрсынұлы / Байтурсынов (art. 194 rebuilding). */
function compareCross(k: number, x: RichToken, y: RichToken): void {
  const kz = x.patronymicLike ? x : y;
  const o = x.patronymicLike ? y : x;
  if (kz.initial || o.initial || !kz.kzPat || kz.role === 'patronymic' || kz.stem.length < 4) {
    return put(k, DIFFERENT, 0, 0, NOTE_NONE);
  }
  if (o.fam !== 0 && o.fam !== FAM_OV) return put(k, DIFFERENT, 0, 0, NOTE_NONE);
  const os = o.fam === FAM_OV ? o.stem : o.skel;
  const s = kz.stem === os ? 0.93 : similarOf(kz.stem, os) - 0.03;
  if (s <= 0) return put(k, DIFFERENT, 0, 0, NOTE_NONE);
  put(k, SIMILAR, s, 0, NOTE_CROSS);
}

function comparePair(k: number, x: RichToken, y: RichToken): void {
  if (x.pool !== y.pool) return compareCross(k, x, y);
  if (x.initial || y.initial) return compareInitial(k, x, y);
  const wx = x.wid;
  const wy = y.wid;
  if (wx < 0 || wy < 0) return compareWords(k, x, y);
  // Two full words of one pool: the result depends on the words alone (see RichToken.wid).
  const h = (Math.imul(wx, 0x9e3779b1) ^ Math.imul(wy, 0x85ebca77)) >>> wordPairShift;
  const e = h << 3;
  const sim = (h << 2) + 2;
  if (wordPairInts[e] === wx + 1 && wordPairInts[e + 1] === wy) {
    const m = wordPairInts[e + 2];
    return put(k, m & 7, wordPairSims[sim], 0, m >> 3);
  }
  compareWords(k, x, y);
  wordPairInts[e] = wx + 1;
  wordPairInts[e + 1] = wy;
  wordPairInts[e + 2] = LV[k] | (NT[k] << 3);
  wordPairSims[sim] = SM[k];
}

/** Two full words of one pool: patronymics by their stems, other words in full. */
function compareWords(k: number, x: RichToken, y: RichToken): void {
  if (x.patronymicLike) return comparePatronymic(k, x, y);
  compareFull(k, x, y);
}

// Results of recent word pairs, a direct-mapped table indexed by a hash of the two word ids (see RichToken.wid); a
// colliding pair overwrites the slot. The same words meet in many candidate pairs. A slot is 32 bytes within one
// cache line: int32 [word x + 1, word y, level | note << 3, unused] at h·8, then the similarity as the float64 at
// h·4 + 2. An empty slot holds 0 where word x + 1 would be, so a new table needs no filling.
// Size: 2^16 slots (2 MiB) while the thread knows at most SMALL_TABLE_WORDS words, else 2^20 (32 MiB). A small
// table stays in the processor's caches: scoring the fixtures' 108,640 pairs takes about 10% less than with the
// large one, and 10,011 records no more; large runs keep the large one. Results never depend on the table.
const SMALL_TABLE_WORDS = 8192;
let wordPairBits = 0;
let wordPairShift = 32;
let wordPairInts = new Int32Array(0);
let wordPairSims = new Float64Array(0);

/** Makes the word-pair table large enough for the words known so far (called once per name pair). */
function sizeWordPairTable(): void {
  if (wordPairBits === 20) return;
  const bits = wordCount() <= SMALL_TABLE_WORDS ? 16 : 20;
  if (bits <= wordPairBits) return;
  wordPairBits = bits;
  wordPairShift = 32 - bits;
  const buffer = new ArrayBuffer(32 << bits);
  wordPairInts = new Int32Array(buffer);
  wordPairSims = new Float64Array(buffer);
}

/** Fills the pair buffers for two token lists and solves the assignment; returns the best total value. */
function assign(a: RichToken[], b: RichToken[]): number {
  const n = a.length;
  const m = b.length;
  for (let i = 0; i < n; i++) {
    const x = a[i];
    for (let j = 0; j < m; j++) {
      const y = b[j];
      const k = i * 8 + j;
      comparePair(k, x, y);
      const lv = LV[k];
      let v = lv === DIFFERENT ? -1 : lv === INITIAL ? 0.2 + 0.05 * LT[k] : SM[k];
      if (v > 0 && x.role === y.role) v += 0.01;
      VAL[k] = v;
    }
  }
  const full = 1 << m;
  const base = n * 64;
  for (let mask = 0; mask < full; mask++) DP[base + mask] = 0;
  for (let i = n - 1; i >= 0; i--) {
    const row = i * 64;
    const next = row + 64;
    for (let mask = 0; mask < full; mask++) {
      let best = DP[next + mask];
      let choice = -1;
      for (let j = 0; j < m; j++) {
        const bit = 1 << j;
        if (mask & bit) continue;
        const v = VAL[i * 8 + j];
        if (v <= 0) continue;
        const t = v + DP[next + (mask | bit)];
        if (t > best + 1e-12) {
          best = t;
          choice = j;
        }
      }
      DP[row + mask] = best;
      CHOICE[row + mask] = choice;
    }
  }
  let mask = 0;
  for (let i = 0; i < n; i++) {
    const j = CHOICE[i * 64 + mask];
    MATCH[i] = j;
    if (j >= 0) mask |= 1 << j;
  }
  return DP[0];
}

/** A compound token made of two adjacent full tokens (Касым + Жомарт → Касым-Жомарт). */
function mergeTokens(x: RichToken, y: RichToken): RichToken {
  const canon = `${x.canon}-${y.canon}`;
  const skel = skeletonOf(canon);
  const joined = x.joined + y.joined;
  return copyToken({
    ...x,
    raw: `${x.raw} ${y.raw}`,
    canon,
    joined,
    skel,
    stem: skel,
    stemCanon: joined,
    suffix: '',
    fam: 0,
    parts: [...x.parts, ...y.parts],
    inits: [...x.inits, ...y.inits],
    wid: -1,
  });
}

const MERGE_CACHE = new WeakMap<NameTokenList, RichToken[][]>();
type NameTokenList = ParsedName['tokens'];

/** True when tokens i and i + 1 are two full given-name words that may be joined into one. */
function joinable(ts: RichToken[], i: number): boolean {
  const x = ts[i];
  const y = ts[i + 1];
  return !(x.initial || y.initial || x.patronymicLike || y.patronymicLike || x.role === 'surname' || y.role === 'surname');
}

const NO_VARIANTS: RichToken[][] = [];

/**
 * Variants of a token list with one pair of adjacent full given-name tokens joined (cached per name). Most names
 * (surname, given name, patronymic) have no such pair: they are answered by a scan, without the cache's lookup.
 */
function mergeVariants(ts: RichToken[]): RichToken[][] {
  let any = false;
  for (let i = 0; i + 1 < ts.length && !any; i++) any = joinable(ts, i);
  if (!any) return NO_VARIANTS;
  const cached = MERGE_CACHE.get(ts);
  if (cached) return cached;
  const out: RichToken[][] = [];
  for (let i = 0; i + 1 < ts.length; i++) {
    if (joinable(ts, i)) out.push([...ts.slice(0, i), mergeTokens(ts[i], ts[i + 1]), ...ts.slice(i + 2)]);
  }
  MERGE_CACHE.set(ts, out);
  return out;
}

/** True when a side has a full name word (not patronymic) left without a counterpart. */
function hasUnpairedNameWord(a: RichToken[], b: RichToken[], sideA: boolean): boolean {
  if (sideA) {
    for (let i = 0; i < a.length; i++) if (MATCH[i] < 0 && !a[i].initial && !a[i].pool) return true;
    return false;
  }
  let used = 0;
  for (let i = 0; i < a.length; i++) if (MATCH[i] >= 0) used |= 1 << MATCH[i];
  for (let j = 0; j < b.length; j++) if (!(used & (1 << j)) && !b[j].initial && !b[j].pool) return true;
  return false;
}

/** Best assignment over the names as written and with adjacent given names joined; leaves buffers for the winner. */
function bestAssignment(a: RichToken[], b: RichToken[]): [RichToken[], RichToken[]] {
  let bestA = a;
  let bestB = b;
  let best = assign(a, b);
  const tryA = hasUnpairedNameWord(a, b, true) && a.length > 2;
  const tryB = hasUnpairedNameWord(a, b, false) && b.length > 2;
  if (!tryA && !tryB) return [a, b];
  let changed = false;
  if (tryA) {
    for (const va of mergeVariants(a)) {
      const t = assign(va, b);
      if (t > best + 0.05) {
        best = t;
        bestA = va;
        bestB = b;
      }
      changed = true;
    }
  }
  if (tryB) {
    for (const vb of mergeVariants(b)) {
      const t = assign(a, vb);
      if (t > best + 0.05) {
        best = t;
        bestA = a;
        bestB = vb;
      }
      changed = true;
    }
  }
  if (changed) assign(bestA, bestB);
  return [bestA, bestB];
}

function isPrepared(p: ParsedName): boolean {
  return p.tokens.length === 0 || (p.tokens[0] as Partial<RichToken>).joined !== undefined;
}

/** True when a full word carries a Russian-style surname ending (-ов/-ев, -ин, -ский). */
function hasRussianSurname(ts: RichToken[]): boolean {
  for (const t of ts) {
    if (t.initial || t.patronymicLike) continue;
    if (t.fam === FAM_OV || t.fam === FAM_SKY || t.fam === FAM_IN) return true;
  }
  return false;
}

/**
 * Compares two parsed names, order-free. Returns per-part levels, the sex conflict, an overall similarity, the agreed
 * skeletons (for term frequencies), a default decision and human-readable evidence (A first). Symmetric: swapping the
 * arguments swaps the sides of each evidence line and changes nothing else.
 *
 * @example
 * const c = compareNames(parseName('Тоқаев Қасым-Жомарт Кемелұлы'), parseName('Kassym-Jomart Tokayev'));
 * c.decision // 'same'; c.surname // 'phonetic'; c.patronymic // 'missing'
 */
export function compareNames(a: ParsedName, b: ParsedName, tf?: NameFrequencies, options?: CompareOptions): NameComparison {
  // A ParsedName built by hand lacks the per-token keys parseName precomputes: parse its raw text again.
  if (!isPrepared(a)) a = parseName(a.raw);
  if (!isPrepared(b)) b = parseName(b.raw);
  const withEvidence = options?.evidence !== false;
  sizeWordPairTable();
  // Work in one canonical order so that ties resolve the same way whichever side is A.
  const order = compareStrings(a.normalized, b.normalized) || compareStrings(a.raw, b.raw);
  return order > 0 ? compareOrdered(b, a, tf, true, withEvidence) : compareOrdered(a, b, tf, false, withEvidence);
}

/** Options of compareNames. */
export interface CompareOptions {
  /**
   * Write the evidence lines (default true). Bulk scoring of millions of pairs turns them off: the levels, sex
   * conflict, similarity, agreed skeletons and decision are the same either way, and `evidence` is then empty.
   */
  evidence?: boolean;
}

function noLine(_part: string, _x: string, _y: string, _what: string): void {}

function compareOrdered(a: ParsedName, b: ParsedName, tf: NameFrequencies | undefined, flip: boolean, withEvidence: boolean): NameComparison {
  const evidence: string[] = [];
  const line = withEvidence
    ? (part: string, x: string, y: string, what: string) => {
        evidence.push(flip ? `${part}: ${y} ~ ${x} (${what})` : `${part}: ${x} ~ ${y} (${what})`);
      }
    : noLine;
  if (a.empty || b.empty) {
    if (withEvidence) evidence.push('no usable name on one side');
    return { surname: 'missing', given: 'missing', patronymic: 'missing', sexConflict: false, similarity: 0, decision: 'different', evidence };
  }
  const sexConflict = a.sex !== null && b.sex !== null && a.sex !== b.sex;
  if (sexConflict) line('sex', a.sex as string, b.sex as string, 'conflict');

  const [A, B] = bestAssignment(a.tokens as RichToken[], b.tokens as RichToken[]);
  const ruA = hasRussianSurname(A);
  const ruB = hasRussianSurname(B);

  let surname = MISSING;
  let given = -1;
  let patronymic = MISSING;
  let fullAgree = 0;
  let strongAgree = 0;
  let weakAgree = 0;
  let typos = 0;
  let surnameTypo = false;
  let initLetters = 0;
  let suffixNotes = 0;
  let simSum = 0;
  let agreedSurname: string | undefined;
  let agreedGiven: string | undefined;
  let surnamePaired = false;
  let usedB = 0;
  let unpairedGA = 0;
  let unpairedPA = 0;
  let unpairedSurnameA = false;

  for (let i = 0; i < A.length; i++) {
    const j = MATCH[i];
    const x = A[i];
    if (j < 0) {
      if (x.pool) unpairedPA++;
      else {
        unpairedGA++;
        if (x.role === 'surname') unpairedSurnameA = true;
      }
      continue;
    }
    usedB |= 1 << j;
    const y = B[j];
    const k = i * 8 + j;
    const lv = LV[k];
    const note = NT[k];
    const cross = note === NOTE_CROSS;
    // Two -ұлы/-қызы words the parser read as surnames on both sides (СУЛЕЙМЕНУЛЫ Айдос Галымович, Есимулы Ерсайын
    // Абуевич): the surname pair, not a second patronymic.
    const kzSurname = x.pool && !cross && !surnamePaired && x.kzPat && y.kzPat && x.role === 'surname' && y.role === 'surname';
    const pat = x.pool && !cross && !kzSurname;
    const part = pat ? 'patronymic' : (x.role === 'surname' || y.role === 'surname' || cross) && !surnamePaired ? 'surname' : 'given';
    simSum += lv === INITIAL ? 0.5 : SM[k];
    if (withEvidence) line(part, x.raw, y.raw, note ? `${LEVEL_NAMES[lv]}, ${NOTE_TEXT[note]}` : LEVEL_NAMES[lv]);
    if (note === NOTE_SUFFIX || cross) suffixNotes++;
    if (lv === INITIAL) initLetters += LT[k];
    if (part === 'patronymic') {
      patronymic = lv;
      // Two names without a -ов/-ев surname agreeing on -ұлы/-қызы: that word is their surname (Момышұлы, art. 194).
      if (lv <= SIMILAR && x.kzPat && y.kzPat && !ruA && !ruB) {
        fullAgree++;
        if (lv <= PHONETIC) strongAgree++;
      }
      continue;
    }
    if (lv <= SIMILAR) {
      // Part of a compound only (Касым / Касым-Жомарт) is too weak to count as a full agreement; so is a typing error.
      if (note === NOTE_TYPO) {
        typos++;
        if (part === 'surname') surnameTypo = true;
      }
      else if (note === NOTE_PART) weakAgree++;
      else fullAgree++;
      if (lv <= PHONETIC) strongAgree++;
    }
    if (part === 'surname') {
      surnamePaired = true;
      surname = lv;
      if (lv <= SIMILAR) {
        const kx = x.suffix ? x.stem : x.skel;
        const ky = y.suffix ? y.stem : y.skel;
        agreedSurname = compareStrings(kx, ky) <= 0 ? kx : ky;
      }
    } else {
      given = given < 0 ? lv : Math.max(given, lv);
      if (lv <= SIMILAR && agreedGiven === undefined) agreedGiven = compareStrings(x.skel, y.skel) <= 0 ? x.skel : y.skel;
    }
  }

  // Unpaired words: in the same pool on both sides = a conflict (different names); on one side only = missing.
  let unpairedGB = 0;
  let unpairedPB = 0;
  let unpairedSurnameB = false;
  for (let j = 0; j < B.length; j++) {
    if (usedB & (1 << j)) continue;
    if (B[j].pool) unpairedPB++;
    else {
      unpairedGB++;
      if (B[j].role === 'surname') unpairedSurnameB = true;
    }
  }
  const bothSides = unpairedGA + unpairedPA > 0 && unpairedGB + unpairedPB > 0;
  const why = bothSides ? 'no counterpart' : 'missing on the other side';
  for (let i = 0; i < A.length; i++) if (MATCH[i] < 0) line(A[i].role, A[i].raw, '-', why);
  for (let j = 0; j < B.length; j++) if (!(usedB & (1 << j))) line(B[j].role, '-', B[j].raw, why);
  let conflictG = unpairedGA > 0 && unpairedGB > 0;
  const conflictP = unpairedPA > 0 && unpairedPB > 0;
  // A typing error in the surname (Ерланов / Еланов) when the given name and both patronymics agree: the surnames are
  // one or two edits apart and nothing else differs. Not for given names: brothers share surname and patronymic.
  if (conflictG && unpairedGA === 1 && unpairedGB === 1 && !surnamePaired && strongAgree >= 1 && patronymic <= PHONETIC && !sexConflict) {
    let x: RichToken | undefined;
    let y: RichToken | undefined;
    for (let i = 0; i < A.length; i++) if (MATCH[i] < 0 && !A[i].pool) x = A[i];
    for (let j = 0; j < B.length; j++) if (!(usedB & (1 << j)) && !B[j].pool) y = B[j];
    if (x && y && !x.initial && !y.initial && (x.role === 'surname' || y.role === 'surname')) {
      const len = Math.max(x.skel.length, y.skel.length);
      if (len >= 5 && skeletonSimilarity(x.skel, y.skel) >= TYPO_THRESHOLD) {
        conflictG = false;
        surname = SIMILAR;
        fullAgree++;
        if (withEvidence) evidence.push(flip ? `surname: ${y.raw} ~ ${x.raw} (similar, typing error?)` : `surname: ${x.raw} ~ ${y.raw} (similar, typing error?)`);
      }
    }
  }
  // A surname typo (Фишер / Фишнр) when the given name and both patronymics agree and nothing else differs counts as
  // agreement, as with the surname typo rule above; a given-name typo never does.
  if (surnameTypo && typos === 1 && strongAgree >= 1 && patronymic <= PHONETIC && !sexConflict) {
    typos = 0;
    fullAgree++;
  }
  if (conflictP) patronymic = DIFFERENT;
  if (conflictG) {
    if (!surnamePaired && (unpairedSurnameA || unpairedSurnameB)) surname = DIFFERENT;
    else given = DIFFERENT;
  }
  if (given < 0) given = MISSING;

  const nItems = A.length > B.length ? A.length : B.length;
  const similarity = nItems > 0 ? Math.round((simSum / nItems) * 1000) / 1000 : 0;

  let decision: NameComparison['decision'];
  if (suffixNotes >= 2 && withEvidence) evidence.push('two words agree only through a moved -ov/-uly suffix (Сапаров Ерлан / Ерланов Сапар)');
  if (sexConflict || patronymic === DIFFERENT || conflictG || suffixNotes >= 2) decision = 'different';
  // A typing error leaves the decision to the other fields when another part agrees; alone it is no agreement.
  else if (typos > 0) decision = fullAgree >= 1 ? 'uncertain' : 'different';
  else if (fullAgree >= 2) decision = 'same';
  else if (fullAgree === 1) {
    const patAgree = patronymic <= SIMILAR;
    const surnameTf = tf && agreedSurname !== undefined ? tf.surname(agreedSurname) : 0;
    if (strongAgree === 1 && (initLetters >= 2 || (patAgree && initLetters >= 1)) && surnameTf < 0.01) decision = 'same';
    else decision = 'uncertain';
  } else if (weakAgree > 0) decision = 'uncertain';
  else decision = initLetters > 0 && patronymic <= SIMILAR ? 'uncertain' : 'different';

  return {
    surname: LEVEL_NAMES[surname],
    given: LEVEL_NAMES[given],
    patronymic: LEVEL_NAMES[patronymic],
    sexConflict,
    similarity,
    agreedSurname,
    agreedGiven,
    decision,
    evidence,
  };
}
