// The terminal view of a diff: a summary line, then one section per kind of change. Colour only when asked
// (the CLI decides from the TTY, NO_COLOR and FORCE_COLOR); the text is the same with and without colour.
import { Chalk, type ChalkInstance } from 'chalk';
import { changeText, delimiterName, fieldLabel, plural, recordDetails, visibleChanges } from './display.js';
import type { ListDiff, OutputDiff, PersonView, RecordPair, RecordView } from './types.js';

/** Moved records listed in the text and Markdown views; a re-sorted list would otherwise fill the screen. */
export const MOVED_SHOWN = 20;

/** Renders a list diff for a terminal. */
export function renderListText(d: ListDiff, options: { color?: boolean } = {}): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const out: string[] = [];
  out.push(c.bold(`--- ${d.old.path}  (${plural(d.old.records, 'record')}, ${d.old.encoding}, ${delimiterName(d.old.delimiter)})`));
  out.push(c.bold(`+++ ${d.new.path}  (${plural(d.new.records, 'record')}, ${d.new.encoding}, ${delimiterName(d.new.delimiter)})`));
  const form = formLine(d);
  if (form) out.push(c.dim(`form only (not a difference): ${form}`));
  out.push('');
  if (d.differences === 0) {
    out.push(c.bold(`No differences: the same ${plural(d.unchanged + d.moved.length, 'record')}${d.moved.length ? `, ${d.moved.length} at another position` : ''}.`));
  } else {
    out.push(c.bold(summaryLine(d)));
  }
  const row = (v: RecordView) => c.dim(`row ${v.row}`);
  const rows = (p: RecordPair) => c.dim(p.old.row === p.new.row ? `row ${p.new.row}` : `row ${p.old.row} → ${p.new.row}`);
  const details = (v: RecordView) => {
    const s = recordDetails(v);
    return s ? c.dim(`  (${s})`) : '';
  };
  if (d.added.length) {
    out.push('', c.bold(`Added (${d.added.length})`));
    for (const v of d.added) out.push(c.green(`  + ${v.name}`) + `  ${row(v)}${details(v)}`);
  }
  if (d.removed.length) {
    out.push('', c.bold(`Removed (${d.removed.length})`));
    for (const v of d.removed) out.push(c.red(`  - ${v.name}`) + `  ${row(v)}${details(v)}`);
  }
  if (d.changed.length) {
    out.push('', c.bold(`Changed (${d.changed.length})`));
    for (const p of d.changed) {
      out.push(c.yellow(`  ~ ${p.new.name}`) + `  ${rows(p)}${p.moved ? c.dim(', moved') : ''}`);
      const shown = visibleChanges(p.changes);
      const w = Math.max(...shown.map((x) => fieldLabel(x.field).length));
      for (const ch of shown) {
        const { before, after } = changeText(ch);
        const why = ch.field === 'name' && p.similarity !== undefined ? c.dim(`  (paired by ${pairedByText(p)}, similarity ${p.similarity.toFixed(2)})`) : '';
        out.push(`      ${fieldLabel(ch.field).padEnd(w)}  ${c.red(before)} → ${c.green(after)}${why}`);
      }
    }
  }
  if (d.moved.length) {
    out.push('', c.bold(`Moved (${d.moved.length}): same content, another position in the list (not counted as a difference)`));
    for (const p of d.moved.slice(0, MOVED_SHOWN)) out.push(c.cyan(`  ↕ ${p.new.name}`) + `  ${rows(p)}`);
    if (d.moved.length > MOVED_SHOWN) out.push(c.dim(`  … and ${d.moved.length - MOVED_SHOWN} more (--format csv or json lists every one)`));
  }
  if (d.rejectedAdded.length || d.rejectedRemoved.length) {
    out.push('', c.bold(`Rows without a usable name: ${d.rejectedAdded.length} added, ${d.rejectedRemoved.length} removed`));
    for (const r of d.rejectedAdded) out.push(c.green(`  + ${r.name || '(empty)'}`) + c.dim(`  row ${r.row}: ${r.reason}`));
    for (const r of d.rejectedRemoved) out.push(c.red(`  - ${r.name || '(empty)'}`) + c.dim(`  row ${r.row}: ${r.reason}`));
  }
  for (const n of d.notes) out.push('', c.dim(`note: ${n}`));
  return out.join('\n') + '\n';
}

export function pairedByText(p: RecordPair): string {
  return p.pairedBy === 'names-engine' ? 'the names engine' : p.pairedBy === 'fields' ? 'the other fields' : p.pairedBy;
}

/** `30 added, 2 removed, 5 changed, 3 moved, 150 unchanged.` */
export function summaryLine(d: ListDiff): string {
  const parts = [`${d.added.length} added`, `${d.removed.length} removed`, `${d.changed.length} changed`, `${d.moved.length} moved`, `${d.unchanged} unchanged`];
  const rej = d.rejectedAdded.length + d.rejectedRemoved.length;
  if (rej) parts.push(`${rej} nameless ${rej === 1 ? 'row' : 'rows'} added or removed`);
  return parts.join(', ') + '.';
}

/** Encoding, delimiter and header differences, in one line ('' when none). */
export function formLine(d: ListDiff): string {
  const parts: string[] = [];
  if (d.identicalBytes) return '';
  if (d.format.encoding) parts.push(`encoding ${d.format.encoding.before} → ${d.format.encoding.after}`);
  if (d.format.delimiter) parts.push(`delimiter ${delimiterName(d.format.delimiter.before)} → ${delimiterName(d.format.delimiter.after)}`);
  if (d.format.renamedColumns.length) parts.push(`headers ${d.format.renamedColumns.map((r) => `${r.before} → ${r.after}`).join(', ')}`);
  if (d.format.reorderedColumns) parts.push('columns in another order');
  if (d.format.addedColumns.length) parts.push(`new columns ${d.format.addedColumns.map((x) => x.header).join(', ')}`);
  if (d.format.removedColumns.length) parts.push(`columns gone ${d.format.removedColumns.map((x) => x.header).join(', ')}`);
  return parts.join('; ');
}

function personLine(p: PersonView): string {
  return `${p.id} ${p.name}`;
}

function recordsText(c: ChalkInstance, keys: readonly string[]): string {
  return c.dim(`[${keys.join(', ')}]`);
}

/** `5 added, 1 removed, 2 merged, 1 split, 7 changed, 230 unchanged.` */
export function personSummary(d: OutputDiff): string {
  const p = d.persons;
  const parts = [`${p.added.length} added`, `${p.removed.length} removed`, `${p.merged.length} merged`, `${p.split.length} split`];
  if (p.regrouped.length) parts.push(`${p.regrouped.length} regrouped`);
  parts.push(`${p.changed.length} changed`, `${p.unchanged} unchanged`);
  return `Persons: ${parts.join(', ')}.`;
}

export function recordSummary(d: OutputDiff): string {
  const r = d.records;
  const parts = [`${r.added.length} added`, `${r.removed.length} removed`, `${r.respelled.length} respelled`];
  if (r.nowRejected.length) parts.push(`${r.nowRejected.length} now rejected`);
  if (r.nowLinked.length) parts.push(`${r.nowLinked.length} no longer rejected`);
  return `Records: ${parts.join(', ')}${r.rekeyed ? ` (${plural(r.rekeyed, 'record')} renumbered, not a difference)` : ''}.`;
}

/** Renders an output diff for a terminal. */
export function renderOutputsText(d: OutputDiff, options: { color?: boolean } = {}): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const out: string[] = [];
  out.push(c.bold(`--- ${d.old.path}  (${plural(d.old.persons, 'person')}, ${plural(d.old.records, 'record')}, ${d.old.rejected} rejected)`));
  out.push(c.bold(`+++ ${d.new.path}  (${plural(d.new.persons, 'person')}, ${plural(d.new.records, 'record')}, ${d.new.rejected} rejected)`));
  out.push('');
  if (d.differences === 0) {
    out.push(c.bold(`No differences: the same ${plural(d.persons.unchanged, 'person')} from the same records.`));
  } else {
    out.push(c.bold(personSummary(d)), c.bold(recordSummary(d)));
  }
  const p = d.persons;
  if (p.added.length) {
    out.push('', c.bold(`Persons added (${p.added.length})`));
    for (const x of p.added) out.push(c.green(`  + ${personLine(x)}`) + `  ${recordsText(c, x.records)}`);
  }
  if (p.removed.length) {
    out.push('', c.bold(`Persons removed (${p.removed.length})`));
    for (const x of p.removed) out.push(c.red(`  - ${personLine(x)}`) + `  ${recordsText(c, x.records)}`);
  }
  if (p.merged.length) {
    out.push('', c.bold(`Merged (${p.merged.length}): several persons are now one`));
    for (const m of p.merged) {
      out.push(c.magenta(`  ⇢ ${personLine(m.into)}`) + `  ${recordsText(c, m.into.records)}`);
      for (const f of m.from) out.push(`      was ${personLine(f)}  ${recordsText(c, f.records)}`);
    }
  }
  if (p.split.length) {
    out.push('', c.bold(`Split (${p.split.length}): one person is now several`));
    for (const s of p.split) {
      out.push(c.magenta(`  ⇠ ${personLine(s.from)}`) + `  ${recordsText(c, s.from.records)}`);
      for (const n of s.into) out.push(`      now ${personLine(n)}  ${recordsText(c, n.records)}`);
    }
  }
  if (p.regrouped.length) {
    out.push('', c.bold(`Regrouped (${p.regrouped.length}): records of several persons grouped differently`));
    for (const g of p.regrouped) {
      for (const f of g.from) out.push(c.magenta(`  was ${personLine(f)}`) + `  ${recordsText(c, f.records)}`);
      for (const n of g.into) out.push(`      now ${personLine(n)}  ${recordsText(c, n.records)}`);
    }
  }
  if (p.changed.length) {
    out.push('', c.bold(`Changed (${p.changed.length})`));
    for (const ch of p.changed) {
      out.push(c.yellow(`  ~ ${ch.new.id} ${ch.new.name}`) + (ch.old.id === ch.new.id ? '' : c.dim(`  (was ${ch.old.id})`)));
      const shown = visibleChanges(ch.changes);
      const labels = shown.map((x) => fieldLabel(x.field));
      if (ch.recordsGained.length) labels.push('records gained');
      if (ch.recordsLost.length) labels.push('records lost');
      const w = Math.max(...labels.map((l) => l.length));
      for (const x of shown) {
        const { before, after } = changeText(x);
        out.push(`      ${fieldLabel(x.field).padEnd(w)}  ${c.red(before)} → ${c.green(after)}`);
      }
      if (ch.recordsGained.length) out.push(`      ${'records gained'.padEnd(w)}  ${c.green(ch.recordsGained.join(', '))}`);
      if (ch.recordsLost.length) out.push(`      ${'records lost'.padEnd(w)}  ${c.red(ch.recordsLost.join(', '))}`);
    }
  }
  const r = d.records;
  if (r.added.length || r.removed.length || r.respelled.length || r.nowRejected.length || r.nowLinked.length) {
    out.push('', c.bold('Records'));
    for (const x of r.added) out.push(c.green(`  + ${x.key} ${x.name}`) + c.dim(x.person ? `  → ${x.person}` : '  (rejected)'));
    for (const x of r.removed) out.push(c.red(`  - ${x.key} ${x.name}`) + c.dim(x.person ? `  (was ${x.person})` : '  (was rejected)'));
    for (const x of r.respelled) out.push(c.yellow(`  ~ ${x.new.key} `) + `${c.red(x.old.name)} → ${c.green(x.new.name)}`);
    for (const x of r.nowRejected) out.push(c.red(`  ✗ ${x.new.key} ${x.new.name}`) + c.dim(`  now rejected: ${x.reason}`));
    for (const x of r.nowLinked) out.push(c.green(`  ✓ ${x.new.key} ${x.new.name}`) + c.dim(`  no longer rejected → ${x.new.person ?? ''}`));
  }
  for (const n of d.notes) out.push('', c.dim(`note: ${n}`));
  return out.join('\n') + '\n';
}
