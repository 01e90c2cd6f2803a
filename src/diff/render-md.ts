// The Markdown view of a diff, for articles and pull requests: a summary table, then one table per kind of change.
import { changeText, delimiterName, fieldLabel, personIdText, recordDetails, visibleChanges } from './display.js';
import { formLine, MOVED_SHOWN, pairedByText, personSummary, recordSummary, summaryLine } from './render-text.js';
import type { ListDiff, OutputDiff, PersonView } from './types.js';

/** Escapes a table cell: pipes, backslashes, line breaks. */
function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n|\r/g, ' ');
}

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

/** Renders a list diff as Markdown. */
export function renderListMarkdown(d: ListDiff): string {
  const out: string[] = [`# Changes: ${cell(d.old.path)} → ${cell(d.new.path)}`, ''];
  out.push(
    ...table(
      ['', 'old', 'new'],
      [
        ['file', d.old.path, d.new.path],
        ['records', String(d.old.records), String(d.new.records)],
        ['rows without a usable name', String(d.old.rejected), String(d.new.rejected)],
        ['encoding', d.old.encoding, d.new.encoding],
        ['delimiter', delimiterName(d.old.delimiter), delimiterName(d.new.delimiter)],
      ],
    ),
    '',
  );
  out.push(d.differences === 0 ? '**No differences.**' : `**${summaryLine(d)}**`);
  const form = formLine(d);
  if (form) out.push('', `Form only (not a difference): ${cell(form)}.`);
  if (d.added.length) {
    out.push('', `## Added (${d.added.length})`, '');
    out.push(...table(['row', 'name', 'details'], d.added.map((v) => [String(v.row), v.name, recordDetails(v)])));
  }
  if (d.removed.length) {
    out.push('', `## Removed (${d.removed.length})`, '');
    out.push(...table(['old row', 'name', 'details'], d.removed.map((v) => [String(v.row), v.name, recordDetails(v)])));
  }
  if (d.changed.length) {
    out.push('', `## Changed (${d.changed.length})`, '');
    const rows: string[][] = [];
    for (const p of d.changed) {
      visibleChanges(p.changes).forEach((ch, k) => {
        const { before, after } = changeText(ch);
        const how = ch.field === 'name' && p.similarity !== undefined ? `paired by ${pairedByText(p)} (${p.similarity.toFixed(2)})` : '';
        rows.push([k === 0 ? `${p.old.row} → ${p.new.row}` : '', k === 0 ? p.new.name : '', fieldLabel(ch.field), before, after, how]);
      });
    }
    out.push(...table(['row (old → new)', 'name', 'field', 'before', 'after', 'note'], rows));
  }
  if (d.moved.length) {
    out.push('', `## Moved (${d.moved.length})`, '', 'Same content, another position in the list (not counted as a difference).', '');
    out.push(...table(['row (old → new)', 'name'], d.moved.slice(0, MOVED_SHOWN).map((p) => [`${p.old.row} → ${p.new.row}`, p.new.name])));
    if (d.moved.length > MOVED_SHOWN) out.push('', `… and ${d.moved.length - MOVED_SHOWN} more (\`--format csv\` lists every one).`);
  }
  if (d.rejectedAdded.length || d.rejectedRemoved.length) {
    out.push('', '## Rows without a usable name', '');
    out.push(
      ...table(
        ['', 'row', 'text', 'reason'],
        [
          ...d.rejectedAdded.map((r) => ['added', String(r.row), r.name, r.reason]),
          ...d.rejectedRemoved.map((r) => ['removed', String(r.row), r.name, r.reason]),
        ],
      ),
    );
  }
  if (d.notes.length) out.push('', '## Notes', '', ...d.notes.map((n) => `- ${n}`));
  return out.join('\n') + '\n';
}

function person(p: PersonView): string {
  return `${p.id} ${p.name}`;
}

/** Renders an output diff as Markdown. */
export function renderOutputsMarkdown(d: OutputDiff): string {
  const out: string[] = [`# Changes in the merged list: ${cell(d.old.path)} → ${cell(d.new.path)}`, ''];
  out.push(
    ...table(
      ['', 'old', 'new'],
      [
        ['persons', String(d.old.persons), String(d.new.persons)],
        ['records', String(d.old.records), String(d.new.records)],
        ['rejected rows', String(d.old.rejected), String(d.new.rejected)],
      ],
    ),
    '',
  );
  out.push(d.differences === 0 ? '**No differences.**' : `**${personSummary(d)}** ${recordSummary(d)}`);
  const p = d.persons;
  if (p.added.length) {
    out.push('', `## Persons added (${p.added.length})`, '');
    out.push(...table(['person', 'name', 'records'], p.added.map((x) => [x.id, x.name, x.records.join(', ')])));
  }
  if (p.removed.length) {
    out.push('', `## Persons removed (${p.removed.length})`, '');
    out.push(...table(['person', 'name', 'records'], p.removed.map((x) => [x.id, x.name, x.records.join(', ')])));
  }
  if (p.merged.length) {
    out.push('', `## Merged (${p.merged.length})`, '', 'Several persons of the old list are one person now.', '');
    out.push(...table(['now', 'was'], p.merged.map((m) => [person(m.into), m.from.map(person).join('; ')])));
  }
  if (p.split.length) {
    out.push('', `## Split (${p.split.length})`, '', 'One person of the old list is several persons now.', '');
    out.push(...table(['was', 'now'], p.split.map((s) => [person(s.from), s.into.map(person).join('; ')])));
  }
  if (p.regrouped.length) {
    out.push('', `## Regrouped (${p.regrouped.length})`, '');
    out.push(...table(['was', 'now'], p.regrouped.map((g) => [g.from.map(person).join('; '), g.into.map(person).join('; ')])));
  }
  if (p.changed.length) {
    out.push('', `## Changed (${p.changed.length})`, '');
    const rows: string[][] = [];
    for (const ch of p.changed) {
      const lines: Array<[string, string, string]> = visibleChanges(ch.changes).map((x) => {
        const t = changeText(x);
        return [fieldLabel(x.field), t.before, t.after];
      });
      if (ch.recordsGained.length) lines.push(['records gained', '', ch.recordsGained.join(', ')]);
      if (ch.recordsLost.length) lines.push(['records lost', ch.recordsLost.join(', '), '']);
      lines.forEach((l, k) => rows.push([k === 0 ? personIdText(ch.old.id, ch.new.id) : '', k === 0 ? ch.new.name : '', ...l]));
    }
    out.push(...table(['person', 'name', 'field', 'before', 'after'], rows));
  }
  const r = d.records;
  const recRows: string[][] = [
    ...r.added.map((x) => ['added', x.key, x.name, x.person ?? '(rejected)']),
    ...r.removed.map((x) => ['removed', x.key, x.name, x.person ? `was ${x.person}` : 'was rejected']),
    ...r.respelled.map((x) => ['respelled', x.new.key, `${x.old.name} → ${x.new.name}`, x.new.person ?? '']),
    ...r.nowRejected.map((x) => ['now rejected', x.new.key, x.new.name, x.reason]),
    ...r.nowLinked.map((x) => ['no longer rejected', x.new.key, x.new.name, x.new.person ?? '']),
  ];
  if (recRows.length) {
    out.push('', '## Records', '');
    out.push(...table(['change', 'record', 'name', 'person'], recRows));
  }
  if (d.notes.length) out.push('', '## Notes', '', ...d.notes.map((n) => `- ${n}`));
  return out.join('\n') + '\n';
}
