// report.html in a real browser: headless Chromium (Debian's `chromium` package) loads the page, the test checks the
// parsed DOM (charts drawn, untrusted text inert, nothing external), that every chart is well-formed SVG, and saves
// screenshots at laptop and phone widths (into a temp folder, or REPORT_SCREENSHOT_DIR when set).
// Skipped with a reason when Chromium is not installed; .ci/run installs it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReportData } from '../../src/report/build-report.js';
import { renderReportHtml } from '../../src/report/render-html.js';

const ROOT = resolve(import.meta.dirname, '../..');
const HOSTILE = `<script>document.title="pwned"</script><img src="https://example.invalid/x.png"> O'Neil & "Sons"`;

function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((c): c is string => Boolean(c) && existsSync(c!)) ?? null;
}

const CHROMIUM = findChromium();
const SKIP_REASON = 'skipped: no chromium at /usr/bin/chromium (apt-get install chromium; .ci/run does this)';
const work = mkdtempSync(join(tmpdir(), 'reconcile-browser-'));
const shots = process.env.REPORT_SCREENSHOT_DIR ? resolve(process.env.REPORT_SCREENSHOT_DIR) : join(work, 'screenshots');
mkdirSync(shots, { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs headless Chromium once on a local file with extra flags; returns its stdout. */
function runChromium(file: string, extra: string[]): string {
  const profile = mkdtempSync(join(work, 'profile-'));
  const r = spawnSync(
    CHROMIUM!,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-extensions',
      '--hide-scrollbars',
      `--user-data-dir=${profile}`,
      ...extra,
      pathToFileURL(file).href,
    ],
    { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
  );
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`chromium exited with ${r.status}: ${r.stderr.slice(-2000)}`);
  return r.stdout;
}

/** The DOM as Chromium serialises it after loading the page. */
function dumpDom(file: string): string {
  return runChromium(file, ['--dump-dom', '--window-size=1280,2400']);
}

/** The <svg class="chart"> elements of a serialised DOM, by data-chart. */
function chartsOf(dom: string): Map<string, string> {
  const charts = new Map<string, string>();
  for (const m of dom.matchAll(/<svg class="chart" data-chart="([a-z-]+)"[\s\S]*?<\/svg>/g)) charts.set(m[1], m[0]);
  return charts;
}

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

/** Width, height and a rough measure of variety (distinct byte values of the decompressed image data) of a PNG. */
function readPng(file: string): { width: number; height: number; variety: number } {
  const png = readFileSync(file);
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const pixels = inflateSync(Buffer.concat(idat));
  return { width, height, variety: new Set(pixels).size };
}

function writeHtml(name: string, html: string): string {
  const file = join(work, name);
  writeFileSync(file, html);
  return file;
}

function expectChartsDrawn(dom: string, kinds: readonly string[]): void {
  const charts = chartsOf(dom);
  expect([...charts.keys()].sort()).toEqual([...kinds].sort());
  for (const [kind, svg] of charts) {
    expect(count(svg, /<(rect|circle|path)\b/g), `${kind} draws shapes`).toBeGreaterThan(0);
    expect(count(svg, /<text\b/g), `${kind} has labels`).toBeGreaterThan(0);
    expect(svg, `${kind} has a title`).toMatch(/<title id="chart-[a-z-]+-title">[^<]+<\/title>/);
  }
  expect(count(charts.get('upset')!, /<circle\b/g)).toBeGreaterThan(0);
}

/** No element that loads or runs anything, and no attribute pointing outside the page (text content is ignored). */
function expectNothingExternal(dom: string): void {
  const tags = dom.match(/<[a-zA-Z][^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(100);
  for (const tag of tags) {
    expect(tag).not.toMatch(/^<(script|img|iframe|link|object|embed|image|use|foreignObject)\b/i);
    expect(tag).not.toMatch(/\s(src|srcset|action|formaction|on[a-z]+)=/i);
    expect(tag).not.toMatch(/\s(xlink:)?href="(?!#)/i);
    expect(tag).not.toMatch(/url\(/i);
  }
  expect(dom).not.toMatch(/@import|url\(/i);
}

describe.skipIf(!CHROMIUM)(`report.html in headless Chromium${CHROMIUM ? '' : ` (${SKIP_REASON})`}`, () => {
  const report = sampleReport();
  const html = renderReportHtml(report);
  const file = writeHtml('report.html', html);

  it('draws every chart, shows untrusted text as text and references nothing external', () => {
    const dom = dumpDom(file);
    expectChartsDrawn(dom, ['headline', 'by-category', 'by-source', 'upset', 'by-date', 'by-place']);
    expectNothingExternal(dom);
    // The hostile name is in the page as text, escaped again by the serialiser, and the page title is untouched.
    expect(dom).toContain('&lt;script&gt;document.title="pwned"&lt;/script&gt;&lt;img src="https://example.invalid/x.png"&gt; O\'Neil &amp; "Sons"');
    expect(dom).toContain('<title>Casualty lists: discrepancy report</title>');
    expect(count(dom, /<section id="/g)).toBeGreaterThanOrEqual(12);
  });

  it('draws the estimate with its interval when report.json has one', () => {
    const dom = dumpDom(writeHtml('report-estimate.html', renderReportHtml({ ...report, estimate: ESTIMATE })));
    const headline = chartsOf(dom).get('headline')!;
    expect(count(headline, /class="bar estimate"/g)).toBe(1);
    expect(count(headline, /class="whisker"/g)).toBeGreaterThanOrEqual(4);
    expect(dom).toContain('<section id="estimate">');
  });

  it('renders every chart as well-formed SVG (parsed as XML)', () => {
    const charts = [...chartsOf(html).values()];
    const xhtml = `<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>charts</title></head><body>${charts.join('\n')}</body></html>`;
    const dom = dumpDom(writeHtml('charts.xhtml', xhtml));
    expect(dom).not.toContain('parsererror');
    expect(count(dom, /<svg [^>]*class="chart"/g)).toBe(charts.length);
  });

  it.each([
    ['laptop', 1280, 2400],
    ['phone', 390, 2400],
  ])('saves a %s screenshot', (name, width, height) => {
    const png = join(shots, `report-${name}.png`);
    rmSync(png, { force: true });
    runChromium(file, [`--screenshot=${png}`, `--window-size=${width},${height}`]);
    const image = readPng(png);
    expect(image.width).toBe(width);
    expect(image.height).toBe(height);
    expect(image.variety).toBeGreaterThan(16);
  });

  const fixtureConfig = join(ROOT, 'fixtures/jan2022/config.json');
  const bin = join(ROOT, 'bin/reconcile.js');
  const pipelineReady = existsSync(fixtureConfig) && existsSync(bin) && existsSync(join(ROOT, 'dist'));
  it.skipIf(!pipelineReady)(`draws the report of the January 2022 fixtures${pipelineReady ? '' : ' (skipped: fixtures or build missing; run npm run build)'}`, () => {
    const out = join(work, 'merge-out');
    const r = spawnSync(process.execPath, [bin, 'merge', '--config', fixtureConfig, '--out', out], { encoding: 'utf8', cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, timeout: 300_000 });
    expect(r.status, r.stderr).toBe(0);
    const real = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as ReportData;
    // Prefer the report.html that `merge` wrote; render it here if this build does not write one yet.
    const page = existsSync(join(out, 'report.html')) ? join(out, 'report.html') : writeHtml('fixtures.html', renderReportHtml(real));
    const dom = dumpDom(page);
    expectChartsDrawn(dom, ['headline', 'by-category', 'by-source', 'upset', 'by-date', 'by-place', ...(dom.includes('data-chart="estimate"') ? ['estimate'] : [])]);
    expectNothingExternal(dom);
    expect(dom).toContain(`<div class="figure-value">${real.persons}</div>`);
    runChromium(page, [`--screenshot=${join(shots, 'fixtures-laptop.png')}`, '--window-size=1280,2400']);
    expect(readPng(join(shots, 'fixtures-laptop.png')).variety).toBeGreaterThan(16);
  });
});

/** A small report shaped like the fixtures, with a hostile name in several places. */
function sampleReport(): ReportData {
  const cat = (civilian: number, security: number) => ({ civilian, security, other: 0, unknown: 0 });
  return {
    schema_version: 1,
    official_total: 241,
    persons: 224,
    gap: 17,
    persons_range: { stricter: { threshold: 0.97, persons: 231 }, looser: { threshold: 0.8, persons: 217 } },
    records: 431,
    linked_records: 428,
    rejected_records: 3,
    threshold: 0.9,
    threshold_source: 'config',
    threshold_table: [
      { threshold: 0.8, persons: 217 },
      { threshold: 0.9, persons: 224 },
      { threshold: 0.97, persons: 231 },
    ],
    sources: [
      { name: 'official', file: 'official.csv', sha256: '0'.repeat(64), encoding: 'utf-8', delimiter: ',', records: 19, persons: 19, only_here: 1, duplicates: 0, rejected: 0, coverage: 0.0848, covers: 'security', unique: true, by_category: cat(0, 19) },
      { name: 'list-a', file: 'list_a.csv', sha256: '1'.repeat(64), encoding: 'windows-1251', delimiter: ';', records: 190, persons: 186, only_here: 12, duplicates: 3, rejected: 1, coverage: 0.8304, unique: false, by_category: cat(174, 12) },
      { name: 'list-b', file: 'list_b.csv', sha256: '2'.repeat(64), encoding: 'utf-8', delimiter: ',', records: 222, persons: 216, only_here: 31, duplicates: 4, rejected: 2, coverage: 0.9643, unique: false, by_category: cat(199, 17) },
    ],
    overlap: {
      'list-a': { 'list-a': 186, 'list-b': 166, official: 11 },
      'list-b': { 'list-a': 166, 'list-b': 216, official: 16 },
      official: { 'list-a': 11, 'list-b': 16, official: 19 },
    },
    capture_histories: [
      { sources: ['list-a', 'list-b'], persons: 157 },
      { sources: ['list-b'], persons: 31 },
      { sources: ['list-a'], persons: 12 },
      { sources: ['official', 'list-a', 'list-b'], persons: 9 },
      { sources: ['official', 'list-b'], persons: 7 },
      { sources: ['official', 'list-a'], persons: 2 },
      { sources: ['official'], persons: 1 },
    ],
    by_category: [
      { category: 'security', persons: 21, by_source: { 'list-a': 12, 'list-b': 17, official: 19 } },
      { category: 'civilian', persons: 203, by_source: { 'list-a': 174, 'list-b': 199, official: 0 } },
      { category: 'other', persons: 0, by_source: { 'list-a': 0, 'list-b': 0, official: 0 } },
    ],
    by_date: [
      { date: '2022-01-05', persons: 98 },
      { date: '2022-01-06', persons: 70 },
      { date: '2022-01-07', persons: 31 },
      { date: '2022-01-09', persons: 6 },
      { date: 'unknown', persons: 19 },
    ],
    by_place: [
      { place: 'almaty', label: 'Almaty', persons: 158 },
      { place: 'taldykorgan', label: 'Taldykorgan', persons: 22 },
      { place: 'shymkent', label: 'Shymkent', persons: 12 },
      { place: `?${HOSTILE}`, label: HOSTILE, persons: 1 },
      { place: 'unknown', label: 'unknown', persons: 31 },
    ],
    conflicts: [{ person_id: 'P0003', name: HOSTILE, field: 'age', values: [{ record: 'list-a:3', source: 'list-a', value: '31' }, { record: 'list-b:8', source: 'list-b', value: HOSTILE }] }],
    review: { pending: 1, decisions_applied: 0, pairs: [{ record_a: 'list-a:20', record_b: 'list-b:25', probability: 0.71, name_a: 'Тестов Ерлан', name_b: HOSTILE }] },
    within_source_duplicates: [{ record_a: 'list-b:4', record_b: 'list-b:90' }],
    rejected: [{ source: 'list-a', row: 7, line: 8, name: HOSTILE, reason: 'no usable name' }],
    candidate_pairs: 1650,
    warnings: [HOSTILE],
  };
}

const ESTIMATE = {
  persons: 224,
  lists: ['list-a', 'list-b'],
  excluded: [{ name: 'official', reason: 'covers security officers only' }],
  strata: [],
  total: { estimable: true, named: 223, N: 259.8, se: 7.9, lower: 247.1, upper: 278.6, method: 'Chapman (two lists)', interval: 'log-transformed (Chao 1987)' },
  warnings: [],
  plainLanguage: ['The lists are assumed to record people independently of each other.'],
};
