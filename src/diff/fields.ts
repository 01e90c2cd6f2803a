// Semantic fields of a source record for comparison across versions, and the plain normalisations diff relies on.
// Pure. Values are canonical (ISO dates, place ids), so re-encoded, re-headed or re-ordered copies compare equal.
import type { SourceRecord } from '../core/types.js';
import { LIST_FIELDS, type FieldChange, type ListField } from './types.js';

/** NFC, whitespace runs collapsed to one space, trimmed. */
export function tidyText(s: string): string {
  return s.normalize('NFC').replace(/[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]+/gu, ' ').trim();
}

/**
 * A key for exact name equality: tidy, lowercase, ё → е, punctuation dropped (hyphens and apostrophes kept apart as spaces).
 * Example: nameKey('  ИВАНОВ  Пётр ') === nameKey('Иванов Петр') === 'иванов петр'
 */
export function nameKey(s: string): string {
  return tidyText(s)
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A source's own id, normalised so that `007`, `7` and ` 7 ` agree (spreadsheets drop leading zeros). */
export function idKey(s: string): string {
  const t = tidyText(s).toLowerCase();
  return /^\d+$/.test(t) ? String(Number(t)) : t;
}

/** The record's semantic fields as strings (absent when empty). */
export function recordFields(r: SourceRecord): Partial<Record<ListField, string>> {
  const f: Partial<Record<ListField, string>> = {};
  const name = tidyText(r.rawName);
  if (name) f.name = name;
  if (r.sourceId !== undefined && tidyText(r.sourceId) !== '') f.source_id = tidyText(r.sourceId);
  if (r.age !== undefined) f.age = String(r.age);
  if (r.birthYear !== undefined) f.birth_year = String(r.birthYear);
  if (r.birthDate) f.birth_date = r.birthDate;
  if (r.dateOfDeath) f.date_of_death = r.dateOfDeath;
  if (r.place) f.place = r.place;
  if (r.region) f.region = r.region;
  if (r.category) f.category = r.category;
  if (r.sex) f.sex = r.sex;
  if (r.notes !== undefined && tidyText(r.notes) !== '') f.notes = tidyText(r.notes);
  return f;
}

/** Fields that are equal on both sides under these rules; source_id is compared by idKey. */
function sameValue(field: ListField, a: string, b: string): boolean {
  if (field === 'source_id') return idKey(a) === idKey(b);
  return a === b;
}

/**
 * Field-level changes between two versions of a record, in LIST_FIELDS order. `skip` leaves fields out
 * (e.g. source_id when the ids are running numbers).
 * Example: compareFields({name: 'A', age: '23'}, {name: 'A', age: '24', place: 'almaty'})
 *   → [{field: 'age', before: '23', after: '24'}, {field: 'place', after: 'almaty'}]
 */
export function compareFields(
  a: Partial<Record<ListField, string>>,
  b: Partial<Record<ListField, string>>,
  skip: ReadonlySet<ListField> = new Set(),
): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of LIST_FIELDS) {
    if (skip.has(field)) continue;
    const x = a[field];
    const y = b[field];
    if (x === undefined && y === undefined) continue;
    if (x !== undefined && y !== undefined && sameValue(field, x, y)) continue;
    const c: FieldChange = { field };
    if (x !== undefined) c.before = x;
    if (y !== undefined) c.after = y;
    out.push(c);
  }
  return out;
}

/** The fields that count as evidence that two records describe one person (name aside). */
export const EVIDENCE_FIELDS: readonly ListField[] = ['age', 'birth_year', 'birth_date', 'date_of_death', 'place', 'region', 'category', 'sex'];

/** How many evidence fields agree and how many conflict (present on both sides and different). */
export function fieldAgreement(a: Partial<Record<ListField, string>>, b: Partial<Record<ListField, string>>): { agree: number; conflict: number } {
  let agree = 0;
  let conflict = 0;
  for (const f of EVIDENCE_FIELDS) {
    const x = a[f];
    const y = b[f];
    if (x === undefined || y === undefined) continue;
    if (x === y) agree++;
    else conflict++;
  }
  return { agree, conflict };
}
