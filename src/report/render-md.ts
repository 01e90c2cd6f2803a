// report.md: the discrepancy report for people. Pure: ReportData in, Markdown out.
import type { ReportData } from './build-report.js';

/** Escapes text for a Markdown table cell. */
function cell(s: string | number): string {
  return String(s).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

function table(header: string[], rows: Array<Array<string | number>>): string {
  const lines = [`| ${header.map(cell).join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const r of rows) lines.push(`| ${r.map(cell).join(' | ')} |`);
  return lines.join('\n');
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

export interface RenderOptions {
  /** Extra Markdown sections (e.g. the population estimate), appended in order. */
  extraSections?: string[];
  /** Show at most this many rows in long lists (conflicts, rejected rows, review pairs). */
  maxRows?: number;
}

export function renderReportMarkdown(r: ReportData, options: RenderOptions = {}): string {
  const max = options.maxRows ?? 200;
  const out: string[] = [];
  out.push('# Discrepancy report', '');
  if (r.official_total !== null) {
    out.push(
      `- **Official total:** ${r.official_total}`,
      `- **Distinct named persons:** ${r.persons} (a minimum: people named on at least one list)`,
      `- **Gap:** ${r.gap! >= 0 ? `${r.gap} more deaths officially counted than named` : `${-r.gap!} more persons named than officially counted`}`,
    );
  } else {
    out.push(`- **Distinct named persons:** ${r.persons} (a minimum: people named on at least one list)`, '- **Official total:** not given (use `--official-total N`)');
  }
  out.push(
    `- **Linkage uncertainty:** ${r.persons_range.stricter.persons} persons at a stricter threshold (${r.persons_range.stricter.threshold}), ` +
      `${r.persons_range.looser.persons} at a looser one (${r.persons_range.looser.threshold}); threshold used ${r.threshold} (${r.threshold_source})`,
    `- **Records:** ${r.records} read, ${r.linked_records} used, ${r.rejected_records} rejected (listed below with reasons)`,
    '',
  );

  out.push('## By category', '', 'Compare like with like: an official list that names only security officers says nothing about civilians.', '');
  const names = r.sources.map((s) => s.name);
  out.push(table(['category', 'persons', ...names], r.by_category.map((c) => [c.category, c.persons, ...names.map((n) => c.by_source[n] ?? 0)])), '');

  out.push('## Sources', '');
  out.push(
    table(
      ['source', 'records', 'persons', 'within-source duplicates', 'only here', 'rejected', 'coverage', 'covers', 'file', 'sha256'],
      r.sources.map((s) => [s.name, s.records, s.persons, s.duplicates, s.only_here, s.rejected, pct(s.coverage), s.covers ?? 'all', s.file, s.sha256.slice(0, 16) + '…']),
    ),
    '',
  );

  out.push('## Overlap between sources', '', 'Persons named by both sources of each pair (the diagonal is each source alone).', '');
  const sorted = Object.keys(r.overlap);
  out.push(table(['', ...sorted], sorted.map((a) => [a, ...sorted.map((b) => r.overlap[a][b])])), '');

  out.push('## Capture histories', '', 'How many persons were recorded by exactly each combination of sources.', '');
  out.push(table(['sources', 'persons'], r.capture_histories.map((h) => [h.sources.join(' + '), h.persons])), '');

  out.push('## How the count moves with the matching threshold', '');
  out.push(table(['threshold', 'persons'], r.threshold_table.map((t) => [t.threshold, t.persons])), '');

  for (const section of options.extraSections ?? []) out.push(section.trimEnd(), '');

  out.push('## By date of death', '');
  out.push(table(['date', 'persons'], r.by_date.map((d) => [d.date, d.persons])), '');
  out.push('## By place', '');
  out.push(table(['place', 'persons'], r.by_place.map((p) => [p.label, p.persons])), '');

  out.push(`## Conflicts (${r.conflicts.length})`, '', 'Persons whose sources disagree; what each source says.', '');
  if (r.conflicts.length > 0) {
    out.push(
      table(
        ['person', 'name', 'field', 'what the sources say'],
        r.conflicts.slice(0, max).map((c) => [c.person_id, c.name, c.field, c.values.map((v) => `${v.record}: ${v.value}`).join('; ')]),
      ),
    );
    if (r.conflicts.length > max) out.push('', `…and ${r.conflicts.length - max} more in report.json.`);
    out.push('');
  }

  out.push(`## Uncertain links awaiting review (${r.review.pending})`, '');
  out.push(`Decisions applied: ${r.review.decisions_applied}. Review with \`reconcile review OUT\` or edit a decisions file (see README).`, '');
  if (r.review.pairs.length > 0) {
    out.push(
      table(
        ['record a', 'name a', 'record b', 'name b', 'probability'],
        r.review.pairs.slice(0, max).map((p) => [p.record_a, p.name_a, p.record_b, p.name_b, p.probability.toFixed(3)]),
      ),
      '',
    );
  }

  if (r.within_source_duplicates.length > 0) {
    out.push(`## Within-source duplicates (${r.within_source_duplicates.length})`, '');
    out.push(table(['record a', 'record b'], r.within_source_duplicates.slice(0, max).map((d) => [d.record_a, d.record_b])), '');
  }

  out.push(`## Rejected rows (${r.rejected.length})`, '');
  if (r.rejected.length > 0) {
    out.push(table(['source', 'row', 'line', 'name as written', 'reason'], r.rejected.slice(0, max).map((x) => [x.source, x.row, x.line, x.name, x.reason])), '');
  }
  if (r.warnings.length > 0) {
    out.push('## Warnings', '', ...r.warnings.map((w) => `- ${w}`), '');
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
