// "Nothing lost": every input record appears once, every used record in exactly one person, the counts add up.
// A failure is a bug, reported as an internal error (never a silently wrong output).
import { ReconError } from '../core/errors.js';
import type { ReconcileResult } from './reconcile.js';

export function checkInvariants(r: ReconcileResult): void {
  const problems: string[] = [];
  const inputKeys = new Set<string>();
  let inputCount = 0;
  for (const s of r.sources) {
    for (const x of [...s.records, ...s.rejected]) {
      inputCount += 1;
      if (inputKeys.has(x.key)) problems.push(`record ${x.key} appears twice in the input`);
      inputKeys.add(x.key);
    }
  }
  const seen = new Map<string, string>();
  for (const p of r.persons) {
    for (const k of p.records) {
      if (seen.has(k)) problems.push(`record ${k} is in two persons (${seen.get(k)} and ${p.id})`);
      seen.set(k, p.id);
    }
  }
  const used = r.sources.reduce((n, s) => n + s.records.length, 0);
  if (seen.size !== used) problems.push(`${used} records were used but ${seen.size} are in persons`);
  for (const s of r.sources) {
    for (const rec of s.records) if (!seen.has(rec.key)) problems.push(`record ${rec.key} is in no person`);
    for (const rej of s.rejected) if (seen.has(rej.key)) problems.push(`rejected record ${rej.key} is in a person`);
  }
  for (const [k, id] of seen) if (r.personOfRecord.get(k) !== id) problems.push(`record ${k} is in person ${id} but listed under ${r.personOfRecord.get(k) ?? 'none'}`);
  if (r.personOfRecord.size !== seen.size) problems.push(`${r.personOfRecord.size} records have a person id, ${seen.size} are in persons`);
  const ids = new Set(r.persons.map((p) => p.id));
  if (ids.size !== r.persons.length) problems.push('two persons share an id');
  const rep = r.report;
  if (rep.records !== inputCount) problems.push(`report counts ${rep.records} records, input has ${inputCount}`);
  if (rep.linked_records + rep.rejected_records !== rep.records) problems.push('report: used + rejected ≠ records');
  if (rep.persons !== r.persons.length) problems.push('report: persons count differs from merged persons');
  const histories = rep.capture_histories.reduce((n, h) => n + h.persons, 0);
  if (histories !== rep.persons) problems.push(`capture histories add up to ${histories}, not ${rep.persons}`);
  for (const s of rep.sources) {
    if (s.duplicates < 0) problems.push(`source ${s.name}: more persons than records`);
  }
  if (problems.length > 0) {
    throw new ReconError('INVARIANT', `internal check failed: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (+${problems.length - 5} more)` : ''}`, {
      hint: 'this is a bug, not a problem with the lists; no output was written. Please report it with the command you ran',
    });
  }
}
