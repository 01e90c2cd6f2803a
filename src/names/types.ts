// The names engine's public contract. Ingestion, matching, merging and diff use only these types
// and the functions exported from `src/names/index.ts`:
//   parseName(input: NameInput): ParsedName
//   compareNames(a: ParsedName, b: ParsedName, tf?: NameFrequencies, options?: { evidence?: boolean }): NameComparison
//   nameBlockingKeys(p: ParsedName): string[]
//   nameSkeletonsForFrequency(p: ParsedName): { surname?: string; given?: string }
//   foldText(s: string): string
import type { Sex } from '../core/types.js';

export type NameRole = 'surname' | 'given' | 'patronymic' | 'unknown';

/** Input: a full-name string, or split parts (any may be missing). */
export type NameInput = string | { surname?: string; given?: string; patronymic?: string };

export interface NameToken {
  /** The token as written (after Unicode clean-up). */
  raw: string;
  /** Canonical ASCII Latin form (Kazakh letters folded, one romanisation), lowercase. */
  canon: string;
  /** Coarse phonetic skeleton used for similarity and blocking. */
  skel: string;
  role: NameRole;
  /** True for an initial (`К.`, `Zh.`): canon/skel then hold the initial's letter class. */
  initial: boolean;
  /** Skeleton of the stem: the surname without -ов/-ова/-ин/-ский, the patronymic without -ович/-ұлы... (set by parseName). */
  stem?: string;
  /** Grammatical suffix found: ov ova in ina sky skaya (surname family), ovich ovna uly kyzy... (patronymic), or ''. */
  suffix?: string;
  /** Skeletons of the parts of a hyphenated compound (Касым-Жомарт → two parts); one part otherwise. */
  parts?: string[];
  /** Initial classes of the parts: the first sound class of each part (Касым-Жомарт → ['K', 'J']). */
  inits?: string[];
}

export interface ParsedName {
  raw: string;
  script: 'cyrillic-kk' | 'cyrillic-ru' | 'latin' | 'mixed' | 'none';
  tokens: NameToken[];
  /** Best role hypothesis; the others are kept by the comparison, which is order-free. */
  surname?: NameToken;
  given: NameToken[];
  patronymic?: NameToken;
  sex: Sex | null;
  sexEvidence: string[];
  /** Display forms of the whole name, surname first: canonical Cyrillic (Russian letters) and Latin. */
  cyrillic: string;
  latin: string;
  /** A single normalised string for the whole name (canon tokens joined in parsed order). */
  normalized: string;
  /** True when there is nothing usable (no letter at all). */
  empty: boolean;
  warnings: string[];
}

/** Level of agreement of one name part, most specific first. */
export type NamePartLevel = 'exact' | 'phonetic' | 'similar' | 'initial' | 'missing' | 'different';

/** Term frequencies of name skeletons across all records of a run (share of records, 0..1). */
export interface NameFrequencies {
  surname: (skel: string) => number;
  given: (skel: string) => number;
}

export interface NameComparison {
  surname: NamePartLevel;
  given: NamePartLevel;
  patronymic: NamePartLevel;
  /** Both sides carry a sex hint and they disagree (e.g. Назарбаев / Назарбаева). */
  sexConflict: boolean;
  /** Overall similarity 0..1 after the best one-to-one token assignment. */
  similarity: number;
  /** The skeletons that agreed, for term-frequency adjustment by the matching engine. */
  agreedSurname?: string;
  agreedGiven?: string;
  /** The engine's own default decision (used for the labelled corpus and as a hint). */
  decision: 'same' | 'uncertain' | 'different';
  /** Human-readable reasons, e.g. `surname: Tokaev ~ Tokayev (phonetic)`. */
  evidence: string[];
}
