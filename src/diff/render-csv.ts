// The CSV view of a diff, one row per change, for spreadsheets and scripts. Values are canonical (place ids, ISO dates).
import { toCsv } from '../report/csv.js';
import type { ListDiff, OutputDiff, RecordView } from './types.js';

export const LIST_CSV_HEADER = ['change', 'old_row', 'new_row', 'name', 'field', 'before', 'after', 'paired_by', 'similarity'] as const;
export const OUTPUTS_CSV_HEADER = ['change', 'old_person', 'new_person', 'name', 'field', 'before', 'after', 'records'] as const;

function fieldsText(v: RecordView): string {
  return Object.entries(v.fields)
    .filter(([k]) => k !== 'name')
    .map(([k, x]) => `${k}=${x}`)
    .join('; ');
}

/**
 * A list diff as CSV: `added`/`removed` rows carry the record's fields in before/after (`age=23; place=almaty`),
 * `changed` gives one row per changed field, `moved` one row per moved record; nameless rows are `rejected_added`/`rejected_removed`.
 */
export function renderListCsv(d: ListDiff): string {
  const rows: string[][] = [];
  for (const v of d.added) rows.push(['added', '', String(v.row), v.name, '', '', fieldsText(v), '', '']);
  for (const v of d.removed) rows.push(['removed', String(v.row), '', v.name, '', fieldsText(v), '', '', '']);
  for (const p of d.changed) {
    for (const c of p.changes) {
      rows.push(['changed', String(p.old.row), String(p.new.row), p.new.name, c.field, c.before ?? '', c.after ?? '', p.pairedBy, p.similarity === undefined ? '' : p.similarity.toFixed(3)]);
    }
  }
  for (const p of d.moved) rows.push(['moved', String(p.old.row), String(p.new.row), p.new.name, '', '', '', p.pairedBy, '']);
  for (const r of d.rejectedAdded) rows.push(['rejected_added', '', String(r.row), r.name, '', '', r.reason, '', '']);
  for (const r of d.rejectedRemoved) rows.push(['rejected_removed', String(r.row), '', r.name, '', r.reason, '', '', '']);
  return toCsv(LIST_CSV_HEADER, rows);
}

/** An output diff as CSV: one row per person change (per field for `person_changed`) and per record change. */
export function renderOutputsCsv(d: OutputDiff): string {
  const rows: string[][] = [];
  const p = d.persons;
  for (const x of p.added) rows.push(['person_added', '', x.id, x.name, '', '', '', x.records.join(';')]);
  for (const x of p.removed) rows.push(['person_removed', x.id, '', x.name, '', '', '', x.records.join(';')]);
  for (const m of p.merged) for (const f of m.from) rows.push(['person_merged', f.id, m.into.id, m.into.name, '', f.name, m.into.name, f.records.join(';')]);
  for (const s of p.split) for (const n of s.into) rows.push(['person_split', s.from.id, n.id, n.name, '', s.from.name, n.name, n.records.join(';')]);
  for (const g of p.regrouped) {
    for (const f of g.from) rows.push(['person_regrouped', f.id, g.into.map((n) => n.id).join(';'), f.name, '', '', '', f.records.join(';')]);
  }
  for (const ch of p.changed) {
    for (const c of ch.changes) rows.push(['person_changed', ch.old.id, ch.new.id, ch.new.name, c.field, c.before ?? '', c.after ?? '', '']);
    if (ch.recordsGained.length) rows.push(['person_changed', ch.old.id, ch.new.id, ch.new.name, 'records_gained', '', ch.recordsGained.join(';'), ch.recordsGained.join(';')]);
    if (ch.recordsLost.length) rows.push(['person_changed', ch.old.id, ch.new.id, ch.new.name, 'records_lost', ch.recordsLost.join(';'), '', ch.recordsLost.join(';')]);
  }
  const r = d.records;
  for (const x of r.added) rows.push(['record_added', '', x.person ?? '', x.name, '', '', '', x.key]);
  for (const x of r.removed) rows.push(['record_removed', x.person ?? '', '', x.name, '', '', '', x.key]);
  for (const x of r.respelled) rows.push(['record_respelled', x.old.person ?? '', x.new.person ?? '', x.new.name, 'name', x.old.name, x.new.name, `${x.old.key};${x.new.key}`]);
  for (const x of r.nowRejected) rows.push(['record_rejected', x.old.person ?? '', '', x.new.name, 'status', 'linked', 'rejected', x.new.key]);
  for (const x of r.nowLinked) rows.push(['record_linked', '', x.new.person ?? '', x.new.name, 'status', 'rejected', 'linked', x.new.key]);
  return toCsv(OUTPUTS_CSV_HEADER, rows);
}
