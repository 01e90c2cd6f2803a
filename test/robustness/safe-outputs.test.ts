// Safe outputs end to end: spreadsheet formulas neutralised in every CSV (and kept with --no-neutralize), report.html
// escaping everything it shows, --excel writing a BOM and the chosen delimiter. Names are synthetic.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin, writeTree } from '../support/run-cli.js';

const FORMULA = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

const HOSTILE_LISTS = {
  'media.csv':
    'ФИО,Возраст,Место,Примечание\n' +
    '"=HYPERLINK(""http://example.invalid"",""Тестов Тест"")",23,Алматы,=1+2\n' +
    '+Образцова Анна,31,"@SUM(A1)",-2+3\n' +
    '-Примеров Пример,40,Тараз,"\tвкладка"\n' +
    '@Шаблонов Макет,50,Алматы,+7 701 000 00 00\n',
  'ngo.csv': 'ФИО,Возраст,Место\nТестов Тест,23,Алматы\nОбразцова Анна,31,Тараз\nПримеров Пример,41,Тараз\n',
};

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function mergeLists(files: Record<string, string>, flags: string[]): string {
  const dir = writeTree(files);
  dirs.push(dir);
  const r = runBin(['merge', '-q', '--out', 'out', ...flags, ...Object.keys(files).filter((f) => f.endsWith('.csv'))], { cwd: dir });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return join(dir, 'out');
}

const csvFiles = (out: string) => readdirSync(out).filter((f) => f.endsWith('.csv')).sort();
const cellsOf = (text: string, delimiter = ',') => (parse(text.replace(/^\uFEFF/, ''), { delimiter, relax_column_count: true }) as string[][]).flat();

describe('formula neutralisation', () => {
  let out: string;
  let raw: string;
  beforeAll(() => {
    out = mergeLists(HOSTILE_LISTS, []);
    raw = mergeLists(HOSTILE_LISTS, ['--no-neutralize']);
  });

  it('by default, no cell of any CSV output starts a formula (plain numbers such as -1 stay numbers)', () => {
    expect(csvFiles(out)).toEqual(['links.csv', 'merged.csv', 'records.csv', 'review.csv']);
    let checked = 0;
    for (const f of csvFiles(out)) {
      for (const cell of cellsOf(readFileSync(join(out, f), 'utf8'))) {
        checked++;
        if (FORMULA.test(cell)) expect(PLAIN_NUMBER.test(cell), `${f}: ${JSON.stringify(cell)}`).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('prefixes the dangerous names with an apostrophe in records.csv', () => {
    const names = (parse(readFileSync(join(out, 'records.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>)
      .filter((r) => r.source === 'media')
      .map((r) => r.name);
    expect(names).toEqual([`'=HYPERLINK("http://example.invalid","Тестов Тест")`, "'+Образцова Анна", "'-Примеров Пример", "'@Шаблонов Макет"]);
  });

  it('--no-neutralize writes the cells as they are', () => {
    const names = (parse(readFileSync(join(raw, 'records.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>)
      .filter((r) => r.source === 'media')
      .map((r) => r.name);
    expect(names).toEqual(['=HYPERLINK("http://example.invalid","Тестов Тест")', '+Образцова Анна', '-Примеров Пример', '@Шаблонов Макет']);
  });
});

describe('report.html escapes everything it shows', () => {
  let html: string;
  beforeAll(() => {
    const list =
      'ФИО,Возраст,Место,Примечание,<i>x</i>,<i>x</i>\n' +
      '<script>alert(1)</script> Тестов Тест,23,<b>Алматы</b>,<img src=x onerror=alert(2)>,a,b\n' +
      'Образцова <img src=x onerror=alert(3)> Анна,31,Тараз,,,\n' +
      `<>&"',40,Алматы,,,\n`;
    const out = mergeLists({ 'x<svg onload=alert(5)>.csv': list, 'b.csv': 'ФИО,Возраст,Место\nТестов Тест,23,Алматы\nОбразцова Анна,31,"<svg onload=alert(4)>"\n' }, []);
    html = readFileSync(join(out, 'report.html'), 'utf8');
  });

  it('shows the hostile text (source name, names, header, rejected row) only escaped', () => {
    expect(html).toContain('x&lt;svg onload=alert(5)&gt;');
    expect(html).toContain('Образцова &lt;img src=x onerror=alert(3)&gt; Анна');
    expect(html).toContain('header &quot;&lt;i&gt;x&lt;/i&gt;&quot; appears twice');
    expect(html).toContain('&lt;&gt;&amp;&quot;&#39;');
  });

  it('has no element, attribute or script that came from the input', () => {
    expect(html).not.toMatch(/<script|<img|<svg onload|<b>|<i>|javascript:/i);
    // Every tag in the page is one the report itself writes.
    const tags = new Set([...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[1].toLowerCase()));
    for (const t of tags) expect(['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'main', 'section', 'footer', 'nav', 'h1', 'h2', 'h3', 'h4', 'p', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'caption', 'span', 'div', 'strong', 'em', 'code', 'a', 'details', 'summary', 'small', 'svg', 'g', 'rect', 'text', 'line', 'path', 'circle', 'desc', 'tspan', 'figure', 'figcaption', 'dl', 'dt', 'dd', 'abbr', 'br', 'sup', 'sub', 'mark', 'polyline', 'polygon', 'defs', 'pattern', 'clippath', 'use', 'article', 'aside', 'kbd', 'b', 'i', 'wbr', 'col', 'colgroup', 'time', 'data', 'meter', 'progress', 'label', 'hr', 'pre', 'blockquote']).toContain(t);
  });
});

describe('--excel', () => {
  it('writes CSVs with a UTF-8 byte-order mark, Cyrillic intact', () => {
    const out = mergeLists(HOSTILE_LISTS, ['--excel']);
    for (const f of csvFiles(out)) {
      const bytes = readFileSync(join(out, f));
      expect([...bytes.subarray(0, 3)], f).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.subarray(3, 9).toString('utf8'), f).not.toContain('\uFEFF');
    }
    const records = readFileSync(join(out, 'records.csv'), 'utf8');
    expect(records.startsWith('\uFEFFsource,row,person_id,status,name,normalized_name,score,reason\n')).toBe(true);
    expect(records).toContain('ngo,2,');
    expect(records).toContain('Образцова Анна');
  });

  it('with --delimiter ";" writes semicolon-separated CSVs (the delimiter Excel expects in Russian and Kazakh locales), reading comma-separated lists', () => {
    const out = mergeLists(HOSTILE_LISTS, ['--excel', '--delimiter', ';']);
    const records = readFileSync(join(out, 'records.csv'), 'utf8');
    expect(records.startsWith('\uFEFFsource;row;person_id;status;name;normalized_name;score;reason\n')).toBe(true);
    const rows = parse(records.slice(1), { delimiter: ';', columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => `${r.source}:${r.row}`)).toEqual(['media:1', 'media:2', 'media:3', 'media:4', 'ngo:1', 'ngo:2', 'ngo:3']);
    expect(readFileSync(join(out, 'merged.csv'), 'utf8').split('\n')[0]).toBe(
      '\uFEFFperson_id;name_cyrillic;name_latin;surname;given_name;patronymic;sex;age;date_of_death;place;region;category;sources;n_sources;records;confidence;conflicts',
    );
  });
});
