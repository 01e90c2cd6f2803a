// `--redact`: publishable outputs. Full names become initials in persons and the report; row text is removed.
import type { Person } from '../merge/merge-person.js';
import type { PreparedRecord } from './prepare.js';
import type { ReconcileResult } from './reconcile.js';

/**
 * Initials of every word of a name, keeping hyphenated parts: `Токаев Касым-Жомарт` → `Т. К.-Ж.`
 */
export function toInitials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) =>
      w
        .split('-')
        .filter(Boolean)
        .map((p) => `${[...p][0]?.toLocaleUpperCase('en') ?? ''}.`)
        .join('-'),
    )
    .join(' ');
}

export function redactResult(r: ReconcileResult): ReconcileResult {
  const records: PreparedRecord[] = r.records.map((p) => ({
    ...p,
    record: { ...p.record, rawName: '', cells: {}, notes: undefined },
    name: { ...p.name, normalized: '' },
  }));
  const persons: Person[] = r.persons.map((p) => ({
    ...p,
    nameCyrillic: toInitials(p.nameCyrillic),
    nameLatin: toInitials(p.nameLatin),
    surname: toInitials(p.surname),
    givenName: toInitials(p.givenName),
    patronymic: toInitials(p.patronymic),
  }));
  const initialsOf = new Map(persons.map((p) => [p.id, p.nameCyrillic]));
  const sources = r.sources.map((s) => ({
    ...s,
    records: s.records.map((x) => ({ ...x, rawName: '', cells: {} })),
    rejected: s.rejected.map((x) => ({ ...x, rawName: '', cells: {} })),
  }));
  const report = {
    ...r.report,
    conflicts: r.report.conflicts.map((c) => ({ ...c, name: initialsOf.get(c.person_id) ?? '' })),
    review: { ...r.report.review, pairs: r.report.review.pairs.map((p) => ({ ...p, name_a: '', name_b: '' })) },
    rejected: r.report.rejected.map((x) => ({ ...x, name: '' })),
  };
  return { ...r, sources, records, persons, report };
}
