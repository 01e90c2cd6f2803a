// Turns ingested records into match records: each distinct name parsed once (a cache), ages put on the event date.
import type { IngestedSource, SourceRecord } from '../core/types.js';
import { parseName } from '../names/index.js';
import { shareNameStrings } from '../names/share-strings.js';
import type { ParsedName } from '../names/types.js';

export interface PreparedRecord {
  record: SourceRecord;
  name: ParsedName;
  /** Age at the event date: the stated age, else from the date or year of birth. */
  ageAtEvent?: number;
}

/** Parses each distinct name (full string or split parts) once. Input order is kept. */
export function prepareRecords(sources: readonly IngestedSource[], eventDate?: string): PreparedRecord[] {
  const cache = new Map<string, ParsedName>();
  const pool = new Map<string, string>();
  const out: PreparedRecord[] = [];
  for (const src of sources) {
    for (const record of src.records) {
      const parts = record.nameParts;
      const cacheKey = parts ? `\u0001${parts.surname ?? ''}\u0001${parts.given ?? ''}\u0001${parts.patronymic ?? ''}` : record.rawName;
      let name = cache.get(cacheKey);
      if (!name) {
        name = parseName(parts ? { ...parts } : record.rawName);
        shareNameStrings(name, pool);
        cache.set(cacheKey, name);
      }
      out.push({ record, name, ageAtEvent: ageAtEvent(record, eventDate) });
    }
  }
  return out;
}

/**
 * Age at the event: the stated age if any; else full years between the date of birth and the event date;
 * else event year minus birth year (may be one too many before the birthday).
 * Example: ageAtEvent({birthDate: '1990-06-01'}, '2022-01-05') → 31
 */
export function ageAtEvent(record: Pick<SourceRecord, 'age' | 'birthDate' | 'birthYear' | 'dateOfDeath'>, eventDate?: string): number | undefined {
  if (record.age !== undefined) return record.age;
  const ref = eventDate ?? record.dateOfDeath;
  if (record.birthDate && ref) {
    const [by, bm, bd] = record.birthDate.split('-').map(Number);
    const [ey, em, ed] = ref.split('-').map(Number);
    let age = ey - by;
    if (em < bm || (em === bm && ed < bd)) age -= 1;
    return age >= 0 ? age : undefined;
  }
  const birthYear = record.birthYear ?? (record.birthDate ? Number(record.birthDate.slice(0, 4)) : undefined);
  if (birthYear !== undefined && ref) {
    const age = Number(ref.slice(0, 4)) - birthYear;
    return age >= 0 ? age : undefined;
  }
  return undefined;
}
