// Order-free comparison of two parsed names: best one-to-one token assignment (dynamic programming over subsets,
// at most 6 tokens a side), compound re-joining (Касым Жомарт = Касымжомарт), initials, suffix-tolerant surnames,
// patronymic stems, sex conflict; returns per-part levels, evidence and a default decision. Pure, symmetric.
import { compareStrings } from '../core/compare.js';
import { skeletonOf } from './skeleton.js';
import { skeletonSimilarity } from './similarity.js';
import type { RichToken } from './parse-name.js';
import type { NameComparison, NameFrequencies, NamePartLevel, ParsedName } from './types.js';

const EXACT = 0;
const PHONETIC = 1;
const SIMILAR = 2;
const INITIAL = 3;
const MISSING = 4;
const DIFFERENT = 5;
const LEVEL_NAMES: NamePartLevel[] = ['exact', 'phonetic', 'similar', 'initial', 'missing', 'different'];

/** Token similarity needed for the `similar` level (skeletons of 5+ letters; shorter ones need `phonetic`). */
export const SIMILAR_THRESHOLD = 0.85;

/** Result of comparing two tokens. */
interface PairResult {
  level: number;
  sim: number;
  /** Initial letters confirmed (initial pairs only). */
  letters: number;
  note: string;
  /** A surname in -ұлы/-қызы paired with a surname in -ов/-ев or without suffix (art. 194 rebuilding). */
  cross?: boolean;
}

const NO_PAIR: PairResult = { level: DIFFERENT, sim: 0, letters: 0, note: '' };
const KAZAKH_PATRONYMIC = /^(uly|uli|ulu|kyzy|kizi|qyzy|kyzi|gyzy|kizy|qizi)$/;

function family(suffix: string): string {
  if (suffix === 'ov' || suffix === 'ova') return 'ov';
  if (suffix === 'in' || suffix === 'ina') return 'in';
  if (suffix === 'sky' || suffix === 'skaya') return 'sky';
  return suffix === '' ? '' : 'p';
}

function joinedCanon(t: RichToken): string {
  return t.canon.indexOf('-') >= 0 ? t.canon.replace(/-/g, '') : t.canon;
}

/** `similar` for long enough skeletons above the threshold; skeletons of ≤ 4 letters allow only ambiguous letters. */
function similarLevel(sim: number, len: number): number {
  if (len >= 5) return sim >= SIMILAR_THRESHOLD ? SIMILAR : DIFFERENT;
  return (1 - sim) * len <= 0.2 + 1e-9 ? SIMILAR : DIFFERENT;
}

const NOTE_SUFFIX = '-ov added or dropped';
const NOTE_PART = 'one part of a compound name';

/** Compares two full (non-initial) tokens that are not patronymics. */
function compareFull(x: RichToken, y: RichToken): PairResult {
  const cx = joinedCanon(x);
  const cy = joinedCanon(y);
  if (cx === cy) return { level: EXACT, sim: 1, letters: 0, note: '' };
  const fx = family(x.suffix);
  const fy = family(y.suffix);
  if (fx !== '' && fx === fy && x.suffix !== y.suffix) {
    // Male and female forms of one surname (Назарбаев / Назарбаева): compare stems; sex is judged apart.
    if (x.stemCanon === y.stemCanon) return { level: EXACT, sim: 1, letters: 0, note: 'male/female form' };
    if (x.stem === y.stem) return { level: PHONETIC, sim: 0.97, letters: 0, note: 'male/female form' };
    const s = skeletonSimilarity(x.stem, y.stem);
    const len = Math.max(x.stem.length, y.stem.length);
    return { level: similarLevel(s, len), sim: s, letters: 0, note: 'male/female form' };
  }
  if (x.skel === y.skel) return { level: PHONETIC, sim: 0.97, letters: 0, note: '' };
  let best = skeletonSimilarity(x.skel, y.skel);
  let len = Math.max(x.skel.length, y.skel.length);
  let note = '';
  // Surname with and without -ов/-ев (Жанбулат / Джанбулатов, Бөкейхан / Букейханов).
  if ((fx === 'ov' && fy === '') || (fy === 'ov' && fx === '')) {
    const sx = fx === 'ov' ? x.stem : x.skel;
    const sy = fy === 'ov' ? y.stem : y.skel;
    if (sx === sy && sx.length >= 4) return { level: SIMILAR, sim: 0.93, letters: 0, note: NOTE_SUFFIX };
    const s = skeletonSimilarity(sx, sy);
    const l = Math.max(sx.length, sy.length);
    if (s > best && similarLevel(s, l) === SIMILAR) {
      best = s - 0.03;
      len = l;
      note = NOTE_SUFFIX;
    }
  }
  let level = similarLevel(best, len);
  // One part of a compound given name against the other side's single name (Касым-Жомарт / Жомарт).
  if (level === DIFFERENT && (x.parts.length > 1 || y.parts.length > 1)) {
    const [many, one] = x.parts.length > 1 ? [x, y] : [y, x];
    if (one.parts.length === 1 && many.parts.indexOf(one.skel) >= 0 && one.skel.length >= 3) {
      return { level: SIMILAR, sim: 0.86, letters: 0, note: NOTE_PART };
    }
  }
  return { level, sim: best, letters: 0, note };
}

/** Compares two patronymic tokens by their stems (Кемелұлы / Кемелевич). */
function comparePatronymic(x: RichToken, y: RichToken): PairResult {
  if (x.stemCanon === y.stemCanon) return { level: EXACT, sim: 1, letters: 0, note: '' };
  if (x.stem === y.stem) return { level: PHONETIC, sim: 0.97, letters: 0, note: '' };
  const s = skeletonSimilarity(x.stem, y.stem);
  return { level: similarLevel(s, Math.max(x.stem.length, y.stem.length)), sim: s, letters: 0, note: '' };
}

function initMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const vowel = (c: string) => c === 'A' || c === 'E' || c === 'U' || c === 'I';
  return (a === '*' && vowel(b)) || (b === '*' && vowel(a));
}

/** Compares an initial with a full token or another initial (part by part for compounds). */
function compareInitial(x: RichToken, y: RichToken): PairResult {
  const n = Math.min(x.inits.length, y.inits.length);
  for (let i = 0; i < n; i++) if (!initMatch(x.inits[i], y.inits[i])) return NO_PAIR;
  return { level: INITIAL, sim: 0.5, letters: n, note: '' };
}

/** Pool of a token: patronymics (and patronymic initials) pair only among themselves. */
function isPatronymicPool(t: RichToken): boolean {
  return t.initial ? t.role === 'patronymic' : t.patronymicLike;
}

/** Surname in -ұлы against a surname in -ов or without suffix: Байтұрсынұлы / Байтурсынов, Момышұлы / Момыш. */
function compareCross(x: RichToken, y: RichToken): PairResult {
  const [k, o] = x.patronymicLike ? [x, y] : [y, x];
  if (k.initial || o.initial || !KAZAKH_PATRONYMIC.test(k.suffix) || k.role === 'patronymic') return NO_PAIR;
  if (o.suffix !== '' && family(o.suffix) !== 'ov') return NO_PAIR;
  const os = o.suffix ? o.stem : o.skel;
  if (k.stem.length < 4) return NO_PAIR;
  const s = k.stem === os ? 0.93 : skeletonSimilarity(k.stem, os) - 0.03;
  const level = similarLevel(s, Math.max(k.stem.length, os.length));
  return level === DIFFERENT ? NO_PAIR : { level, sim: s, letters: 0, note: '-uly / -ov surname', cross: true };
}

function comparePair(x: RichToken, y: RichToken): PairResult {
  if (isPatronymicPool(x) !== isPatronymicPool(y)) return compareCross(x, y);
  if (x.initial || y.initial) return compareInitial(x, y);
  if (x.patronymicLike) return comparePatronymic(x, y);
  return compareFull(x, y);
}

function pairValue(r: PairResult, x: RichToken, y: RichToken): number {
  if (r.level === DIFFERENT) return -1;
  let v: number;
  if (r.level === INITIAL) v = 0.2 + 0.05 * r.letters;
  else v = r.sim;
  if (x.role === y.role) v += 0.01;
  return v;
}

// Reusable buffers for the assignment (at most 6 tokens a side after merging).
const DP = new Float64Array(8 * 64);
const CHOICE = new Int8Array(8 * 64);

interface Assignment {
  /** For each A item, the index of its B item or -1. */
  match: number[];
  results: PairResult[];
  total: number;
}

/** Best one-to-one assignment maximising the summed pair values; pairs of value ≤ 0 stay unpaired. */
function assign(a: RichToken[], b: RichToken[]): Assignment {
  const n = a.length;
  const m = b.length;
  const res: PairResult[] = new Array(n * m);
  const val = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const r = comparePair(a[i], b[j]);
      res[i * m + j] = r;
      val[i * m + j] = pairValue(r, a[i], b[j]);
    }
  }
  const full = 1 << m;
  // dp[i][mask]: best value using A items i.. with B items in mask already taken.
  for (let mask = 0; mask < full; mask++) DP[n * 64 + mask] = 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let mask = 0; mask < full; mask++) {
      let best = DP[(i + 1) * 64 + mask];
      let choice = -1;
      for (let j = 0; j < m; j++) {
        if (mask & (1 << j)) continue;
        const v = val[i * m + j];
        if (v <= 0) continue;
        const t = v + DP[(i + 1) * 64 + (mask | (1 << j))];
        if (t > best + 1e-12) {
          best = t;
          choice = j;
        }
      }
      DP[i * 64 + mask] = best;
      CHOICE[i * 64 + mask] = choice;
    }
  }
  const match: number[] = [];
  const results: PairResult[] = [];
  let mask = 0;
  for (let i = 0; i < n; i++) {
    const j = CHOICE[i * 64 + mask];
    match.push(j);
    results.push(j >= 0 ? res[i * m + j] : NO_PAIR);
    if (j >= 0) mask |= 1 << j;
  }
  return { match, results, total: DP[0] };
}

/** A compound token made of two adjacent full tokens (Касым + Жомарт → Касым-Жомарт). */
function mergeTokens(x: RichToken, y: RichToken): RichToken {
  const canon = `${x.canon}-${y.canon}`;
  const skel = skeletonOf(canon);
  return {
    ...x,
    raw: `${x.raw} ${y.raw}`,
    canon,
    skel,
    stem: skel,
    stemCanon: canon.replace(/-/g, ''),
    suffix: '',
    parts: [...x.parts, ...y.parts],
    inits: [...x.inits, ...y.inits],
  };
}

/** Variants of a token list with one pair of adjacent full non-patronymic tokens joined. */
function mergeVariants(ts: RichToken[]): RichToken[][] {
  const out: RichToken[][] = [];
  for (let i = 0; i + 1 < ts.length; i++) {
    const x = ts[i];
    const y = ts[i + 1];
    if (x.initial || y.initial || x.patronymicLike || y.patronymicLike) continue;
    if (x.role === 'surname' || y.role === 'surname') continue;
    out.push([...ts.slice(0, i), mergeTokens(x, y), ...ts.slice(i + 2)]);
  }
  return out;
}

interface Best {
  a: RichToken[];
  b: RichToken[];
  asg: Assignment;
}

function unpairedCounts(best: Best): { a: number; b: number } {
  const usedB = new Set<number>();
  let ua = 0;
  best.asg.match.forEach((j) => {
    if (j >= 0) usedB.add(j);
    else ua++;
  });
  return { a: ua, b: best.b.length - usedB.size };
}

function bestAssignment(a: RichToken[], b: RichToken[]): Best {
  let best: Best = { a, b, asg: assign(a, b) };
  const u = unpairedCounts(best);
  if (u.a === 0 && u.b === 0) return best;
  const tryVariant = (va: RichToken[], vb: RichToken[]) => {
    const asg = assign(va, vb);
    if (asg.total > best.asg.total + 0.05) best = { a: va, b: vb, asg };
  };
  for (const va of mergeVariants(a)) tryVariant(va, b);
  for (const vb of mergeVariants(b)) tryVariant(a, vb);
  return best;
}

/** True when a full word carries a Russian-style surname ending (-ов/-ев, -ин, -ский). */
function hasRussianSurname(ts: RichToken[]): boolean {
  for (const t of ts) {
    if (t.initial || t.patronymicLike) continue;
    const f = family(t.suffix);
    if (f === 'ov' || f === 'sky' || f === 'in') return true;
  }
  return false;
}

function fmt(t: RichToken): string {
  return t.raw;
}

/** Canonical order of the two names so that compareNames(a, b) mirrors compareNames(b, a). */
function orderKey(p: ParsedName): string {
  return `${p.normalized}\u0000${p.raw}`;
}

/**
 * Compares two parsed names, order-free. Returns per-part levels, the sex conflict, an overall similarity, the agreed
 * skeletons (for term frequencies), a default decision and human-readable evidence. Symmetric.
 *
 * @example
 * const c = compareNames(parseName('Тоқаев Қасым-Жомарт Кемелұлы'), parseName('Kassym-Jomart Tokayev'));
 * c.decision // 'same'; c.surname // 'phonetic'; c.patronymic // 'missing'
 */
export function compareNames(a: ParsedName, b: ParsedName, tf?: NameFrequencies): NameComparison {
  if (compareStrings(orderKey(a), orderKey(b)) > 0) {
    const r = compareOrdered(b, a, tf);
    r.evidence = r.evidence.map(flipEvidence);
    return r;
  }
  return compareOrdered(a, b, tf);
}

const FLIP_SEP = ' ~ ';
function flipEvidence(e: string): string {
  const colon = e.indexOf(': ');
  const paren = e.lastIndexOf(' (');
  const sep = e.indexOf(FLIP_SEP);
  if (colon < 0 || sep < 0 || paren < sep) return e;
  const head = e.slice(0, colon + 2);
  const left = e.slice(colon + 2, sep);
  const right = e.slice(sep + FLIP_SEP.length, paren);
  return `${head}${right}${FLIP_SEP}${left}${e.slice(paren)}`;
}

function compareOrdered(a: ParsedName, b: ParsedName, tf?: NameFrequencies): NameComparison {
  const evidence: string[] = [];
  const empty = (): NameComparison => ({
    surname: 'missing',
    given: 'missing',
    patronymic: 'missing',
    sexConflict: false,
    similarity: 0,
    decision: 'different',
    evidence,
  });
  if (a.empty || b.empty) {
    evidence.push('no usable name on one side');
    return empty();
  }
  const sexConflict = a.sex !== null && b.sex !== null && a.sex !== b.sex;
  if (sexConflict) evidence.push(`sex: ${a.sex} ~ ${b.sex} (conflict)`);

  const best = bestAssignment(a.tokens as RichToken[], b.tokens as RichToken[]);
  const A = best.a;
  const B = best.b;
  const { match, results } = best.asg;
  const usedB = new Array<boolean>(B.length).fill(false);
  match.forEach((j) => {
    if (j >= 0) usedB[j] = true;
  });

  let surname = MISSING;
  let given = -1;
  let patronymic = MISSING;
  let fullAgree = 0;
  let strongAgree = 0;
  let initLetters = 0;
  let simSum = 0;
  let agreedSurname: string | undefined;
  let agreedGiven: string | undefined;
  let surnamePaired = false;
  let suffixNotes = 0;
  let weakAgree = 0;

  for (let i = 0; i < A.length; i++) {
    const j = match[i];
    if (j < 0) continue;
    const x = A[i];
    const y = B[j];
    const r = results[i];
    const pat = isPatronymicPool(x) && !r.cross;
    const isSurnamePair = !pat && (x.role === 'surname' || y.role === 'surname' || r.cross === true);
    const part = pat ? 'patronymic' : isSurnamePair && !surnamePaired ? 'surname' : 'given';
    simSum += r.level === INITIAL ? 0.5 : r.sim;
    evidence.push(`${part}: ${fmt(x)} ~ ${fmt(y)} (${LEVEL_NAMES[r.level]}${r.note ? `, ${r.note}` : ''})`);
    if (r.note === NOTE_SUFFIX || r.cross) suffixNotes++;
    if (r.level === INITIAL) initLetters += r.letters;
    if (part === 'patronymic') {
      patronymic = r.level;
      // Two names without a -ов/-ев surname agreeing on -ұлы/-қызы: that word is their surname (Момышұлы, art. 194).
      if (r.level <= SIMILAR && KAZAKH_PATRONYMIC.test(x.suffix) && KAZAKH_PATRONYMIC.test(y.suffix) && !hasRussianSurname(A) && !hasRussianSurname(B)) {
        fullAgree++;
        if (r.level <= PHONETIC) strongAgree++;
      }
      continue;
    }
    if (r.level <= SIMILAR) {
      // Part of a compound only (Касым / Касым-Жомарт) is too weak to count as a full agreement.
      if (r.note === NOTE_PART) weakAgree++;
      else fullAgree++;
      if (r.level <= PHONETIC) strongAgree++;
    }
    if (part === 'surname') {
      surnamePaired = true;
      surname = r.level;
      if (r.level <= SIMILAR) {
        const kx = x.suffix ? x.stem : x.skel;
        const ky = y.suffix ? y.stem : y.skel;
        agreedSurname = compareStrings(kx, ky) <= 0 ? kx : ky;
      }
    } else {
      given = given < 0 ? r.level : Math.max(given, r.level);
      if (r.level <= SIMILAR && agreedGiven === undefined) agreedGiven = compareStrings(x.skel, y.skel) <= 0 ? x.skel : y.skel;
    }
  }

  // Unpaired tokens: on both sides in the same pool = a conflict (different names); on one side = missing.
  const unA = A.filter((_, i) => match[i] < 0);
  const unB = B.filter((_, j) => !usedB[j]);
  const why = unA.length > 0 && unB.length > 0 ? 'no counterpart' : 'missing on the other side';
  for (const t of unA) evidence.push(`${t.role}: ${fmt(t)} ~ - (${why})`);
  for (const t of unB) evidence.push(`${t.role}: - ~ ${fmt(t)} (${why})`);
  const conflictG = unA.some((t) => !isPatronymicPool(t)) && unB.some((t) => !isPatronymicPool(t));
  const conflictP = unA.some((t) => isPatronymicPool(t)) && unB.some((t) => isPatronymicPool(t));
  if (conflictP) patronymic = DIFFERENT;
  if (conflictG) {
    const sA = unA.some((t) => t.role === 'surname');
    const sB = unB.some((t) => t.role === 'surname');
    if (!surnamePaired && (sA || sB)) surname = DIFFERENT;
    else given = DIFFERENT;
  }
  if (given < 0) given = MISSING;

  const nItems = Math.max(A.length, B.length);
  const similarity = nItems > 0 ? Math.round((simSum / nItems) * 1000) / 1000 : 0;

  let decision: NameComparison['decision'];
  if (suffixNotes >= 2) evidence.push('two words agree only through a moved -ov/-uly suffix (Сапаров Ерлан / Ерланов Сапар)');
  if (sexConflict || patronymic === DIFFERENT || conflictG || suffixNotes >= 2) decision = 'different';
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
