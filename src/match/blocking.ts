// Blocking: which record pairs are compared at all. A union of rules (name keys from the names engine, and name
// prefixes that survive a typo late in a word); all pairs for small inputs. Huge blocks are compared within a
// sorted window instead of all-against-all, and reported. Pure.
import { orderByRank, ranksOf } from '../core/compare.js';
import { nameBlockingKeys } from '../names/index.js';
import type { ParsedName } from '../names/types.js';
import { GrowableInts, PairBuffer } from './pair-list.js';
import type { MatchRecord } from './types.js';

export interface BlockingOptions {
  /** Duplicate-free sources: pairs of two of their records are never compared. */
  uniqueSources?: readonly string[];
  /** Compare all pairs up to this many records (default 2,000). */
  allPairsUpTo?: number;
  /** Blocks larger than this are split by facts and sorted windows (default 60, whatever the input size). */
  maxBlock?: number;
  /** Window of a large block's sorted passes (default 8). */
  window?: number;
  /** A fact group of a large block up to this size is compared all-pairs, else within the window (default 30). */
  subMax?: number;
  /** Window of a fact group larger than subMax (default 8). */
  groupWindow?: number;
  /** name-prefix blocks up to this size are compared all-pairs; larger ones are left to the name keys (default 20). */
  prefixMaxBlock?: number;
  /**
   * Called after each step (the name keys, the name prefixes, and once the pair buffer is let go before the result
   * is allocated): progress, and moments where a caller may reclaim memory.
   */
  onProgress?: (done: number, total: number) => void;
}

export interface BlockingResult {
  a: Uint32Array;
  b: Uint32Array;
  rules: Array<{ name: string; pairs: number }>;
  capped: string[];
}

export const ALL_PAIRS_UP_TO = 2000;
// Fixed sizes, independent of the number of records: candidate pairs per record stay about flat as inputs grow.
const MAX_BLOCK = 60;
/**
 * The whole-block window catches pairs whose facts are missing or all differ; the fact groups and same-word groups
 * find the rest. Wider windows add pairs, not matches: at 200,000 and 400,000 records a window of 20 instead of 8
 * made 17% more candidate pairs for 0.05% more of the true pairs (bench/blocking.mjs).
 */
const WINDOW = 8;
const SUB_MAX = 30;
const GROUP_WINDOW = 8;
const SUB_PREFIX = 3;
/** Large blocks up to this many members track their pairs in a bitmap (2 MiB at most), larger ones in a set. */
const BITMAP_MAX_MEMBERS = 4096;
/** Large blocks listed by name in `capped`; the rest are counted. */
const CAPPED_LISTED = 10;

/**
 * Keys of the `name-prefix` rule: for every full (non-initial) token, its first four skeleton characters joined to
 * the first character of each other token. Example: «Руденко А.» and «Aleksandr Rudenlo» share `rUdE|A`.
 */
const PREFIX = 4;
/** The prefix rule is a safety net for typos in small blocks; its large blocks add no recall over the name keys. */
const PREFIX_MAX_BLOCK = 20;

export function namePrefixKeys(p: ParsedName): string[] {
  if (p.empty) return [];
  const tokens = p.tokens.filter((t) => t.skel.length > 0);
  const keys = new Set<string>();
  for (const t of tokens) {
    if (t.initial || t.skel.length < PREFIX) continue;
    for (const u of tokens) if (u !== t) keys.add(`${t.skel.slice(0, PREFIX)}|${u.skel[0]}`);
  }
  return [...keys].sort();
}

/** Year of birth: stated, from a date of birth, or the year of death (else 2022) less the age. */
function birthYearOf(r: MatchRecord): number | undefined {
  const x = r.record;
  const deathYear = x.dateOfDeath ? Number(x.dateOfDeath.slice(0, 4)) : 2022;
  const born = x.birthYear ?? (x.birthDate ? Number(x.birthDate.slice(0, 4)) : x.age !== undefined ? deathYear - x.age : undefined);
  return born !== undefined && Number.isFinite(born) ? born : undefined;
}

const TEXT_DATE = 0;
const TEXT_PLACE = 1;
const TEXT_WORD = 2;
const FACT_BORN_EVEN = 0;
const FACT_BORN_ODD = 1;
const FACT_DATE_PLACE = 2;
const FACT_DATE = 3;
const FACT_PLACE = 4;
const FACT_WORD = 5;
const FACT_WORD_WITH = 6;

/**
 * Numbers for facts: equal facts get equal numbers and different facts different ones. Texts (dates, places, a
 * word's first letters) and facts made of two numbers are interned as numbers instead of being joined into key
 * strings: hashing fifteen fresh strings a record took a fifth of blocking at a million records.
 */
class FactIds {
  private next = 0;
  private readonly texts = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
  private readonly facts = Array.from({ length: FACT_WORD_WITH + 1 }, () => new Map<number, Map<number, number>>());

  text(kind: number, s: string): number {
    const m = this.texts[kind];
    let id = m.get(s);
    if (id === undefined) m.set(s, (id = m.size));
    return id;
  }

  /** How many fact numbers there are (all below this). */
  get count(): number {
    return this.next;
  }

  fact(kind: number, x: number, y = 0): number {
    const outer = this.facts[kind];
    let inner = outer.get(x);
    if (inner === undefined) outer.set(x, (inner = new Map()));
    let id = inner.get(y);
    if (id === undefined) inner.set(y, (id = this.next++));
    return id;
  }
}

/**
 * The facts that split a large block, as numbers from `ids`: place, date of death, date and place together, and the
 * year of birth (stated, or death year − age) in two-year buckets at both parities, so that two years at most one
 * apart always share a bucket; then each full word's first three skeleton letters, alone and with each of the
 * sharper facts (year buckets, date and place).
 * Example: born 1990, died 2022-01-05 in Almaty → born-even 995, born-odd 995, (2022-01-05, almaty), 2022-01-05,
 * almaty; then for each full word of the name its first letters alone and with each of the first three.
 */
function recordFactIds(r: MatchRecord, ids: FactIds): number[] {
  const x = r.record;
  const facts: number[] = [];
  const born = birthYearOf(r);
  if (born !== undefined) facts.push(ids.fact(FACT_BORN_EVEN, Math.floor(born / 2)), ids.fact(FACT_BORN_ODD, Math.floor((born + 1) / 2)));
  const date = x.dateOfDeath ? ids.text(TEXT_DATE, x.dateOfDeath) : -1;
  const place = x.place ? ids.text(TEXT_PLACE, x.place) : -1;
  if (date >= 0 && place >= 0) facts.push(ids.fact(FACT_DATE_PLACE, date, place));
  const keys = [...facts];
  if (date >= 0) keys.push(ids.fact(FACT_DATE, date));
  if (place >= 0) keys.push(ids.fact(FACT_PLACE, place));
  const seen: number[] = [];
  for (const t of r.name.tokens) {
    if (t.initial || t.skel.length < SUB_PREFIX) continue;
    const w = ids.text(TEXT_WORD, t.skel.slice(0, SUB_PREFIX));
    if (seen.includes(w)) continue;
    seen.push(w);
    keys.push(ids.fact(FACT_WORD, w));
    for (const f of facts) keys.push(ids.fact(FACT_WORD_WITH, w, f));
  }
  return keys;
}

/**
 * Entries (keys[e], values[e]) for e < count grouped by key (every key below keyCount), by a counting sort: key k's
 * values, in entry order, are flat[start[k] .. start[k + 1]).
 * Example: groupByKey(Int32Array.of(1, 0, 1), Int32Array.of(7, 8, 9), 3, 2) → start [0, 1, 3], flat [8, 7, 9]
 */
function groupByKey(keys: Int32Array, values: Int32Array, count: number, keyCount: number): { start: Int32Array; flat: Int32Array } {
  const start = new Int32Array(keyCount + 1);
  for (let e = 0; e < count; e++) start[keys[e] + 1]++;
  for (let k = 0; k < keyCount; k++) start[k + 1] += start[k];
  const fill = start.slice(0, keyCount);
  const flat = new Int32Array(count);
  for (let e = 0; e < count; e++) flat[fill[keys[e]]++] = values[e];
  return { start, flat };
}

/** Order of records with the same name in a window: year of birth, date of death, place. */
function factOrder(r: MatchRecord): string {
  const x = r.record;
  return `${birthYearOf(r) ?? ''}\u0001${x.dateOfDeath ?? ''}\u0001${x.place ?? ''}`;
}

/**
 * Sort key of the members of a large block: the order-free skeleton of the full words other than the patronymic
 * (token skeletons sorted), then the patronymic and initials. «Ахметов Ерлан», «Yerlan Akhmetov» and «Ахметов
 * Ерлан Серикович» sort side by side whatever roles the parser gave the words; «Ахметов Е.» just before them.
 */
function sortKey(p: ParsedName): string {
  const main: string[] = [];
  const rest: string[] = [];
  for (const t of p.tokens) (t.initial || t.role === 'patronymic' ? rest : main).push(t.skel);
  const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return `${main.sort(byCode).join(' ')}\u0001${rest.sort(byCode).join(' ')}`;
}

/**
 * Candidate pairs of records (a < b, sorted, no repeats) and what each rule produced.
 * Example: «Ахметов Ерлан» and «Akhmetov Yerlan» share a name key → the pair (0, 1) is a candidate.
 */
export function blockRecords(records: readonly MatchRecord[], options: BlockingOptions = {}): BlockingResult {
  const n = records.length;
  const unique = new Set(options.uniqueSources ?? []);
  const sourceOf = records.map((r) => r.record.source);
  // A record without a usable name is never linked by the model (only by a clerk's decision).
  const noName = records.map((r) => r.name.empty);
  const skip = (i: number, j: number) => noName[i] || noName[j] || (sourceOf[i] === sourceOf[j] && unique.has(sourceOf[i]));
  const buffer = new PairBuffer(n);
  const rules: Array<{ name: string; pairs: number }> = [];
  const capped: string[] = [];

  const direct = (i: number, j: number): boolean => {
    buffer.push(i, j);
    return true;
  };
  /** Where pairs go: to the buffer, or through a large block's repeat filter (see splitBlock); true if taken. */
  let emit = direct;

  /** Pushes every pair of `members` (record indices) that may be compared; returns how many. */
  const pushAll = (members: ArrayLike<number>): number => {
    let c = 0;
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        if (skip(members[x], members[y])) continue;
        if (emit(members[x], members[y])) c++;
      }
    }
    return c;
  };

  if (n <= (options.allPairsUpTo ?? ALL_PAIRS_UP_TO)) {
    rules.push({ name: 'all-pairs', pairs: pushAll(Array.from({ length: n }, (_, i) => i)) });
    return { ...buffer.takeSortedUnique(n, () => options.onProgress?.(1, 1)), rules, capped };
  }

  const maxBlock = options.maxBlock ?? MAX_BLOCK;
  const window = options.window ?? WINDOW;
  // Orders inside large blocks, made for all records when the first large block comes: each record's rank by its
  // name sort key, by the main part of that key (the same words) and by its facts (equal strings, equal ranks). A
  // large block then sorts numbers, not strings, in the same order; a record sits in as many large blocks as it has
  // keys, and comparing its strings again in each was a third of the blocking time.
  let orders: { name: Int32Array; main: Int32Array; facts: Int32Array } | undefined;
  const ordersOf = () => {
    if (orders) return orders;
    const byName = new Map<ParsedName, string>();
    const keys = records.map((r) => {
      let k = byName.get(r.name);
      if (k === undefined) byName.set(r.name, (k = sortKey(r.name)));
      return k;
    });
    byName.clear();
    const name = ranksOf(keys);
    const main = ranksOf(keys.map((k) => k.slice(0, k.indexOf('\u0001'))));
    orders = { name, main, facts: ranksOf(records.map(factOrder)) };
    return orders;
  };
  const subMax = options.subMax ?? SUB_MAX;
  const groupWindow = options.groupWindow ?? GROUP_WINDOW;
  const bigBlocks: Array<{ rule: string; key: string; size: number; window: number }> = [];

  // A large block is split by the facts: its members meet when they share the place, the date of death or the
  // year of birth (to within a year); each such group is compared all-pairs, or within a sorted window of the
  // order-free name skeleton when it is large itself. One more skeleton window over the whole block catches pairs
  // whose facts are missing or all differ.
  // Each record's fact keys as numbers (one per distinct key): a large block groups its members by them. Made when
  // the record first sits in a large block, and kept in one flat list: record i's are
  // factStore.data[factStart[i] .. factStart[i] + factCount[i]).
  const factStart = new Int32Array(n).fill(-1);
  const factCount = new Int32Array(n);
  let factStore = new GrowableInts();
  let factIds = new FactIds();
  const makeFacts = (i: number): void => {
    if (factStart[i] >= 0) return;
    const keys = recordFactIds(records[i], factIds);
    factStart[i] = factStore.length;
    factCount[i] = keys.length;
    for (const f of keys) factStore.push(f);
  };
  // A large block's members grouped by fact without an array per group: each fact met in the block gets a slot
  // (factSlot, valid where factStamp holds the block's number), and its (slot, member) entries are grouped by slot.
  let factSlot = new Int32Array(0);
  let factStamp = new Int32Array(0);
  let blockNumber = 0;
  /** Pushes the pairs of members at most `w` apart when sorted by `rank` (ties by record index). */
  const pushWindow = (members: ArrayLike<number>, w: number, rank: Int32Array): number => {
    let c = 0;
    const m = members.length;
    const sorted = orderByRank(members, rank, n);
    for (let x = 0; x < m; x++) {
      const end = Math.min(m, x + 1 + w);
      for (let y = x + 1; y < end; y++) {
        if (skip(sorted[x], sorted[y])) continue;
        if (emit(sorted[x], sorted[y])) c++;
      }
    }
    return c;
  };
  // A large block's window, fact groups and same-name groups overlap: a pair of records sharing place, date and year
  // of birth comes up in most of them (at 200,000 records 20 million pairs pushed, 7.8 million distinct per block).
  // Repeats within a block are dropped as they come, so the pair buffer sorts and holds less.
  const localOf = new Int32Array(n);
  // Pairs a block has pushed, by their code x · m + y over the members' local indices: one bit each up to
  // BITMAP_MAX_MEMBERS members (cleared per block), a set beyond.
  let bitmap = new Uint32Array(0);
  const repeatFilter = (m: number, codeOf: (i: number, j: number) => number): ((i: number, j: number) => boolean) => {
    if (m > BITMAP_MAX_MEMBERS) {
      const seen = new Set<number>();
      return (i, j) => {
        const code = codeOf(i, j);
        if (seen.has(code)) return false;
        seen.add(code);
        buffer.push(i, j);
        return true;
      };
    }
    const words = Math.ceil((m * m) / 32);
    if (bitmap.length < words) bitmap = new Uint32Array(words);
    else bitmap.fill(0, 0, words);
    const bits = bitmap;
    return (i, j) => {
      const code = codeOf(i, j);
      const word = code >>> 5;
      const bit = 1 << (code & 31);
      if (bits[word] & bit) return false;
      bits[word] |= bit;
      buffer.push(i, j);
      return true;
    };
  };
  const entrySlot = new GrowableInts();
  const entryMember = new GrowableInts();
  const splitBlock = (members: ArrayLike<number>, w: number): number => {
    const m = members.length;
    for (let k = 0; k < m; k++) localOf[members[k]] = k;
    emit = repeatFilter(m, (i, j) => {
      const x = localOf[i];
      const y = localOf[j];
      return x < y ? x * m + y : y * m + x;
    });
    const { name: nameRank, main: mainRank, facts: factRank } = ordersOf();
    let c = pushWindow(members, w, nameRank);
    for (let k = 0; k < m; k++) makeFacts(members[k]);
    if (factSlot.length < factIds.count) {
      const size = Math.max(factIds.count, 2 * factSlot.length);
      factSlot = new Int32Array(size);
      factStamp = new Int32Array(size);
    }
    blockNumber++;
    const store = factStore.data;
    entrySlot.length = 0;
    entryMember.length = 0;
    let slots = 0;
    for (let k = 0; k < m; k++) {
      const i = members[k];
      for (let e = factStart[i], end = e + factCount[i]; e < end; e++) {
        const f = store[e];
        if (factStamp[f] !== blockNumber) {
          factStamp[f] = blockNumber;
          factSlot[f] = slots++;
        }
        entrySlot.push(factSlot[f]);
        entryMember.push(i);
      }
    }
    const groups = groupByKey(entrySlot.data, entryMember.data, entrySlot.length, slots);
    for (let g = 0; g < slots; g++) {
      const size = groups.start[g + 1] - groups.start[g];
      if (size < 2 || size === m) continue;
      const group = groups.flat.subarray(groups.start[g], groups.start[g + 1]);
      c += size <= subMax ? pushAll(group) : pushWindow(group, groupWindow, nameRank);
    }
    // Members written with the same words (in any order, patronymic and initials aside): one person in several lists
    // or namesakes, where facts are often missing. Compared all-pairs up to twice the block limit, else within a
    // window ordered by birth year, date and place. Sorted by those words, each such group is a run.
    const byWords = orderByRank(members, mainRank, n);
    for (let from = 0; from < m; ) {
      let to = from + 1;
      while (to < m && mainRank[byWords[to]] === mainRank[byWords[from]]) to++;
      if (to - from >= 2) {
        const group = byWords.subarray(from, to);
        c += to - from <= 2 * maxBlock ? pushAll(group) : pushWindow(group, groupWindow, factRank);
      }
      from = to;
    }
    emit = direct;
    return c;
  };

  const runRule = (name: string, keysOf: (i: number) => readonly string[], ruleMax = maxBlock, ruleWindow = window, splitLarge = true) => {
    // Blocks as one flat list of members grouped by key (a counting sort of the (key, record) entries), keys numbered
    // in order of first appearance: no array per block. The name keys of a million records make about three million
    // blocks, and an array for each was that much more for the garbage collector, which takes a third of blocking.
    const keyIdOf = new Map<string, number>();
    const keyNames: string[] = [];
    const lastRecord = new GrowableInts();
    const entryKey = new GrowableInts();
    const entryRecord = new GrowableInts();
    for (let i = 0; i < n; i++) {
      for (const key of keysOf(i)) {
        let id = keyIdOf.get(key);
        if (id === undefined) {
          keyIdOf.set(key, (id = keyNames.length));
          keyNames.push(key);
          lastRecord.push(-1);
        }
        if (lastRecord.data[id] === i) continue;
        lastRecord.data[id] = i;
        entryKey.push(id);
        entryRecord.push(i);
      }
    }
    keyIdOf.clear();
    const keyCount = keyNames.length;
    // Entries come in record order, so each block's members are ascending.
    const { start, flat } = groupByKey(entryKey.data, entryRecord.data, entryKey.length, keyCount);
    let count = 0;
    for (let k = 0; k < keyCount; k++) {
      const size = start[k + 1] - start[k];
      if (size < 2) continue;
      const members = flat.subarray(start[k], start[k + 1]);
      if (size <= ruleMax) {
        count += pushAll(members);
      } else {
        bigBlocks.push({ rule: name, key: keyNames[k], size, window: splitLarge ? ruleWindow : 0 });
        if (splitLarge) count += splitBlock(members, ruleWindow);
      }
    }
    rules.push({ name, pairs: count });
  };

  // Keys are made per record as each rule runs, not cached per name: a cache held every record's keys through the
  // rule on top of the blocks (hundreds of MiB at a million records) to save little (few records share a name).
  runRule('name-keys', (i) => {
    const p = records[i].name;
    return p.empty ? [] : nameBlockingKeys(p);
  });
  // The caches of the large blocks' splitting are not needed by the prefix rule (whose large blocks are left to the
  // name keys): let them go before it builds its own blocks.
  orders = undefined;
  factStart.fill(-1);
  factStore = new GrowableInts();
  factIds = new FactIds();
  options.onProgress?.(1, 3);
  // Typos late in a word: the first four skeleton letters of a full token plus the first letter class of another.
  runRule('name-prefix', (i) => namePrefixKeys(records[i].name), options.prefixMaxBlock ?? Math.min(maxBlock, PREFIX_MAX_BLOCK), 0, false);
  options.onProgress?.(2, 3);

  bigBlocks.sort((p, q) => Number(q.window > 0) - Number(p.window > 0) || q.size - p.size || (p.key < q.key ? -1 : p.key > q.key ? 1 : 0));
  for (const b of bigBlocks.slice(0, CAPPED_LISTED)) {
    capped.push(
      b.window > 0
        ? `block ${b.rule} "${b.key}" has ${b.size} records: compared within fact groups and sorted windows of ${b.window}`
        : `block ${b.rule} "${b.key}" has ${b.size} records: left to the other rules`,
    );
  }
  if (bigBlocks.length > CAPPED_LISTED) {
    capped.push(`${bigBlocks.length - CAPPED_LISTED} more large blocks compared within fact groups and sorted windows, or left to the other rules`);
  }
  return { ...buffer.takeSortedUnique(n, () => options.onProgress?.(3, 3)), rules, capped };
}

/**
 * Candidate pairs for blocking recall (see blockRecords). Example: candidatePairs(records).a.length → number of pairs
 */
export function candidatePairs(
  records: readonly MatchRecord[],
  options: BlockingOptions = {},
): { a: Uint32Array; b: Uint32Array } {
  const { a, b } = blockRecords(records, options);
  return { a, b };
}
