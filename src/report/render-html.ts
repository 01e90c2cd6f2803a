// report.html: the discrepancy report as one self-contained page (inline CSS, inline SVG charts, no scripts, no
// network). Pure and deterministic: ReportData in, HTML text out; every value shown is escaped.
import type { ReportData, SourceStats } from './build-report.js';
import { drawBarChart, drawColumnChart, drawStackedBarChart, type BarRow, type Column, type Series } from './svg/bar-charts.js';
import { escapeHtml, formatCount, formatPercent } from './svg/escape.js';
import { drawHeadlineChart } from './svg/headline-chart.js';
import { drawUpsetChart } from './svg/upset-chart.js';

export interface HtmlOptions {
  /** Page title and main heading (default `Casualty lists: discrepancy report`). */
  title?: string;
  /** Show at most this many rows in long tables (conflicts, review pairs, duplicates, rejected rows); default 500. */
  maxRows?: number;
  /** Places drawn individually in the by-place chart before the rest is grouped as "other places"; default 15. */
  topPlaces?: number;
}

/** A table cell: plain text or number (escaped), or markup already escaped by this module. */
type Cell = string | number | { html: string };

const CATEGORY_LABELS: Record<string, string> = { security: 'security', civilian: 'civilian', other: 'other', unknown: 'not stated' };
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Renders report.json's data as a self-contained HTML page with inline SVG charts
 * (`<svg class="chart" data-chart="headline|estimate|by-category|by-source|upset|by-date|by-place">`).
 * @example writeFileSync('out/report.html', renderReportHtml(report, { title: 'January 2022' }))
 */
export function renderReportHtml(report: ReportData, options: HtmlOptions = {}): string {
  const title = options.title ?? 'Casualty lists: discrepancy report';
  const maxRows = options.maxRows ?? 500;
  const estimate = readEstimate(report.estimate);
  const sections: Array<{ id: string; heading: string; body: string }> = [];
  sections.push({ id: 'headline', heading: 'Key figures', body: renderHeadline(report, estimate) });
  if (estimate) sections.push({ id: 'estimate', heading: 'Estimated total (capture–recapture)', body: renderEstimate(estimate) });
  sections.push({ id: 'by-category', heading: 'Security officers and civilians', body: renderCategories(report) });
  sections.push({ id: 'sources', heading: 'Sources', body: renderSources(report) });
  sections.push({ id: 'capture-histories', heading: 'Who is named where', body: renderCaptureHistories(report) });
  sections.push({ id: 'threshold', heading: 'How the count depends on matching', body: renderThreshold(report) });
  sections.push({ id: 'by-date', heading: 'By date of death', body: renderByDate(report) });
  sections.push({ id: 'by-place', heading: 'By place', body: renderByPlace(report, options.topPlaces ?? 15, maxRows) });
  sections.push({ id: 'conflicts', heading: `Conflicting details (${report.conflicts.length})`, body: renderConflicts(report, maxRows) });
  sections.push({ id: 'review', heading: `Uncertain links awaiting review (${report.review.pending})`, body: renderReview(report, maxRows) });
  sections.push({ id: 'duplicates', heading: `Duplicates within a source (${report.within_source_duplicates.length})`, body: renderDuplicates(report, maxRows) });
  sections.push({ id: 'rejected', heading: `Rejected rows (${report.rejected.length})`, body: renderRejected(report, maxRows) });
  if (report.warnings.length > 0) sections.push({ id: 'warnings', heading: `Warnings (${report.warnings.length})`, body: list(report.warnings) });

  const nav = sections.map((s) => `<a href="#${s.id}">${escapeHtml(s.heading)}</a>`).join('');
  const body = sections.map((s) => `<section id="${s.id}">\n<h2>${escapeHtml(s.heading)}</h2>\n${s.body}\n</section>`).join('\n');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Defence in depth: even if some text escaped its context, the page may load nothing and run no script.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<header><h1>${escapeHtml(title)}</h1>${renderLede(report, estimate)}<nav aria-label="Contents">${nav}</nav></header>`,
    body,
    `<footer><p>Written by <code>reconcile merge</code> from the same data as <code>report.json</code> (schema version ${escapeHtml(report.schema_version)}). ` +
      'This page is self-contained: it loads nothing from the network and runs no script. Names are shown as written in the source files.</p></footer>',
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Sections

function renderLede(r: ReportData, est: EstimateView | null): string {
  const n = r.sources.length;
  const parts = [
    `This report compares ${n} ${n === 1 ? 'list' : 'lists'} of names (${r.records} rows in all) and counts the distinct people they name. ` +
      `Records that appear to describe the same person are linked; ${strong(formatCount(r.persons))} distinct people are named on at least one list. ` +
      'That is a minimum: people named on no list are not counted.',
  ];
  if (r.official_total !== null && r.gap !== null) parts.push(`The official total is ${strong(formatCount(r.official_total))}; ${gapSentence(r.gap)}`);
  if (est && est.estimable && est.N !== null) parts.push(`A statistical estimate of the total, including people on no list, is ${strong(formatCount(est.N))}${intervalText(est)}.`);
  return `<p class="lede">${parts.join(' ')}</p>`;
}

function gapSentence(gap: number): string {
  if (gap > 0) return `it exceeds the number of named people by ${strong(formatCount(gap))}.`;
  if (gap < 0) return `the lists name ${strong(formatCount(-gap))} more people than that.`;
  return 'the number of named people is the same.';
}

function renderHeadline(r: ReportData, est: EstimateView | null): string {
  const low = Math.min(r.persons_range.stricter.persons, r.persons_range.looser.persons, r.persons);
  const high = Math.max(r.persons_range.stricter.persons, r.persons_range.looser.persons, r.persons);
  const figures: Array<[string, string, string]> = [];
  if (r.official_total !== null) figures.push(['Official total', formatCount(r.official_total), 'deaths officially counted']);
  figures.push(['Named persons', formatCount(r.persons), 'distinct people on at least one list (a minimum)']);
  if (r.gap !== null) figures.push(['Gap', r.gap > 0 ? formatCount(r.gap) : r.gap < 0 ? `−${formatCount(-r.gap)}` : '0', r.gap >= 0 ? 'official total minus named persons' : 'more named than officially counted']);
  figures.push(['Range from matching', `${formatCount(low)}–${formatCount(high)}`, 'named persons with stricter or looser matching']);
  if (est && est.estimable && est.N !== null) figures.push(['Estimated total', formatCount(est.N), est.lower !== null ? `95% interval ${formatCount(est.lower)}–${est.upper === null ? 'unbounded' : formatCount(est.upper)}` : est.method]);
  const cards = figures.map(([k, v, d]) => `<div class="figure"><div class="figure-label">${escapeHtml(k)}</div><div class="figure-value">${escapeHtml(v)}</div><div class="figure-note">${escapeHtml(d)}</div></div>`).join('');
  const chart = drawHeadlineChart({
    officialTotal: r.official_total,
    persons: r.persons,
    range: { low, high },
    estimate: est && est.estimable && est.N !== null ? { N: est.N, lower: est.lower, upper: est.upper, label: 'capture–recapture' } : null,
  });
  const text = [
    `Matching decides whether two records describe the same person. With a stricter rule (threshold ${r.persons_range.stricter.threshold}) ` +
      `the lists name ${formatCount(r.persons_range.stricter.persons)} distinct people; with a looser one (${r.persons_range.looser.threshold}) ` +
      `${formatCount(r.persons_range.looser.persons)}. This report uses ${r.threshold} (${escapeHtml(r.threshold_source)}).`,
    `Of ${r.records} rows read, ${r.linked_records} were used and ${r.rejected_records} rejected because they had no usable name (listed at the end).`,
  ];
  return `<div class="figures">${cards}</div>\n${figure(chart, 'The bar for named persons shows the range from stricter to looser matching as a line; the dashed line marks the official total.')}\n${paragraphs(text)}`;
}

function renderEstimate(est: EstimateView): string {
  const out: string[] = [];
  if (est.estimable && est.N !== null) {
    out.push(
      paragraph(
        `Capture–recapture (multiple systems estimation) uses how much the lists overlap to estimate how many people no list names. ` +
          `Estimated total: ${strong(formatCount(est.N))}${intervalText(est)}` +
          (est.named !== null ? `, resting on ${formatCount(est.named)} named people` : '') +
          `. Method: ${escapeHtml(est.method || 'not stated')}${est.interval ? `; interval: ${escapeHtml(est.interval)}` : ''}.` +
          (est.partial ? ' Some groups could not be estimated and enter at their named count, so this is a lower bound.' : ''),
      ),
    );
    if (est.linkage) {
      out.push(
        paragraph(
          `With the uncertainty of matching added, the 95% range is ${strong(rangeText(est.linkage.lower, est.linkage.upper))}: ` +
            'the interval above assumes every link between records is right, and this range also spans the estimates under stricter and looser matching and over alternative linkings. ' +
            'Records of one person left unlinked push every estimate up, so the total is more likely near the lower end than the upper.',
        ),
      );
    }
  } else {
    out.push(paragraph(`No estimate could be made${est.reason ? `: ${escapeHtml(est.reason)}` : '.'}`));
  }
  if (est.notes.length > 0) out.push('<h3>What the estimate means and assumes</h3>', list(est.notes));
  if (est.thresholds.length > 0 || est.sampled) {
    out.push('<h3>How the estimate depends on matching</h3>');
    out.push(paragraph('The estimate rests on which records were linked as one person. Here it is re-run on the persons found with stricter and looser matching.'));
    if (est.thresholds.length > 0) {
      out.push(table(['matching', 'named persons', 'estimate', '95% interval'], est.thresholds.map((t) => [t.label, t.persons ?? '', t.N === null ? 'not estimable' : formatCount(t.N), rangeText(t.lower, t.upper)]), [1, 2]));
    }
    const sm = est.sampled;
    if (sm && sm.low !== null && sm.high !== null) {
      out.push(
        paragraph(
          `Drawing ${formatCount(sm.draws)} alternative linkings at random, each uncertain link held with its estimated probability` +
            (sm.personsMin !== null && sm.personsMax !== null ? `, the number of named people ranged from ${formatCount(sm.personsMin)} to ${formatCount(sm.personsMax)}` : '') +
            ` and 95% of the estimates fell between ${formatCount(sm.low)} and ${formatCount(sm.high)}` +
            (sm.median !== null ? ` (median ${formatCount(sm.median)})` : '') +
            '. This spread comes from matching alone, on top of the statistical interval above.',
        ),
      );
    }
  }
  if (est.models.length > 1) {
    const shown = est.models.slice(0, 10);
    out.push(
      '<h3>Models compared</h3>',
      paragraph('Each model allows different pairs of lists to be related (a “×” links two lists). Lower AIC fits better for its complexity; the weight is each model’s share of the evidence.'),
      table(
        ['model', 'estimate', '95% interval', 'ΔAIC', 'weight'],
        shown.map((m) => [
          m.name + (m.saturated ? ' (saturated)' : ''),
          m.N === null ? (m.reason ? `not estimable: ${m.reason}` : 'not estimable') : formatCount(m.N),
          rangeText(m.lower, m.upper),
          m.deltaAic === null ? '' : m.deltaAic.toFixed(1),
          m.weight === null ? '' : m.weight.toFixed(2),
        ]),
        [1, 3, 4],
      ),
      est.models.length > shown.length ? paragraph(`<em>${est.models.length - shown.length} more models in report.json.</em>`) : '',
    );
  }
  if (est.strata.length > 1 || (est.strata.length === 1 && est.strata[0].stratum !== 'all')) {
    out.push(
      '<h3>By group</h3>',
      table(
        ['group', 'named', 'estimate', '95% interval', 'method'],
        est.strata.map((s) => [
          s.stratum,
          s.persons ?? '',
          s.N === null ? (s.reason ? `not estimable: ${s.reason}` : 'not estimable') : formatCount(s.N),
          rangeText(s.lower, s.upper),
          s.method,
        ]),
        [1, 2],
      ),
    );
  }
  if (est.excluded.length > 0) out.push('<h3>Lists left out of the estimate</h3>', list(est.excluded.map((e) => `${e.name}: ${e.reason}`)));
  if (est.warnings.length > 0) out.push('<h3>Cautions</h3>', list(est.warnings));
  return out.join('\n');
}

function renderCategories(r: ReportData): string {
  const names = r.sources.map((s) => s.name);
  const cats = r.by_category.map((c) => c.category);
  const series: Series[] = cats.map((c) => ({ name: CATEGORY_LABELS[c] ?? c, cls: `cat-${classSafe(c)}` }));
  const rows: BarRow[] = [
    { label: 'all lists', values: r.by_category.map((c) => c.persons) },
    ...r.sources.map((s) => ({ label: s.name, values: r.by_category.map((c) => c.by_source[s.name] ?? categoryOf(s, c.category)) })),
  ];
  const chart = drawStackedBarChart(
    { kind: 'by-category', title: 'Named persons by category and source', description: rows.map((row) => `${row.label}: ${cats.map((c, i) => `${row.values[i]} ${c}`).join(', ')}`).join('; ') + '.' },
    series,
    rows,
  );
  const text = ['Compare like with like: a list that names only security officers says nothing about civilians, so set its count against the security officers named elsewhere.'];
  for (const s of r.sources) {
    if (!s.covers) continue;
    const own = s.by_category[s.covers as keyof SourceStats['by_category']] ?? 0;
    const all = r.by_category.find((c) => c.category === s.covers)?.persons ?? 0;
    const others = r.sources.filter((o) => o.name !== s.name).map((o) => `${o.name} ${formatCount(o.by_category[s.covers as keyof SourceStats['by_category']] ?? 0)}`);
    text.push(
      `${strong(escapeHtml(s.name))} covers ${escapeHtml(s.covers)} persons only and names ${formatCount(own)} of them; all lists together name ${formatCount(all)} ${escapeHtml(s.covers)} persons` +
        (others.length > 0 ? ` (${others.map(escapeHtml).join(', ')}).` : '.'),
    );
  }
  const t = table(['category', 'all lists', ...names], r.by_category.map((c) => [CATEGORY_LABELS[c.category] ?? c.category, c.persons, ...names.map((n) => c.by_source[n] ?? 0)]), [1, ...names.map((_, i) => i + 2)]);
  return `${paragraphs(text)}\n${figure(chart)}\n${t}`;
}

function renderSources(r: ReportData): string {
  const chart = drawBarChart(
    { kind: 'by-source', title: 'Records, persons and persons found only there, per source', description: r.sources.map((s) => `${s.name}: ${s.records} records, ${s.persons} persons, ${s.only_here} only here`).join('; ') + '.' },
    [
      { name: 'records', cls: 's0' },
      { name: 'persons', cls: 's1' },
      { name: 'only here', cls: 's2' },
    ],
    r.sources.map((s) => ({ label: s.name, values: [s.records, s.persons, s.only_here] })),
    '',
  );
  const t = table(
    ['source', 'records', 'persons', 'duplicates within', 'only here', 'rejected', 'coverage of all named', 'covers'],
    r.sources.map((s) => [s.name, s.records, s.persons, s.duplicates, s.only_here, s.rejected, formatPercent(s.coverage), s.covers ?? 'all']),
    [1, 2, 3, 4, 5, 6],
  );
  const provenance = table(
    ['source', 'file', 'encoding', 'delimiter', 'SHA-256 of the file'],
    r.sources.map((s) => [s.name, s.file, s.encoding, s.delimiter, { html: `<code class="hash">${escapeHtml(s.sha256)}</code>` }]),
  );
  const text = [
    '<em>Records</em> are rows in the file; <em>persons</em> are the distinct people those rows name after linking; <em>duplicates within</em> are extra rows for a person the same list already names; ' +
      '<em>only here</em> are people no other list names; <em>coverage</em> is the share of all named people the list names.',
  ];
  const provenanceText = 'The SHA-256 fingerprint identifies the exact file read: anyone holding a copy can check that it is the same version.';
  return `${figure(chart)}\n${paragraphs(text)}\n${t}\n<h3>Provenance</h3>\n${paragraph(provenanceText)}\n${provenance}`;
}

function renderCaptureHistories(r: ReportData): string {
  const chart = drawUpsetChart({ sources: r.sources.map((s) => ({ name: s.name, persons: s.persons })), histories: r.capture_histories });
  const histories = table(
    ['sources naming the person', 'number of sources', 'persons'],
    r.capture_histories.map((h) => [h.sources.length === 1 ? `${h.sources[0]} only` : h.sources.join(' + '), h.sources.length, h.persons]),
    [1, 2],
  );
  const keys = Object.keys(r.overlap);
  const overlap = table(['', ...keys], keys.map((a) => [{ html: `<strong>${escapeHtml(a)}</strong>` }, ...keys.map((b) => r.overlap[a]?.[b] ?? 0)]), keys.map((_, i) => i + 1));
  return [
    paragraph(
      'Each column counts the people named by exactly one combination of lists: the dots below a bar show which lists. ' +
        'People named by several independent lists are well attested; people on one list only deserve a second look, and the overlaps drive the estimate of people no list names.',
    ),
    figure(chart),
    histories,
    '<h3>Overlap between pairs of sources</h3>',
    paragraph('People named by both lists of each pair; the diagonal is the number each list names.'),
    overlap,
  ].join('\n');
}

function renderThreshold(r: ReportData): string {
  return [
    paragraph(
      'Two records are linked when the estimated probability that they describe the same person reaches the threshold. A higher threshold links fewer records and so counts more distinct people.',
    ),
    table(['threshold', 'distinct persons'], r.threshold_table.map((t) => [{ html: t.threshold === r.threshold ? `<strong>${escapeHtml(t.threshold)}</strong> (used)` : escapeHtml(t.threshold) }, t.persons]), [1]),
    paragraph(`${formatCount(r.candidate_pairs)} pairs of records were compared in detail.`),
  ].join('\n');
}

function renderByDate(r: ReportData): string {
  if (r.by_date.length === 0) return paragraph('No dates of death.');
  const columns = dateColumns(r.by_date);
  const unknown = r.by_date.find((d) => d.date === 'unknown')?.persons ?? 0;
  const chart = drawColumnChart(
    { kind: 'by-date', title: 'Named persons by date of death', description: columns.filter((c) => c.value > 0).map((c) => `${c.tooltip}: ${c.value}`).join('; ') + '.' },
    columns,
  );
  const text = unknown > 0 ? [`The date of death is not known for ${formatCount(unknown)} named ${unknown === 1 ? 'person' : 'people'} (last bar, grey).`] : [];
  return `${figure(chart)}\n${paragraphs(text)}\n${table(['date of death', 'persons'], r.by_date.map((d) => [d.date, d.persons]), [1])}`;
}

function renderByPlace(r: ReportData, top: number, max: number): string {
  if (r.by_place.length === 0) return paragraph('No places.');
  const known = r.by_place.filter((p) => p.place !== 'unknown');
  const unknown = r.by_place.find((p) => p.place === 'unknown');
  const shown = known.slice(0, top);
  const rest = known.slice(top);
  const rows: BarRow[] = shown.map((p) => ({ label: placeText(p), values: [p.persons] }));
  if (rest.length > 0) rows.push({ label: `other places (${rest.length})`, values: [rest.reduce((n, p) => n + p.persons, 0)], cls: 'muted' });
  if (unknown) rows.push({ label: 'place not known', values: [unknown.persons], cls: 'muted' });
  const chart = drawBarChart(
    { kind: 'by-place', title: 'Named persons by place of death', description: rows.map((row) => `${row.label}: ${row.values[0]}`).join('; ') + '.' },
    [{ name: 'persons', cls: 's0' }],
    rows,
  );
  const text = ['Places are matched to a gazetteer across Kazakh, Russian and Latin spellings; a place marked with “?” was not recognised and is shown as written.'];
  const t = table(['place', 'persons'], r.by_place.slice(0, max).map((p) => [placeText(p), p.persons]), [1]);
  return `${figure(chart)}\n${paragraphs(text)}\n${t}\n${capNote(r.by_place.length, max)}`;
}

function renderConflicts(r: ReportData, max: number): string {
  if (r.conflicts.length === 0) return paragraph('The sources agree on every detail they share.');
  const rows: Cell[][] = r.conflicts.slice(0, max).map((c) => [
    c.person_id,
    c.name,
    fieldLabel(c.field),
    { html: `<ul class="values">${c.values.map((v) => `<li><span class="record">${escapeHtml(v.record)}</span> ${escapeHtml(v.value)}</li>`).join('')}</ul>` },
  ]);
  return [
    paragraph('People whose lists disagree on age, sex, date or place of death, or category, with what each record says (record = source:row in its file).'),
    table(['person', 'name', 'detail', 'what each source says'], rows),
    capNote(r.conflicts.length, max),
  ].join('\n');
}

function renderReview(r: ReportData, max: number): string {
  const out = [
    paragraph(
      `${formatCount(r.review.pending)} pairs of records may or may not be the same person and await a human decision; ` +
        `${formatCount(r.review.decisions_applied)} earlier decisions were applied to this run.`,
    ),
  ];
  if (r.review.pairs.length > 0) {
    out.push(
      table(['record a', 'name a', 'record b', 'name b', 'probability same person'], r.review.pairs.slice(0, max).map((p) => [p.record_a, p.name_a, p.record_b, p.name_b, p.probability.toFixed(3)]), [4]),
      capNote(r.review.pairs.length, max),
    );
  }
  return out.join('\n');
}

function renderDuplicates(r: ReportData, max: number): string {
  if (r.within_source_duplicates.length === 0) return paragraph('No list names the same person twice.');
  return [
    paragraph('Pairs of rows of the same list that were linked as one person.'),
    table(['record a', 'record b'], r.within_source_duplicates.slice(0, max).map((d) => [d.record_a, d.record_b])),
    capNote(r.within_source_duplicates.length, max),
  ].join('\n');
}

function renderRejected(r: ReportData, max: number): string {
  if (r.rejected.length === 0) return paragraph('Every row had a usable name.');
  return [
    paragraph('Rows left out because they carry no usable name. They are kept here so that nothing is dropped silently.'),
    table(['source', 'row', 'line in file', 'name as written', 'reason'], r.rejected.slice(0, max).map((x) => [x.source, x.row, x.line, x.name, x.reason]), [1, 2]),
    capNote(r.rejected.length, max),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Dates and places

/** Columns for the by-date chart: ISO days in order, gaps up to three months filled with zero days, unknown last. */
function dateColumns(byDate: ReportData['by_date']): Column[] {
  const iso = byDate.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.date) && dayNumber(d.date) !== null);
  const other = byDate.filter((d) => !iso.includes(d) && d.date !== 'unknown');
  const unknown = byDate.find((d) => d.date === 'unknown');
  const counts = new Map(iso.map((d) => [d.date, d.persons]));
  const days = iso.map((d) => dayNumber(d.date)!);
  let dates = iso.map((d) => d.date);
  if (days.length > 1) {
    const first = Math.min(...days);
    const last = Math.max(...days);
    if (last - first <= 92) {
      dates = [];
      for (let d = first; d <= last; d++) dates.push(isoOfDay(d));
    }
  }
  const years = new Set(dates.map((d) => d.slice(0, 4)));
  const columns: Column[] = dates.map((d) => {
    const [y, m, day] = d.split('-').map(Number);
    const short = `${day} ${MONTHS[m - 1].slice(0, 3)}${years.size > 1 ? ` ${String(y).slice(2)}` : ''}`;
    return { label: short, tooltip: `${day} ${MONTHS[m - 1]} ${y}`, value: counts.get(d) ?? 0 };
  });
  for (const d of other) columns.push({ label: d.date, tooltip: d.date, value: d.persons });
  if (unknown) columns.push({ label: 'unknown', tooltip: 'date not known', value: unknown.persons, cls: 'muted' });
  return columns;
}

function dayNumber(iso: string): number | null {
  const [y, m, d] = iso.split('-').map(Number);
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = Date.UTC(y, m - 1, d);
  return Number.isFinite(t) ? Math.round(t / 86_400_000) : null;
}

function isoOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function placeText(p: ReportData['by_place'][number]): string {
  if (p.place === 'unknown') return 'not known';
  if (p.place.startsWith('?')) return `? ${p.label}`;
  return p.label || p.place;
}

function fieldLabel(field: string): string {
  return ({ date_of_death: 'date of death', sex: 'sex', age: 'age', place: 'place', category: 'category' } as Record<string, string>)[field] ?? field;
}

function categoryOf(s: SourceStats, category: string): number {
  return (s.by_category as Record<string, number>)[category] ?? 0;
}

function classSafe(s: string): string {
  return s.replace(/[^a-z0-9-]/gi, '_');
}

// ---------------------------------------------------------------------------------------------------------------
// The estimate, read defensively: report.json's `estimate` is written by another stage and may grow.

interface EstimateView {
  estimable: boolean;
  N: number | null;
  lower: number | null;
  upper: number | null;
  method: string;
  interval: string;
  reason: string;
  partial: boolean;
  named: number | null;
  excluded: Array<{ name: string; reason: string }>;
  strata: Array<{ stratum: string; persons: number | null; N: number | null; lower: number | null; upper: number | null; method: string; reason: string }>;
  notes: string[];
  warnings: string[];
  /** The estimate re-run on the persons found at other matching thresholds. */
  thresholds: Array<{ label: string; persons: number | null; N: number | null; lower: number | null; upper: number | null }>;
  /** The estimate over clusterings sampled from the link probabilities. */
  sampled: { draws: number; personsMin: number | null; personsMax: number | null; low: number | null; median: number | null; high: number | null } | null;
  /** The headline interval widened by linkage uncertainty, when other linkages widen it. */
  linkage: { lower: number; upper: number | null } | null;
  /** Log-linear models compared (unstratified estimate), best first. */
  models: Array<{ name: string; N: number | null; lower: number | null; upper: number | null; deltaAic: number | null; weight: number | null; saturated: boolean; reason: string }>;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function num(x: unknown): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

function str(x: unknown): string {
  return typeof x === 'string' ? x : typeof x === 'number' ? String(x) : '';
}

function strings(x: unknown): string[] {
  return Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : [];
}

/** The headline numbers of an estimate object: `{N, lower, upper, method, …}` directly or under `total`. */
function readTotal(x: Record<string, unknown>): Omit<EstimateView, 'excluded' | 'strata' | 'notes' | 'warnings' | 'thresholds' | 'sampled' | 'linkage' | 'models'> {
  const t = isObject(x.total) ? x.total : isObject(x.estimate) ? x.estimate : x;
  const N = num(t.N) ?? num(t.n_hat) ?? num(t.estimate);
  return {
    estimable: typeof t.estimable === 'boolean' ? t.estimable && N !== null : N !== null,
    N,
    lower: num(t.lower),
    upper: num(t.upper),
    method: str(t.method),
    interval: str(t.interval),
    reason: str(t.reason),
    partial: t.partial === true,
    named: num(t.named) ?? num(x.persons),
  };
}

function readEstimate(value: unknown): EstimateView | null {
  if (!isObject(value)) return null;
  const total = readTotal(value);
  const strata = Array.isArray(value.strata)
    ? value.strata.filter(isObject).map((s) => {
        const e = readTotal(s);
        return { stratum: str(s.stratum) || 'all', persons: num(s.persons), N: e.N, lower: e.lower, upper: e.upper, method: e.method, reason: e.reason };
      })
    : [];
  const excluded = Array.isArray(value.excluded) ? value.excluded.filter(isObject).map((e) => ({ name: str(e.name), reason: str(e.reason) })) : [];
  const thresholds = Array.isArray(value.thresholds)
    ? value.thresholds.filter(isObject).map((t) => {
        const e = readTotal(t);
        return { label: str(t.label) || `threshold ${str(t.threshold)}`, persons: num(t.persons), N: e.N, lower: e.lower, upper: e.upper };
      })
    : [];
  const c = value.clusterings;
  const sampled =
    isObject(c) && num(c.draws) !== null
      ? {
          draws: num(c.draws)!,
          personsMin: isObject(c.persons) ? num(c.persons.min) : null,
          personsMax: isObject(c.persons) ? num(c.persons.max) : null,
          low: isObject(c.N) ? num(c.N.p2_5) : null,
          median: isObject(c.N) ? num(c.N.median) : null,
          high: isObject(c.N) ? num(c.N.p97_5) : null,
        }
      : null;
  const comparison = Array.isArray(value.strata) && value.strata.length === 1 && isObject(value.strata[0]) ? value.strata[0].models : null;
  const models =
    isObject(comparison) && Array.isArray(comparison.models)
      ? comparison.models.filter(isObject).map((m) => ({
          name: str(m.name),
          N: num(m.N),
          lower: isObject(m.profile) ? num(m.profile.lower) : null,
          upper: isObject(m.profile) ? num(m.profile.upper) : null,
          deltaAic: num(m.deltaAic),
          weight: num(m.weight),
          saturated: m.saturated === true,
          reason: str(m.reason),
        }))
      : [];
  return {
    ...total,
    excluded,
    strata,
    notes: strings(value.plainLanguage ?? value.plain_language ?? value.notes),
    warnings: strings(value.warnings),
    thresholds,
    sampled,
    linkage:
      isObject(value.linkage) && value.linkage.widened === true && num(value.linkage.lower) !== null
        ? { lower: num(value.linkage.lower)!, upper: num(value.linkage.upper) }
        : null,
    models,
  };
}

function rangeText(lower: number | null, upper: number | null): string {
  if (lower === null) return '';
  return `${formatCount(lower)}–${upper === null ? 'unbounded' : formatCount(upper)}`;
}

function intervalText(est: EstimateView): string {
  if (est.lower === null) return '';
  return ` (95% interval ${formatCount(est.lower)} to ${est.upper === null ? 'no upper bound' : formatCount(est.upper)})`;
}

// ---------------------------------------------------------------------------------------------------------------
// Markup helpers (every text goes through escapeHtml)

function strong(escaped: string): string {
  return `<strong>${escaped}</strong>`;
}

/** A paragraph of markup already escaped by the caller. */
function paragraph(html: string): string {
  return `<p>${html}</p>`;
}

/** Paragraphs of markup already escaped by the caller. */
function paragraphs(texts: readonly string[]): string {
  return texts.map(paragraph).join('\n');
}

function list(items: readonly string[]): string {
  return `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
}

function figure(chart: string, caption?: string): string {
  return `<figure class="chart-wrap">${chart}${caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : ''}</figure>`;
}

function renderCell(c: Cell): string {
  return typeof c === 'object' ? c.html : escapeHtml(c);
}

function table(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>, numeric: readonly number[] = []): string {
  const num = new Set(numeric);
  const cls = (i: number): string => (num.has(i) ? ' class="num"' : '');
  const head = `<thead><tr>${header.map((h, i) => `<th scope="col"${cls(i)}>${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
  const body = rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${renderCell(c)}</td>`).join('')}</tr>`).join('\n');
  return `<div class="table-wrap"><table>${head}<tbody>\n${body}\n</tbody></table></div>`;
}

function capNote(total: number, max: number): string {
  return total > max ? paragraph(`<em>Showing the first ${max} of ${total} rows; report.json holds them all.</em>`) : '';
}

const STYLE = `
:root{--fg:#1d1d1f;--muted:#5f6368;--bg:#fff;--panel:#f5f6f8;--line:#d9dce1;--grid:#e8eaed;
--official:#6b6f76;--named:#1f6fb2;--estimate:#c0642b;--s0:#1f6fb2;--s1:#2f9e77;--s2:#c0642b;--mute:#a9adb3;
--security:#7b4fa0;--civilian:#2f9e77;--other:#d4a017;--unknown:#b7bbc1;--dot-off:#d9dce1}
@media (prefers-color-scheme:dark){:root{--fg:#e8eaed;--muted:#a9adb3;--bg:#16181b;--panel:#1f2226;--line:#3a3e44;--grid:#2b2f34;
--official:#9aa0a6;--named:#5fa8e8;--estimate:#e89560;--s0:#5fa8e8;--s1:#4fc79c;--s2:#e89560;--mute:#6b6f76;
--security:#b48ad8;--civilian:#4fc79c;--other:#e6c04a;--unknown:#6b6f76;--dot-off:#3a3e44}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif}
main{max-width:980px;margin:0 auto;padding:16px 20px 48px}
h1{font-size:1.7rem;line-height:1.2;margin:.4em 0 .5em}
h2{font-size:1.3rem;margin:2em 0 .6em;padding-top:.6em;border-top:1px solid var(--line)}
h3{font-size:1.05rem;margin:1.4em 0 .4em}
p{margin:.5em 0 .8em;max-width:75ch}
.lede{font-size:1.08rem}
nav{display:flex;flex-wrap:wrap;gap:6px 14px;font-size:.9rem;margin:1em 0}
a{color:var(--named)}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85em}
.hash{word-break:break-all;font-size:.75em}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:10px;margin:1em 0}
.figure{background:var(--panel);border-radius:8px;padding:10px 14px}
.figure-label{font-size:.85rem;color:var(--muted)}
.figure-value{font-size:1.9rem;font-weight:700;line-height:1.2;font-variant-numeric:tabular-nums}
.figure-note{font-size:.8rem;color:var(--muted)}
figure{margin:1em 0}
.chart-wrap{overflow-x:auto;-webkit-overflow-scrolling:touch}
figcaption{font-size:.85rem;color:var(--muted);margin-top:.3em}
svg.chart{display:block;width:100%;height:auto;font-family:inherit}
svg.chart text{fill:var(--fg);font-size:14px}
svg.chart .tick,svg.chart .sublabel,svg.chart .legend{fill:var(--muted);font-size:12px}
svg.chart .strong{font-weight:700}
svg.chart .value.small{font-size:11px}
svg.chart .inbar{fill:#fff;font-size:11.5px;font-weight:600}
svg.chart .axis{stroke:var(--muted);stroke-width:1}
svg.chart .grid{stroke:var(--grid);stroke-width:1}
svg.chart .reference{stroke:var(--official);stroke-width:1.5;stroke-dasharray:5 4}
svg.chart .whisker{stroke:var(--fg);stroke-width:2}
svg.chart .whisker-arrow{fill:var(--fg)}
svg.chart .bar{fill:var(--s0)}
svg.chart .bar.official{fill:var(--official)}
svg.chart .bar.named{fill:var(--named)}
svg.chart .bar.estimate{fill:var(--estimate);fill-opacity:.85}
svg.chart .bar.s1{fill:var(--s1)}
svg.chart .bar.s2{fill:var(--s2)}
svg.chart .bar.muted{fill:var(--mute)}
svg.chart .bar.cat-security{fill:var(--security)}
svg.chart .bar.cat-civilian{fill:var(--civilian)}
svg.chart .bar.cat-other{fill:var(--other)}
svg.chart .bar.cat-unknown{fill:var(--unknown)}
svg.chart .bar.setsize{fill:var(--official)}
svg.chart .bar.upset{fill:var(--named)}
svg.chart .stripe{fill:var(--panel)}
svg.chart .dot-on{fill:var(--fg)}
svg.chart .dot-off{fill:var(--dot-off)}
svg.chart .connector{stroke:var(--fg);stroke-width:3}
.table-wrap{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:.6em 0 1em;border:1px solid var(--line);border-radius:6px}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{padding:6px 10px;text-align:left;vertical-align:top;border-bottom:1px solid var(--grid)}
th{background:var(--panel);font-weight:600;white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
tbody tr:last-child td{border-bottom:0}
ul.values{margin:0;padding-left:1.1em}
.record{color:var(--muted);font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85em}
footer{margin-top:3em;padding-top:1em;border-top:1px solid var(--line);font-size:.85rem;color:var(--muted)}
@media (max-width:700px){main{padding:12px 12px 40px}h1{font-size:1.4rem}.figures{grid-template-columns:repeat(2,minmax(0,1fr))}
.figure-value{font-size:1.5rem}table{font-size:.85rem}th,td{padding:5px 7px}}
@media print{nav{display:none}.chart-wrap,.table-wrap{overflow:visible}h2{break-after:avoid}}
`.trim();
