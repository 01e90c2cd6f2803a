// Blocking: which record pairs are compared at all. A union of rules (name keys from the names engine, and name
// prefixes that survive a typo late in a word); all pairs for small inputs. Huge blocks are compared within a
// sorted window instead of all-against-all, and reported. Pure.
import { nameBlockingKeys } from '../names/index.js';
import type { ParsedName } from '../names/types.js';
import { PairBuffer } from './pair-list.js';
import type { MatchRecord } from './types.js';

export interface BlockingOptions {
  /** Duplicate-free sources: pairs of two of their records are never compared. */
  uniqueSources?: readonly string[];
  /** Compare all pairs up to this many records (default 2,000). */
  allPairsUpTo?: number;
  /** Blocks larger than this are compared within a sorted window (default 400, less above 100,000 records). */
  maxBlock?: number;
  /** Window of a capped block (default 40, less above 100,000 records). */
  window?: number;
}

export interface BlockingResult {
  a: Uint32Array;
  b: Uint32Array;
  rules: Array<{ name: string; pairs: number }>;
  capped: string[];
}

export const ALL_PAIRS_UP_TO = 2000;
const MAX_BLOCK = 400;
/** Inputs above this many records get proportionally smaller block caps and windows. */
const LARGE_INPUT = 100_000;
const WINDOW = 40;
/** Large blocks listed by name in `capped`; the rest are counted. */
const CAPPED_LISTED = 10;

/**
 * Keys of the `name-prefix` rule: for every full (non-initial) token, its first four skeleton characters joined to
 * the first character of each other token. Example: «Руденко А.» and «Aleksandr Rudenlo» share `rUdE|A`.
 */
const PREFIX = 4;
/** The prefix rule is a safety net for typos: its blocks are capped harder than the names engine's keys. */
const PREFIX_MAX_BLOCK = 100;
const PREFIX_WINDOW = 15;

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

/** Year of birth (stated, or death year − age), date of death and place: the second sort of a capped block. */
function factKey(r: MatchRecord): string {
  const x = r.record;
  const deathYear = x.dateOfDeath ? Number(x.dateOfDeath.slice(0, 4)) : 2022;
  const born = x.birthYear ?? (x.birthDate ? Number(x.birthDate.slice(0, 4)) : x.age !== undefined ? deathYear - x.age : undefined);
  return `${born ?? '~'}|${x.dateOfDeath ?? '~'}|${x.place ?? '~'}`;
}

/**
 * Order-free skeleton of a name (token skeletons sorted), used to sort the members of a capped block, so that
 * «Ахметов Ерлан» and «Yerlan Akhmetov» sort side by side whatever roles the parser gave the words.
 */
function sortKey(p: ParsedName): string {
  return p.tokens
    .map((t) => t.skel)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .join(' ');
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
  const buffer = new PairBuffer();
  const rules: Array<{ name: string; pairs: number }> = [];
  const capped: string[] = [];

  if (n <= (options.allPairsUpTo ?? ALL_PAIRS_UP_TO)) {
    let count = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        if (skip(i, j)) continue;
        buffer.push(i, j);
        count++;
      }
    }
    rules.push({ name: 'all-pairs', pairs: count });
    return { ...buffer.toSortedUnique(n), rules, capped };
  }

  // Past LARGE_INPUT records the caps shrink with √(LARGE_INPUT/n), so that pairs per record stay about flat.
  const shrink = n > LARGE_INPUT ? Math.sqrt(LARGE_INPUT / n) : 1;
  const maxBlock = options.maxBlock ?? Math.max(50, Math.round(MAX_BLOCK * shrink));
  const window = options.window ?? Math.max(8, Math.round(WINDOW * shrink));
  const sortKeys = new Map<ParsedName, string>();
  const keyOf = (i: number) => {
    let k = sortKeys.get(records[i].name);
    if (k === undefined) {
      k = sortKey(records[i].name);
      sortKeys.set(records[i].name, k);
    }
    return k;
  };
  const factKeys: Array<string | undefined> = new Array(n);
  const factKeyOf = (i: number) => (factKeys[i] ??= factKey(records[i]) + '\u0001' + keyOf(i));
  const bigBlocks: Array<{ rule: string; key: string; size: number; window: number }> = [];

  const runRule = (name: string, keysOf: (i: number) => readonly string[], ruleMax = maxBlock, ruleWindow = window) => {
    const blocks = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      for (const key of keysOf(i)) {
        let members = blocks.get(key);
        if (!members) blocks.set(key, (members = []));
        if (members[members.length - 1] !== i) members.push(i);
      }
    }
    let count = 0;
    for (const [key, members] of blocks) {
      if (members.length < 2) continue;
      if (members.length <= ruleMax) {
        for (let x = 0; x < members.length; x++) {
          for (let y = x + 1; y < members.length; y++) {
            if (skip(members[x], members[y])) continue;
            buffer.push(members[x], members[y]);
            count++;
          }
        }
      } else {
        bigBlocks.push({ rule: name, key, size: members.length, window: ruleWindow });
        // Two sorted-window passes: by name, then by birth year, date and place (namesakes of a common name
        // fill the first window; the second brings one person's records together).
        for (const pass of [keyOf, factKeyOf]) {
          const sorted = members
            .map((i) => ({ i, k: pass(i) }))
            .sort((p, q) => (p.k < q.k ? -1 : p.k > q.k ? 1 : p.i - q.i));
          for (let x = 0; x < sorted.length; x++) {
            for (let y = x + 1; y < Math.min(sorted.length, x + 1 + ruleWindow); y++) {
              if (skip(sorted[x].i, sorted[y].i)) continue;
              buffer.push(sorted[x].i, sorted[y].i);
              count++;
            }
          }
        }
      }
    }
    rules.push({ name, pairs: count });
  };

  const nameKeys = new Map<ParsedName, string[]>();
  runRule('name-keys', (i) => {
    const p = records[i].name;
    let keys = nameKeys.get(p);
    if (!keys) {
      keys = p.empty ? [] : nameBlockingKeys(p);
      nameKeys.set(p, keys);
    }
    return keys;
  });
  // Typos late in a word: the first four skeleton letters of a full token plus the first letter class of another.
  const prefixKeys = new Map<ParsedName, string[]>();
  runRule('name-prefix', (i) => {
    const p = records[i].name;
    let keys = prefixKeys.get(p);
    if (!keys) {
      keys = namePrefixKeys(p);
      prefixKeys.set(p, keys);
    }
    return keys;
  }, Math.min(maxBlock, Math.round(PREFIX_MAX_BLOCK * shrink)), Math.min(window, Math.max(4, Math.round(PREFIX_WINDOW * shrink))));

  bigBlocks.sort((p, q) => q.size - p.size || (p.key < q.key ? -1 : p.key > q.key ? 1 : 0));
  for (const b of bigBlocks.slice(0, CAPPED_LISTED)) {
    capped.push(`block ${b.rule} "${b.key}" has ${b.size} records: compared within sorted windows of ${b.window}`);
  }
  if (bigBlocks.length > CAPPED_LISTED) {
    capped.push(`${bigBlocks.length - CAPPED_LISTED} more large blocks compared within sorted windows`);
  }
  return { ...buffer.toSortedUnique(n), rules, capped };
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
