// Sharing of the strings of parsed names: recurring forms kept once. Pure apart from the caller's pool.
import type { ParsedName } from './types.js';

/**
 * Replaces every string inside a parsed name (its tokens' forms and skeletons, evidence, display forms) by one shared
 * copy from `pool`. The same surname or given name recurs in many distinct full names, and each parse makes its own
 * copies of its forms: shared, they take a tenth less of the heap at a million records. Changes no value.
 * The walk knows the shape of a parsed name (name → tokens → parts) and visits the string fields of each object
 * directly: a generic walk over every key and array index took a third of the normalisation time.
 */
export function shareNameStrings(name: ParsedName, pool: Map<string, string>): void {
  const n = name as unknown as Record<string, unknown>;
  shareFields(n, NAME_FIELDS, pool);
  shareArray(name.sexEvidence, pool);
  shareArray(name.warnings, pool);
  for (const t of name.tokens) {
    const o = t as unknown as Record<string, unknown>;
    shareFields(o, TOKEN_FIELDS, pool);
    if (Array.isArray(o.parts)) shareArray(o.parts as string[], pool);
    if (Array.isArray(o.inits)) shareArray(o.inits as string[], pool);
  }
}

/** String fields of a parsed name and of its tokens (names engine fields included; absent ones are skipped). */
const NAME_FIELDS = ['raw', 'cyrillic', 'latin', 'normalized'];
const TOKEN_FIELDS = ['raw', 'canon', 'skel', 'stem', 'suffix', 'joined', 'stemCanon'];

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
