// Sharing of the strings of parsed names: recurring forms kept once. Pure apart from the caller's pool.
import type { ParsedName } from './types.js';

/**
 * Replaces the strings a parsed name holds itself (its raw, display and normalised forms, its evidence and warning
 * lines) by one shared copy from `pool`. Evidence lines recur across names ("ending -ов") and each parse makes its own
 * copies: shared, they take a quarter less of the names' heap. Tokens are left alone: the names engine builds the
 * token of a full word once per word and copies it, so their strings are shared already (pooling them too saved
 * nothing at 200,000 records and took half the pooling time). Changes no value.
 */
export function shareNameStrings(name: ParsedName, pool: Map<string, string>): void {
  const n = name as unknown as Record<string, unknown>;
  shareFields(n, NAME_FIELDS, pool);
  shareArray(name.sexEvidence, pool);
  shareArray(name.warnings, pool);
}

/** String fields of a parsed name (absent ones are skipped). */
const NAME_FIELDS = ['raw', 'cyrillic', 'latin', 'normalized'];

function shared(v: string, pool: Map<string, string>): string {
  const s = pool.get(v);
  if (s !== undefined) return s;
  pool.set(v, v);
  return v;
}

function shareFields(o: Record<string, unknown>, fields: readonly string[], pool: Map<string, string>): void {
  for (const k of fields) {
    const v = o[k];
    if (typeof v === 'string') o[k] = shared(v, pool);
  }
}

function shareArray(xs: string[], pool: Map<string, string>): void {
  for (let i = 0; i < xs.length; i++) xs[i] = shared(xs[i], pool);
}
