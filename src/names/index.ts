// The names engine's public API: parse, compare, blocking and term-frequency keys, and a text folder for other stages.
// Latin display scheme: BGN/PCGN-style English romanisation of the Russian-folded form (Tokayev Kasym-Zhomart).
export { parseName } from './parse-name.js';
export { compareNames, type CompareOptions } from './compare-names.js';
export { nameBlockingKeys, nameSkeletonsForFrequency } from './blocking-keys.js';
export { foldText } from './fold-text.js';
export type {
  NameComparison,
  NameFrequencies,
  NameInput,
  NamePartLevel,
  NameRole,
  NameToken,
  ParsedName,
} from './types.js';
