// From a header row to a column plan: unique cell keys, one role per column, config overrides applied. Pure.
import { ReconError } from '../core/errors.js';
import { COLUMN_ROLES, detectRole, headerKey, type ColumnRole } from './column-roles.js';

export interface ColumnPlan {
  /** Key of each column in `cells`: the header as written (trimmed); `Name (2)` for a repeated one; `(column 3)` if empty. */
  keys: string[];
  /** True for a column whose header is empty: its cells are kept only when they hold something. */
  unnamed: boolean[];
  /** Role of each column, undefined when unrecognised (kept in `cells` only). */
  roles: Array<ColumnRole | undefined>;
  /** Index of the column holding each role. */
  index: Partial<Record<ColumnRole, number>>;
  warnings: string[];
}

/** Roles that identify a person's name; a source needs at least one. */
export const NAME_ROLES: readonly ColumnRole[] = ['full_name', 'surname', 'given'];

const ROLE_SET: ReadonlySet<string> = new Set(COLUMN_ROLES);

/** Checks config `columns` values: every role must be a known one. */
export function checkOverrides(overrides: Record<string, string> | undefined, file: string): void {
  for (const [header, role] of Object.entries(overrides ?? {})) {
    if (!ROLE_SET.has(role)) {
      throw new ReconError('BAD_CONFIG', `column "${header}" is given the unknown role "${role}"`, {
        file, hint: `roles: ${COLUMN_ROLES.join(', ')}`,
      });
    }
  }
}

/**
 * Plans the columns of a header row. Returns the header names the config maps but the row lacks in `missing`
 * (the caller decides whether that row is the header at all).
 */
export function planColumns(header: readonly string[], overrides: Record<string, string> | undefined): ColumnPlan & { missing: string[] } {
  const warnings: string[] = [];
  const keys: string[] = [];
  const seen = new Map<string, number>();
  header.forEach((raw, i) => {
    const base = raw.trim() === '' ? `(column ${i + 1})` : raw.trim();
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    let key = base;
    if (n > 1) {
      key = `${base} (${n})`;
      while (seen.has(key)) key = `${key}'`;
      seen.set(key, 1);
      warnings.push(`header "${base}" appears ${n === 2 ? 'twice' : `${n} times`}; column ${i + 1} is kept as "${key}"`);
    }
    keys.push(key);
  });

  const roles: Array<ColumnRole | undefined> = header.map(() => undefined);
  const configured = header.map(() => false);
  const missing: string[] = [];
  for (const [name, role] of Object.entries(overrides ?? {})) {
    let at = header.findIndex((h) => h === name);
    if (at < 0) at = header.findIndex((h) => h.trim() === name.trim());
    if (at < 0) at = header.findIndex((h) => headerKey(h) === headerKey(name));
    if (at < 0) {
      missing.push(name);
      continue;
    }
    roles[at] = role as ColumnRole;
    configured[at] = true;
  }
  header.forEach((h, i) => {
    if (!configured[i]) roles[i] = detectRole(h);
  });

  // One column per role: configured columns first, then the leftmost detected one.
  const index: Partial<Record<ColumnRole, number>> = {};
  const order = [...roles.keys()].sort((a, b) => Number(configured[b]) - Number(configured[a]) || a - b);
  for (const i of order) {
    const role = roles[i];
    if (!role || role === 'ignore') continue;
    const taken = index[role];
    if (taken === undefined) {
      index[role] = i;
      continue;
    }
    warnings.push(`columns "${keys[taken]}" and "${keys[i]}" both look like ${role}; using "${keys[taken]}"`);
    roles[i] = undefined;
  }
  const unnamed = header.map((h) => h.trim() === '');
  return { keys, unnamed, roles, index, warnings, missing };
}

/** True when the plan has a column for the name (full name, surname or given name). */
export function hasNameColumn(plan: ColumnPlan): boolean {
  return NAME_ROLES.some((r) => plan.index[r] !== undefined);
}
