// Builders for matching tests: synthetic records with parsed names.
import type { Category, Sex, SourceRecord } from '../../src/core/types.js';
import type { MatchRecord } from '../../src/match/index.js';
import { parseName } from '../../src/names/index.js';

export interface RecordSpec {
  source: string;
  name: string;
  /** Test label of the true person (kept in cells, never read by the engine as such). */
  person: string;
  age?: number;
  birthYear?: number;
  dateOfDeath?: string;
  place?: string;
  region?: string;
  category?: Category;
  sex?: Sex;
}

const REGION: Record<string, string> = {
  almaty: 'almaty-city',
  astana: 'astana-city',
  taldykorgan: 'almaty-region',
  aktau: 'mangystau',
  zhanaozen: 'mangystau',
  shymkent: 'shymkent-city',
};

/** Numbers rows per source in the order given. */
export function makeRecords(specs: readonly RecordSpec[]): MatchRecord[] {
  const rows = new Map<string, number>();
  return specs.map((s) => {
    const row = (rows.get(s.source) ?? 0) + 1;
    rows.set(s.source, row);
    const record: SourceRecord = {
      source: s.source,
      row,
      line: row + 1,
      key: `${s.source}:${row}`,
      rawName: s.name,
      cells: { name: s.name, person: s.person },
      warnings: [],
    };
    if (s.age !== undefined) record.age = s.age;
    if (s.birthYear !== undefined) record.birthYear = s.birthYear;
    if (s.dateOfDeath) record.dateOfDeath = s.dateOfDeath;
    if (s.place) {
      record.place = s.place;
      const region = s.region ?? REGION[s.place];
      if (region) record.region = region;
    }
    if (s.category) record.category = s.category;
    if (s.sex) record.sex = s.sex;
    return { record, name: parseName(s.name) };
  });
}

/** The grouping as sorted lists of person labels + source, independent of indices. */
export function grouping(records: readonly MatchRecord[], clusters: number[][]): string[] {
  return clusters
    .map((c) =>
      c
        .map((i) => `${records[i].record.source}/${records[i].record.cells.person}/${records[i].record.rawName}`)
        .sort()
        .join(' + '),
    )
    .sort();
}

/** Deterministic shuffle (LCG) of an array copy. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = items.slice();
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
