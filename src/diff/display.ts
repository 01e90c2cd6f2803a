// Display forms shared by the text and Markdown renderers: field labels, values (place ids → names), counts.
import { placeLabel, regionLabel } from '../places/index.js';
import type { FieldChange, ListField, RecordView } from './types.js';

const LABELS: Record<string, string> = {
  name: 'name',
  source_id: 'id',
  age: 'age',
  birth_year: 'birth year',
  birth_date: 'date of birth',
  date_of_death: 'date of death',
  place: 'place',
  region: 'region',
  category: 'category',
  sex: 'sex',
  notes: 'notes',
  person_id: 'person id',
  name_cyrillic: 'name (Cyrillic)',
  name_latin: 'name (Latin)',
  surname: 'surname',
  given_name: 'given name',
  patronymic: 'patronymic',
  sources: 'sources',
  conflicts: 'conflicts',
};

/** `age`, `date of death`, or `column "Звание"` for an uninterpreted column. */
export function fieldLabel(field: string): string {
  if (field.startsWith('column:')) return `column "${field.slice(7)}"`;
  return LABELS[field] ?? field;
}

/** A value as people read it: place and region ids become names; unknown places lose their `?`. */
export function displayValue(field: string, value: string | undefined): string {
  if (value === undefined || value === '') return '';
  if (field === 'place') return placeLabel(value) || value.replace(/^\?/, '');
  if (field === 'region') return regionLabel(value) || value;
  return value;
}

/** `23 → 24`, `(none) → Almaty`, `Almaty → (none)`. */
export function changeText(c: FieldChange): { before: string; after: string } {
  return { before: displayValue(c.field, c.before) || '(none)', after: displayValue(c.field, c.after) || '(none)' };
}

const SUMMARY_FIELDS: readonly ListField[] = ['source_id', 'age', 'birth_year', 'birth_date', 'date_of_death', 'place', 'region', 'category', 'sex'];

/** The details of a record after its name: `id 12, age 34, 2022-01-05, Almaty, civilian`. */
export function recordDetails(v: RecordView): string {
  const parts: string[] = [];
  for (const f of SUMMARY_FIELDS) {
    const x = v.fields[f];
    if (x === undefined) continue;
    if (f === 'age') parts.push(`age ${x}`);
    else if (f === 'birth_year') parts.push(`born ${x}`);
    else if (f === 'birth_date') parts.push(`born ${x}`);
    else if (f === 'source_id') parts.push(`id ${x}`);
    else if (f === 'date_of_death') parts.push(`died ${x}`);
    else if (f === 'region' && v.fields.place && !v.fields.place.startsWith('?')) continue; // implied by the place
    else parts.push(displayValue(f, x));
  }
  return parts.join(', ');
}

/** `3 records` / `1 record`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** How a delimiter reads in a message. */
export function delimiterName(d: string): string {
  return d === '\t' ? 'tab' : `"${d}"`;
}

/**
 * The changes a person reads: a region change that comes with a place change is implied by it and left out
 * (the CSV and JSON views keep it).
 */
export function visibleChanges(changes: readonly FieldChange[]): FieldChange[] {
  const placeChanged = changes.some((c) => c.field === 'place');
  return changes.filter((c) => !(placeChanged && c.field === 'region'));
}

/** A person's id in the new list, with the old one when it differs: `P0012 (was P0007)`. */
export function personIdText(oldId: string, newId: string): string {
  return oldId === newId ? newId : `${newId} (was ${oldId})`;
}
