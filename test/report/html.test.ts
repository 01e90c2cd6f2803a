// report.html: structure, charts, escaping of untrusted text, caps on long tables and the optional estimate section.
import { describe, expect, it } from 'vitest';
import type { ReportData } from '../../src/report/build-report.js';
import { renderReportHtml } from '../../src/report/render-html.js';
import { escapeHtml, fitLabel } from '../../src/report/svg/escape.js';
import { axisTicks, niceStep } from '../../src/report/svg/scale.js';
import { drawUpsetChart } from '../../src/report/svg/upset-chart.js';

const HOSTILE = `<script>alert("x")</script> O'Neil & "Sons"`;

/** A small report shaped like the January 2022 fixtures: an official list of security officers and two civil lists. */
function sampleReport(overrides: Partial<ReportData> = {}): ReportData {
  const sources: ReportData['sources'] = [
    { name: 'official', file: 'official.csv', sha256: 'a'.repeat(64), encoding: 'utf-8', delimiter: ',', records: 19, persons: 19, only_here: 2, duplicates: 0, rejected: 0, coverage: 0.0841, covers: 'security', unique: true, by_category: { civilian: 0, security: 19, other: 0, unknown: 0 } },
    { name: 'list-a', file: 'list_a.csv', sha256: 'b'.repeat(64), encoding: 'windows-1251', delimiter: ';', records: 190, persons: 186, only_here: 20, duplicates: 2, rejected: 2, coverage: 0.823, unique: false, by_category: { civilian: 170, security: 12, other: 2, unknown: 2 } },
    { name: 'list-b', file: 'list_b.csv', sha256: 'c'.repeat(64), encoding: 'utf-8', delimiter: ',', records: 224, persons: 218, only_here: 25, duplicates: 3, rejected: 3, coverage: 0.9646, unique: false, by_category: { civilian: 196, security: 17, other: 3, unknown: 2 } },
  ];
  return {
    schema_version: 1,
    official_total: 241,
    persons: 226,
    gap: 15,
    persons_range: { stricter: { threshold: 0.97, persons: 233 }, looser: { threshold: 0.8, persons: 219 } },
    records: 433,
    linked_records: 428,
    rejected_records: 5,
    threshold: 0.9,
    threshold_source: 'config',
    threshold_table: [
      { threshold: 0.8, persons: 219 },
      { threshold: 0.9, persons: 226 },
      { threshold: 0.97, persons: 233 },
    ],
    sources,
    overlap: {
      'list-a': { 'list-a': 186, 'list-b': 163, official: 11 },
      'list-b': { 'list-a': 163, 'list-b': 218, official: 16 },
      official: { 'list-a': 11, 'list-b': 16, official: 19 },
    },
    capture_histories: [
      { sources: ['list-a', 'list-b'], persons: 155 },
      { sources: ['list-b'], persons: 39 },
      { sources: ['list-a'], persons: 12 },
      { sources: ['official', 'list-a', 'list-b'], persons: 8 },
      { sources: ['official', 'list-b'], persons: 8 },
      { sources: ['official', 'list-a'], persons: 3 },
      { sources: ['official'], persons: 1 },
    ],
    by_category: [
      { category: 'security', persons: 21, by_source: { 'list-a': 12, 'list-b': 17, official: 19 } },
      { category: 'civilian', persons: 199, by_source: { 'list-a': 170, 'list-b': 196, official: 0 } },
      { category: 'other', persons: 3, by_source: { 'list-a': 2, 'list-b': 3, official: 0 } },
      { category: 'unknown', persons: 3, by_source: { 'list-a': 2, 'list-b': 2, official: 0 } },
    ],
    by_date: [
      { date: '2022-01-05', persons: 96 },
      { date: '2022-01-06', persons: 71 },
      { date: '2022-01-07', persons: 30 },
      { date: '2022-01-10', persons: 9 },
      { date: 'unknown', persons: 20 },
    ],
    by_place: [
      { place: 'almaty', label: 'Almaty', persons: 160 },
      { place: 'taldykorgan', label: 'Taldykorgan', persons: 21 },
      { place: 'shymkent', label: 'Shymkent', persons: 14 },
      { place: '?ауыл жаңа', label: 'ауыл жаңа', persons: 2 },
      { place: 'unknown', label: 'unknown', persons: 29 },
    ],
    conflicts: [
      { person_id: 'P0007', name: 'Тестов Алмас Ерланович', field: 'age', values: [{ record: 'list-a:7', source: 'list-a', value: '34' }, { record: 'list-b:12', source: 'list-b', value: '43' }] },
      { person_id: 'P0042', name: 'Примерова Айгерим', field: 'date_of_death', values: [{ record: 'list-a:40', source: 'list-a', value: '2022-01-05' }, { record: 'list-b:51', source: 'list-b', value: '2022-01-06' }] },
    ],
    review: { pending: 1, decisions_applied: 2, pairs: [{ record_a: 'list-a:90', record_b: 'list-b:97', probability: 0.6312, name_a: 'Образцов Нурлан', name_b: 'Obraztsov Nurlan' }] },
    within_source_duplicates: [{ record_a: 'list-b:3', record_b: 'list-b:140' }],
    rejected: [{ source: 'list-a', row: 55, line: 56, name: '', reason: 'empty name' }],
    candidate_pairs: 1873,
    warnings: [],
    ...overrides,
  };
}

/** An estimate shaped like src/estimate's EstimateResult. */
const ESTIMATE = {
  persons: 226,
  lists: ['list-a', 'list-b'],
  excluded: [{ name: 'official', reason: 'covers security officers only' }],
  stratify: null,
  selection: 'aic',
  strata: [],
  total: { estimable: true, named: 225, N: 262.4, se: 8.1, lower: 249.6, upper: 281.9, method: 'Chapman (two lists)', interval: 'log-transformed (Chao 1987)' },
  warnings: ['The two lists may not be independent.'],
  plainLanguage: ['The lists are assumed to record people independently of each other.'],
};

function count(html: string, needle: RegExp): number {
  return html.match(needle)?.length ?? 0;
}

function chartOf(html: string, kind: string): string {
  const m = new RegExp(`<svg class="chart" data-chart="${kind}"[\\s\\S]*?</svg>`).exec(html);
  if (!m) throw new Error(`no chart ${kind}`);
  return m[0];
}

describe('renderReportHtml', () => {
  const html = renderReportHtml(sampleReport());

  it('is one complete, self-contained page', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|\bsrc=/i);
    // The only URL is the SVG namespace, which is an identifier and is never fetched.
    const urls = html.match(/https?:\/\/[^\s"'<>)]+/g) ?? [];
    expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/2000/svg']));
  });

  it('draws every chart with data in it', () => {
    for (const kind of ['headline', 'by-category', 'by-source', 'upset', 'by-date', 'by-place']) {
      const svg = chartOf(html, kind);
      expect(count(svg, /<rect /g), kind).toBeGreaterThan(0);
      expect(svg, kind).toMatch(/role="img" aria-labelledby="chart-[a-z-]+-title chart-[a-z-]+-desc"/);
      // Shown without the page's style sheet, the labels keep the size they were fitted for.
      expect(svg, kind).toMatch(/^<svg [^>]*font-size="14" font-family="sans-serif"/);
    }
    expect(count(html, /<svg class="chart"/g)).toBe(6);
  });

  it('states the headline figures in words', () => {
    expect(html).toContain('<strong>226</strong> distinct people are named');
    expect(html).toContain('The official total is <strong>241</strong>; it exceeds the number of named people by <strong>15</strong>.');
    expect(html).toContain('<div class="figure-value">219–233</div>');
    const headline = chartOf(html, 'headline');
    expect(headline).toContain('Official total');
    expect(headline).toContain('class="reference"');
    expect(headline).not.toContain('Estimated total');
  });

  it('lists each source with its fingerprint and counts', () => {
    expect(html).toContain(`<code class="hash">${'b'.repeat(64)}</code>`);
    expect(html).toMatch(/<tr><td>list-a<\/td><td class="num">190<\/td><td class="num">186<\/td><td class="num">2<\/td><td class="num">20<\/td><td class="num">2<\/td><td class="num">82\.3%<\/td>/);
    expect(html).toContain('<strong>official</strong> covers security persons only and names 19 of them; all lists together name 21 security persons (list-a 12, list-b 17).');
  });

  it('draws the UpSet chart as bars over a dot matrix', () => {
    const svg = chartOf(html, 'upset');
    const r = sampleReport();
    expect(count(svg, /<g class="history">/g)).toBe(r.capture_histories.length);
    expect(count(svg, /class="dot-on"/g)).toBe(r.capture_histories.reduce((n, h) => n + h.sources.length, 0));
    expect(count(svg, /class="dot-(on|off)"/g)).toBe(r.capture_histories.length * r.sources.length);
    expect(count(svg, /class="connector"/g)).toBe(r.capture_histories.filter((h) => h.sources.length > 1).length);
    expect(svg).toContain('<title>official + list-a + list-b: 8 persons</title>');
  });

  it('fills missing days in the date chart and puts unknown dates last', () => {
    const svg = chartOf(html, 'by-date');
    expect(count(svg, /<g class="col">/g)).toBe(7); // 5..10 January and "unknown"
    expect(svg).toContain('<title>8 January 2022: 0 persons</title>');
    expect(svg.lastIndexOf('bar s0 muted')).toBeGreaterThan(svg.lastIndexOf('10 January 2022'));
  });

  it('keeps the top places and groups the rest', () => {
    const places = Array.from({ length: 20 }, (_, i) => ({ place: `p${String(i).padStart(2, '0')}`, label: `Place ${i}`, persons: 40 - i }));
    const out = renderReportHtml(sampleReport({ by_place: [...places, { place: 'unknown', label: 'unknown', persons: 5 }] }));
    const svg = chartOf(out, 'by-place');
    expect(count(svg, /<g class="row">/g)).toBe(17);
    expect(svg).toContain('>other places (5)</text>');
    expect(svg).toContain('<title>other places (5): 115 persons</title>'); // 25 + 24 + 23 + 22 + 21
    expect(svg).toContain('>place not known</text>');
  });

  it('escapes untrusted text everywhere it appears', () => {
    const r = sampleReport({
      threshold_source: HOSTILE,
      conflicts: [{ person_id: 'P1', name: HOSTILE, field: 'place', values: [{ record: 'list-a:1', source: 'list-a', value: HOSTILE }] }],
      review: { pending: 1, decisions_applied: 0, pairs: [{ record_a: 'list-a:1', record_b: 'list-b:2', probability: 0.5, name_a: HOSTILE, name_b: `"><svg onload=alert(1)>` }] },
      rejected: [{ source: 'list-a', row: 3, line: 4, name: HOSTILE, reason: `bad <b>name</b>` }],
      by_place: [{ place: `?${HOSTILE}`, label: HOSTILE, persons: 3 }],
      warnings: [HOSTILE],
    });
    const out = renderReportHtml(r);
    expect(out).not.toContain('<script');
    expect(out).not.toContain('<svg onload');
    expect(out).not.toContain('<b>name</b>');
    expect(out).not.toMatch(/O'Neil|"Sons"/);
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Neil &amp; &quot;Sons&quot;');
    // In the SVG too (place labels are cut to fit, with the full text in a tooltip).
    expect(chartOf(out, 'by-place')).toContain('<title>? &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Neil &amp; &quot;Sons&quot;</title>');
  });

  it('caps long tables at 500 rows with a note', () => {
    const rejected = Array.from({ length: 600 }, (_, i) => ({ source: 'list-b', row: i + 1, line: i + 2, name: '', reason: 'empty name' }));
    const out = renderReportHtml(sampleReport({ rejected, rejected_records: 600 }));
    const section = /<section id="rejected">[\s\S]*?<\/section>/.exec(out)![0];
    expect(count(section, /<tr><td>list-b<\/td>/g)).toBe(500);
    expect(section).toContain('Showing the first 500 of 600 rows; report.json holds them all.');
    expect(out).toContain('<h2>Rejected rows (600)</h2>');
  });

  it('works without an official total', () => {
    const out = renderReportHtml(sampleReport({ official_total: null, gap: null }));
    expect(out).not.toContain('Official total');
    expect(chartOf(out, 'headline')).not.toContain('class="reference"');
  });

  it('is deterministic and takes a title', () => {
    expect(renderReportHtml(sampleReport())).toBe(html);
    const titled = renderReportHtml(sampleReport(), { title: 'January 2022 & after' });
    expect(titled).toContain('<title>January 2022 &amp; after</title>');
    expect(titled).toContain('<h1>January 2022 &amp; after</h1>');
  });
});

describe('the estimate section', () => {
  it('is absent without an estimate', () => {
    expect(renderReportHtml(sampleReport())).not.toContain('id="estimate"');
  });

  it('shows the estimate, its interval and its assumptions', () => {
    const out = renderReportHtml(sampleReport({ estimate: ESTIMATE }));
    expect(out).toContain('<section id="estimate">');
    expect(out).toContain('Estimated total: <strong>262</strong> (95% interval 250 to 282), resting on 225 named people. Method: Chapman (two lists); interval: log-transformed (Chao 1987).');
    expect(out).toContain('<li>official: covers security officers only</li>');
    expect(out).toContain('<li>The lists are assumed to record people independently of each other.</li>');
    const headline = chartOf(out, 'headline');
    expect(headline).toContain('Estimated total');
    expect(count(headline, /class="bar estimate"/g)).toBe(1);
  });

  it('shows how the estimate moves with matching and which models were compared', () => {
    const model = (name: string, N: number, lower: number, upper: number, deltaAic: number, weight: number) => ({ name, N, profile: { lower, upper, mode: N }, deltaAic, weight, saturated: false, estimable: true });
    const estimate = {
      ...ESTIMATE,
      strata: [{ stratum: 'all', persons: 226, estimate: ESTIMATE.total, models: { models: [model('a×b', 262.4, 249.6, 281.9, 0, 0.71), model('independence', 240.2, 236.1, 246.8, 1.8, 0.29)] } }],
      thresholds: [
        { label: 'threshold 0.97', threshold: 0.97, persons: 233, estimate: { estimable: true, N: 270.2, lower: 255.1, upper: 291.7 } },
        { label: 'threshold 0.8', threshold: 0.8, persons: 219, estimate: { estimable: false, N: null, lower: null, upper: null, reason: 'no overlap' } },
      ],
      clusterings: { draws: 30, seed: 1, estimable: 30, persons: { min: 221, median: 225, max: 230 }, N: { p2_5: 251.2, median: 261.9, p97_5: 276.4 } },
    };
    const section = /<section id="estimate">[\s\S]*?<\/section>/.exec(renderReportHtml(sampleReport({ estimate })))![0];
    expect(section).toContain('<tr><td>threshold 0.97</td><td class="num">233</td><td class="num">270</td><td>255–292</td></tr>');
    expect(section).toContain('<tr><td>threshold 0.8</td><td class="num">219</td><td class="num">not estimable</td><td></td></tr>');
    expect(section).toContain('Drawing 30 alternative linkings at random, each uncertain link held with its estimated probability, the number of named people ranged from 221 to 230 and 95% of the estimates fell between 251 and 276 (median 262).');
    expect(section).toContain('<tr><td>a×b</td><td class="num">262</td><td>250–282</td><td class="num">0.0</td><td class="num">0.71</td></tr>');
    expect(section).not.toContain('<h3>By group</h3>');
    expect(section).not.toContain('With the uncertainty of matching added');
    const widened = { ...estimate, linkage: { lower: 250, upper: 292, widened: true, lowerFrom: 'headline', upperFrom: 'threshold 0.97' } };
    const withLinkage = /<section id="estimate">[\s\S]*?<\/section>/.exec(renderReportHtml(sampleReport({ estimate: widened })))![0];
    expect(withLinkage).toContain('With the uncertainty of matching added, the 95% range is <strong>250–292</strong>');
    const notWidened = { ...estimate, linkage: { ...widened.linkage, widened: false } };
    expect(renderReportHtml(sampleReport({ estimate: notWidened }))).not.toContain('With the uncertainty of matching added');
  });

  it('marks an interval without an upper bound with an arrow', () => {
    const est = { ...ESTIMATE, total: { ...ESTIMATE.total, N: 900, lower: 300, upper: null } };
    const headline = chartOf(renderReportHtml(sampleReport({ estimate: est })), 'headline');
    expect(headline).toContain('class="whisker-arrow"');
    expect(headline).toContain('95% interval 300 to no upper bound');
  });

  it('says why when there is no estimate', () => {
    const out = renderReportHtml(sampleReport({ estimate: { total: { estimable: false, N: null, reason: 'the lists share nobody', method: '' } } }));
    expect(out).toContain('No estimate could be made: the lists share nobody');
    expect(chartOf(out, 'headline')).not.toContain('Estimated total');
  });

  it.each([['a string', 'estimate'], ['an empty object', {}], ['a bad total', { total: 'x', strata: [1, null, { stratum: 7 }] }], ['an array', [1, 2]]])('tolerates %s', (_, estimate) => {
    expect(() => renderReportHtml(sampleReport({ estimate }))).not.toThrow();
  });
});

describe('chart helpers', () => {
  it.each([
    [241, 5, 50],
    [9, 5, 2],
    [0, 5, 1],
    [1873, 4, 500],
  ])('niceStep(%d, %d) = %d', (value, ticks, step) => {
    expect(niceStep(value, ticks)).toBe(step);
  });

  it('axisTicks covers the value', () => {
    expect(axisTicks(241, 5)).toEqual([0, 50, 100, 150, 200, 250]);
    expect(axisTicks(1, 4)).toEqual([0, 1]);
  });

  it('escapes markup and control characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(escapeHtml('a\u0000b\u001bc\td')).toBe('a\ufffdb\ufffdc\td');
  });

  it('cuts labels to the space they have, wide letters counting more', () => {
    expect(fitLabel('Almaty', 140, 14)).toBe('Almaty');
    expect(fitLabel('Petropavl and the villages around it', 120, 14)).toBe('Petropavl an…');
    expect(fitLabel('ШШШШШШШШШШШШШШШШ', 120, 14)).toBe('ШШШШШШШ…');
    expect(fitLabel('Қызылорда облысы', 100, 14)).toBe('Қызылорда …');
  });

  it('limits the UpSet chart to maxColumns', () => {
    const histories = Array.from({ length: 10 }, (_, i) => ({ sources: ['a'], persons: 10 - i }));
    const svg = drawUpsetChart({ sources: [{ name: 'a', persons: 55 }], histories, maxColumns: 4 });
    expect(count(svg, /<g class="history">/g)).toBe(4);
    expect(svg).toContain('6 smaller combinations not drawn.');
  });
});
