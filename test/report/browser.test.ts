// report.html in a real browser: one headless Chromium (Debian's `chromium` package), driven over the DevTools
// protocol on a pipe, loads the page at laptop and phone widths and checks that every chart is laid out with visible
// shapes and unclipped labels, that untrusted text stays text, that nothing is fetched, and that the page fits a phone.
// Screenshots go to a temp folder, or to REPORT_SCREENSHOT_DIR when set. Skipped with a reason without Chromium.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportData } from '../../src/report/build-report.js';
import { renderReportHtml } from '../../src/report/render-html.js';

const ROOT = resolve(import.meta.dirname, '../..');
const HOSTILE = `<script>document.title="pwned"</script><img src="https://example.invalid/x.png"> O'Neil & "Sons"`;
const CHART_KINDS = ['headline', 'by-category', 'by-source', 'upset', 'by-date', 'by-place'];

function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((c): c is string => Boolean(c) && existsSync(c!)) ?? null;
}

const CHROMIUM = findChromium();
const SKIP_REASON = 'skipped: no chromium at /usr/bin/chromium (apt-get install chromium; .ci/run does this)';

/** A minimal DevTools-protocol client over --remote-debugging-pipe (fd 3 to the browser, fd 4 from it). */
class Browser {
  private nextId = 1;
  private pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  private listeners: Array<(method: string, params: any, sessionId?: string) => void> = [];
  private buffer = '';

  private constructor(private readonly child: ChildProcess) {
    const input = child.stdio[4] as Readable;
    input.setEncoding('utf8');
    input.on('data', (chunk: string) => {
      this.buffer += chunk;
      let end: number;
      while ((end = this.buffer.indexOf('\0')) >= 0) {
        const message = JSON.parse(this.buffer.slice(0, end));
        this.buffer = this.buffer.slice(end + 1);
        if (message.id !== undefined) {
          const p = this.pending.get(message.id);
          this.pending.delete(message.id);
          if (message.error) p?.reject(new Error(`${message.error.message} (${message.error.code})`));
          else p?.resolve(message.result);
        } else for (const l of this.listeners) l(message.method, message.params, message.sessionId);
      }
    });
    child.on('exit', () => {
      for (const p of this.pending.values()) p.reject(new Error('chromium exited'));
      this.pending.clear();
    });
  }

  static launch(executable: string, profile: string): Browser {
    const child = spawn(
      executable,
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
        '--remote-debugging-pipe',
        `--user-data-dir=${profile}`,
        'about:blank',
      ],
      { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
    );
    return new Browser(child);
  }

  send(method: string, params: object = {}, sessionId?: string): Promise<any> {
    const id = this.nextId++;
    const out = this.child.stdio[3] as Writable;
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no answer to ${method} within 60 s`));
      }, 60_000);
      this.pending.set(id, {
        resolve: (v) => (clearTimeout(timer), resolvePromise(v)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      out.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
    });
  }

  on(listener: (method: string, params: any, sessionId?: string) => void): void {
    this.listeners.push(listener);
  }

  /** Waits for one event (optionally of one session). */
  waitFor(method: string, sessionId?: string): Promise<any> {
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${method} within 60 s`)), 60_000);
      this.on((m, params, sid) => {
        if (m === method && (sessionId === undefined || sid === sessionId)) {
          clearTimeout(timer);
          resolvePromise(params);
        }
      });
    });
  }

  /** Closes the browser and waits for it to exit (so its profile folder can be removed). */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolveExit) => this.child.once('exit', () => resolveExit()));
    await this.send('Browser.close').catch(() => undefined);
    const timer = setTimeout(() => this.child.kill(), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

interface PageVisit {
  /** The DOM as the browser holds it after loading. */
  dom: string;
  /** Per chart (data-chart): rendered size, visible shapes, labels and labels sticking out of the chart. */
  charts: Record<string, { width: number; height: number; shapes: number; circles: number; texts: number; clipped: string[] }>;
  /** Horizontal overflow of the page itself (scrollWidth − viewport width); wide tables and charts scroll in their own box. */
  overflow: number;
  title: string;
  /** Every URL the page requested. */
  requests: string[];
  /** Console and CSP messages. */
  messages: string[];
}

/** Measures what the reader sees: run in the page through the protocol (the page itself runs no script). */
const MEASURE = `(() => {
  const charts = {};
  for (const svg of document.querySelectorAll('svg.chart')) {
    const box = svg.getBoundingClientRect();
    const vb = svg.viewBox.baseVal;
    const visible = (el) => { const b = el.getBBox(); return b.width > 0 && b.height > 0; };
    const clipped = [...svg.querySelectorAll('text')].filter((t) => {
      const b = t.getBBox();
      return b.x < vb.x - 1 || b.y < vb.y - 1 || b.x + b.width > vb.x + vb.width + 1 || b.y + b.height > vb.y + vb.height + 1;
    }).map((t) => t.textContent);
    charts[svg.dataset.chart] = {
      width: box.width, height: box.height,
      shapes: [...svg.querySelectorAll('rect, circle, path')].filter(visible).length,
      circles: svg.querySelectorAll('circle').length,
      texts: svg.querySelectorAll('text').length,
      clipped,
    };
  }
  return { charts, overflow: document.documentElement.scrollWidth - window.innerWidth, title: document.title, dom: document.documentElement.outerHTML };
})()`;

let browser: Browser | null = null;
const work = mkdtempSync(join(tmpdir(), 'reconcile-browser-'));
const shots = process.env.REPORT_SCREENSHOT_DIR ? resolve(process.env.REPORT_SCREENSHOT_DIR) : join(work, 'screenshots');
mkdirSync(shots, { recursive: true });
// Registered at the top so the folder goes even when the browser tests are skipped (hooks run in order: browser first).
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Opens a file in a fresh tab at the given viewport, measures it and optionally saves a full-page screenshot. */
async function visit(file: string, viewport: { width: number; height: number; mobile?: boolean }, screenshot?: string): Promise<PageVisit> {
  const b = browser!;
  const { targetId } = await b.send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await b.send('Target.attachToTarget', { targetId, flatten: true });
  const requests: string[] = [];
  const messages: string[] = [];
  b.on((method, params, sid) => {
    if (sid !== sessionId) return;
    if (method === 'Network.requestWillBeSent') requests.push(params.request.url);
    if (method === 'Log.entryAdded') messages.push(`${params.entry.level}: ${params.entry.text}`);
    if (method === 'Runtime.consoleAPICalled') messages.push(`console.${params.type}`);
  });
  try {
    await Promise.all(['Page.enable', 'Network.enable', 'Log.enable', 'Runtime.enable'].map((m) => b.send(m, {}, sessionId)));
    await b.send('Emulation.setDeviceMetricsOverride', { width: viewport.width, height: viewport.height, deviceScaleFactor: 1, mobile: Boolean(viewport.mobile) }, sessionId);
    const loaded = b.waitFor('Page.loadEventFired', sessionId);
    await b.send('Page.navigate', { url: pathToFileURL(file).href }, sessionId);
    await loaded;
    const { result, exceptionDetails } = await b.send('Runtime.evaluate', { expression: MEASURE, returnByValue: true }, sessionId);
    if (exceptionDetails) throw new Error(`measuring failed: ${JSON.stringify(exceptionDetails)}`);
    if (screenshot) {
      const metrics = await b.send('Page.getLayoutMetrics', {}, sessionId);
      const height = Math.ceil(metrics.cssContentSize.height);
      const { data } = await b.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip: { x: 0, y: 0, width: viewport.width, height, scale: 1 } }, sessionId);
      writeFileSync(screenshot, Buffer.from(data, 'base64'));
    }
    return { ...(result.value as Omit<PageVisit, 'requests' | 'messages'>), requests, messages };
  } finally {
    await b.send('Target.closeTarget', { targetId }).catch(() => undefined);
  }
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
  return { width, height, variety: new Set(inflateSync(Buffer.concat(idat))).size };
}

function writeHtml(name: string, html: string): string {
  const file = join(work, name);
  writeFileSync(file, html);
  return file;
}

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

/** Every expected chart is on screen, with visible shapes and labels, none of them cut off. */
function expectChartsDrawn(page: PageVisit, kinds: readonly string[]): void {
  expect(Object.keys(page.charts).sort()).toEqual([...kinds].sort());
  for (const [kind, c] of Object.entries(page.charts)) {
    expect(c.width, `${kind} width`).toBeGreaterThan(200);
    expect(c.height, `${kind} height`).toBeGreaterThan(50);
    expect(c.shapes, `${kind} draws visible shapes`).toBeGreaterThan(0);
    expect(c.texts, `${kind} has labels`).toBeGreaterThan(0);
    expect(c.clipped, `${kind}: labels outside the chart`).toEqual([]);
  }
  expect(page.charts.upset.circles).toBeGreaterThan(0);
}

/** Only the page itself was requested, nothing was blocked or logged, and no element could load anything. */
function expectNothingExternal(page: PageVisit, file: string): void {
  expect(page.requests).toEqual([pathToFileURL(file).href]);
  expect(page.messages).toEqual([]);
  for (const tag of page.dom.match(/<[a-zA-Z][^>]*>/g) ?? []) {
    expect(tag).not.toMatch(/^<(script|img|iframe|link|object|embed|image|use|foreignObject)\b/i);
    expect(tag).not.toMatch(/\s(src|srcset|action|formaction|on[a-z]+)=/i);
    expect(tag).not.toMatch(/\s(xlink:)?href="(?!#)/i);
  }
  expect(page.dom).not.toMatch(/@import|url\(/i);
}

// Generous timeouts: the machine may be shared and the fixture case runs the whole merge pipeline first.
describe.skipIf(!CHROMIUM)(`report.html in headless Chromium${CHROMIUM ? '' : ` (${SKIP_REASON})`}`, { timeout: 240_000 }, () => {
  beforeAll(() => {
    browser = Browser.launch(CHROMIUM!, mkdtempSync(join(work, 'profile-')));
  });
  afterAll(async () => {
    await browser?.close();
  });

  const report = sampleReport();
  const html = renderReportHtml(report);
  const file = writeHtml('report.html', html);

  it('draws every chart on a laptop screen, keeps untrusted text inert and fetches nothing', async () => {
    const png = join(shots, 'report-laptop.png');
    const page = await visit(file, { width: 1280, height: 900 }, png);
    expectChartsDrawn(page, CHART_KINDS);
    expectNothingExternal(page, file);
    expect(page.title).toBe('Casualty lists: discrepancy report');
    // The hostile name is in the page as text (serialised escaped again), not as elements.
    expect(page.dom).toContain('&lt;script&gt;document.title="pwned"&lt;/script&gt;&lt;img src="https://example.invalid/x.png"&gt; O\'Neil &amp; "Sons"');
    expect(page.overflow).toBeLessThanOrEqual(0);
    const image = readPng(png);
    expect(image.width).toBe(1280);
    expect(image.height).toBeGreaterThan(2000);
    expect(image.variety).toBeGreaterThan(16);
  });

  it('fits a phone screen: one column, charts scaled down, wide tables scrolling in place', async () => {
    const png = join(shots, 'report-phone.png');
    const page = await visit(file, { width: 390, height: 844, mobile: true }, png);
    expectChartsDrawn(page, CHART_KINDS);
    expect(page.overflow).toBeLessThanOrEqual(0);
    for (const [kind, c] of Object.entries(page.charts)) expect(c.width, kind).toBeLessThanOrEqual(390);
    expect(readPng(png).width).toBe(390);
  });

  it('draws the estimate with its interval when report.json has one', async () => {
    const estimateFile = writeHtml('report-estimate.html', renderReportHtml({ ...report, estimate: ESTIMATE }));
    const page = await visit(estimateFile, { width: 1280, height: 900 });
    expectChartsDrawn(page, CHART_KINDS);
    const headline = /<svg class="chart" data-chart="headline"[\s\S]*?<\/svg>/.exec(page.dom)![0];
    expect(count(headline, /class="bar estimate"/g)).toBe(1);
    expect(count(headline, /class="whisker"/g)).toBeGreaterThanOrEqual(4);
    expect(page.dom).toContain('<section id="estimate">');
  });

  it('keeps long and wide names, many dates, places and source combinations inside the charts', async () => {
    const long = 'ЖШЩ Мемориал: список погибших WWW';
    const renamed = JSON.parse(JSON.stringify(report).replaceAll('"list-a', `"${long}`)) as ReportData;
    const names = renamed.sources.map((src) => src.name);
    const stress: ReportData = {
      ...renamed,
      capture_histories: Array.from({ length: 45 }, (_, i) => ({ sources: names.filter((_, j) => ((i + 1) >> j) & 1 || j === i % 3), persons: 200 - i * 4 })),
      by_date: [
        ...Array.from({ length: 40 }, (_, i) => ({ date: `2022-${String(1 + Math.floor(i / 10)).padStart(2, '0')}-${String(1 + (i % 10) * 3).padStart(2, '0')}`, persons: (i * 7) % 23 })),
        { date: '2022-05', persons: 3 },
        { date: 'unknown', persons: 12 },
      ],
      by_place: Array.from({ length: 25 }, (_, i) => ({ place: `?place-${i}`, label: `${'Қаза тапқан жері ауылы '.repeat(2)}${i}`, persons: 1000 - i * 30 })),
    };
    const page = await visit(writeHtml('report-stress.html', renderReportHtml(stress, { title: long })), { width: 390, height: 844, mobile: true }, join(shots, 'stress-phone.png'));
    expectChartsDrawn(page, CHART_KINDS);
    expect(page.overflow).toBeLessThanOrEqual(0);
  });

  it('renders every chart as well-formed SVG (parsed as XML)', async () => {
    const charts = html.match(/<svg class="chart"[\s\S]*?<\/svg>/g) ?? [];
    const xhtml = `<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>charts</title></head><body>${charts.join('\n')}</body></html>`;
    const page = await visit(writeHtml('charts.xhtml', xhtml), { width: 1280, height: 900 });
    expect(page.dom).not.toContain('parsererror');
    expectChartsDrawn(page, CHART_KINDS);
  });

  it('draws the report of the January 2022 fixtures', async () => {
    // In-process run of the real command (src, no build needed); imported here so a broken pipeline fails only this test.
    const { runCli } = await import('../../src/cli/run-cli.js');
    const stderr = new PassThrough();
    const stdout = new PassThrough();
    let errText = '';
    stderr.on('data', (d: Buffer) => (errText += d.toString()));
    stdout.resume();
    const out = join(work, 'merge-out');
    const code = await runCli(['merge', '--config', join(ROOT, 'fixtures/jan2022/config.json'), '--out', out], { stdout, stderr, stdin: new PassThrough(), env: { NO_COLOR: '1' }, cwd: ROOT });
    expect(code, errText).toBe(0);
    const real = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as ReportData;
    // Prefer the report.html that `merge` wrote; render it here while merge does not write one yet.
    const page = existsSync(join(out, 'report.html')) ? join(out, 'report.html') : writeHtml('fixtures.html', renderReportHtml(real));
    const visited = await visit(page, { width: 1280, height: 900 }, join(shots, 'fixtures-laptop.png'));
    expectChartsDrawn(visited, CHART_KINDS);
    expectNothingExternal(visited, page);
    expect(visited.dom).toContain(`<div class="figure-value">${real.persons}</div>`);
    const phone = await visit(page, { width: 390, height: 844, mobile: true }, join(shots, 'fixtures-phone.png'));
    expectChartsDrawn(phone, CHART_KINDS);
    expect(phone.overflow).toBeLessThanOrEqual(0);
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
