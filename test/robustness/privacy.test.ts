// Privacy: --redact leaves no full name and no row text in any output; merge writes nothing outside --out (checked by
// folder listings and by Node's permission model); no network is touched (no network module in the code, and a
// guard that records any attempt during a run). Names are synthetic.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runBin, tempDir, writeTree } from '../support/run-cli.js';

const LISTS = {
  'media.csv':
    'ФИО,Возраст,Место,Примечание\n' +
    'Выдуманова Шаблона Тестовна,23,Алматы,соседка Выдумановой\n' +
    'Шаблонский Макет,31,Тараз,\n' +
    'Примеров Эскиз Образович,40,Алматы,брат Примерова\n' +
    'Эскизов Макет,52,Тараз,\n' +
    'неизвестный мужчина,30,Алматы,\n',
  'ngo.csv': 'Full name,Age,City\nVydumanova Shablona,23,Almaty\nShablonskiy Maket,31,Taraz\nPrimerov Eskiz,41,Almaty\nEskizov Maket,52,Shymkent\n',
};
/** Name stems in every spelling the outputs could carry (Cyrillic, Latin, folded). */
const NAME_STEMS = /выдуман|vydum|шаблон|shablon|примеров|primerov|эскиз|eskiz|макет|maket|тестовн|testovn|соседка|брат/i;

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function run(flags: string[]): { out: string; dir: string } {
  const dir = writeTree(LISTS);
  dirs.push(dir);
  const r = runBin(['merge', '-q', '--out', 'out', ...flags, 'media.csv', 'ngo.csv'], { cwd: dir });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return { out: join(dir, 'out'), dir };
}

describe('--redact', () => {
  let out: string;
  let plain: string;
  beforeAll(() => {
    out = run(['--redact']).out;
    plain = run([]).out;
  });

  it('the unredacted outputs do hold the names (so the check below means something)', () => {
    expect(readFileSync(join(plain, 'records.csv'), 'utf8')).toMatch(NAME_STEMS);
    expect(readFileSync(join(plain, 'merged.csv'), 'utf8')).toMatch(NAME_STEMS);
  });

  it('no output file holds a name or a note: records, merged, links, review, report.md/.html/.json, model, run', () => {
    const files = readdirSync(out).sort();
    expect(files).toEqual(['links.csv', 'merged.csv', 'model.json', 'records.csv', 'report.html', 'report.json', 'report.md', 'review.csv', 'run.json']);
    for (const f of files) expect(readFileSync(join(out, f), 'utf8'), f).not.toMatch(NAME_STEMS);
  });

  it('merged.csv gives initials instead of names', () => {
    const merged = parse(readFileSync(join(out, 'merged.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(merged.map((p) => [p.name_cyrillic, p.surname, p.given_name, p.patronymic]).sort()).toEqual(
      [
        ['В. Ш. Т.', 'В.', 'Ш.', 'Т.'],
        ['П. Э. О.', 'П.', 'Э.', 'О.'],
        ['Ш. М.', 'Ш.', 'М.', ''],
        ['Э. М.', 'Э.', 'М.', ''],
      ].sort(),
    );
    for (const p of merged) expect(p.name_latin).toMatch(/^([A-Z][a-z]?\.( |$))+$/);
  });

  it('records.csv keeps the crosswalk (source, row, person) without the name as written', () => {
    const records = parse(readFileSync(join(out, 'records.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(records).toHaveLength(9);
    for (const r of records) {
      expect([r.name, r.normalized_name]).toEqual(['', '']);
      expect(r.status === 'linked' ? r.person_id : r.reason).toMatch(/\S/);
    }
  });

  it('run.json says the outputs are redacted', () => {
    expect(JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')).redacted).toBe(true);
  });
});

/** Every path under `dir` (relative), except those under `skip`. */
function listing(dir: string, skip?: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => !skip || !(p === skip || p.startsWith(`${skip}/`)))
    .sort();
}

describe('nothing is written outside --out', () => {
  it('the working folder, the temporary folder and HOME are unchanged after a merge', () => {
    const work = writeTree(LISTS);
    const tmp = tempDir();
    const home = tempDir();
    dirs.push(work, tmp, home);
    const before = [listing(work), listing(tmp), listing(home)];
    const r = runBin(['merge', '--out', 'out', 'media.csv', 'ngo.csv'], { cwd: work, env: { TMPDIR: tmp, TEMP: tmp, TMP: tmp, HOME: home } });
    expect(r.code).toBe(0);
    expect([listing(work, 'out'), listing(tmp), listing(home)]).toEqual(before);
    expect(listing(join(work, 'out'))).toEqual(['links.csv', 'merged.csv', 'model.json', 'records.csv', 'report.html', 'report.json', 'report.md', 'review.csv', 'run.json']);
  });

  it('under Node\'s permission model, a merge allowed to write only into --out succeeds', () => {
    const work = writeTree(LISTS);
    dirs.push(work);
    const out = join(work, 'out');
    mkdirSync(out);
    const flag = process.allowedNodeEnvironmentFlags.has('--permission') ? '--permission' : '--experimental-permission';
    const r = spawnSync(process.execPath, [flag, '--allow-fs-read=*', `--allow-fs-write=${out}/*`, BIN, 'merge', '-q', '--out', out, 'media.csv', 'ngo.csv'], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', NODE_NO_WARNINGS: '1' },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(listing(out)).toHaveLength(9);
  });
});

describe('no network', () => {
  it('no source file imports a network module or calls fetch', () => {
    const src = join(ROOT, 'src');
    const offenders: string[] = [];
    for (const f of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
      if (!f.endsWith('.ts')) continue;
      const text = readFileSync(join(src, f), 'utf8');
      if (/from ['"](node:)?(net|http|https|http2|dns|dgram|tls|undici)['"]|import\(['"](node:)?(net|http|https|http2|dns|dgram|tls)['"]\)|\bfetch\(|\bWebSocket\b|\bXMLHttpRequest\b/.test(text)) {
        offenders.push(relative(ROOT, join(src, f)));
      }
    }
    expect(offenders).toEqual([]);
  });

  it('a merge makes no connection, lookup or request (guarded at run time)', () => {
    const work = writeTree(LISTS);
    dirs.push(work);
    const log = join(work, 'network.log');
    const guard = join(work, 'guard.mjs');
    writeFileSync(
      guard,
      `import { appendFileSync } from 'node:fs';
       import net from 'node:net'; import dns from 'node:dns'; import http from 'node:http'; import https from 'node:https'; import dgram from 'node:dgram'; import tls from 'node:tls';
       const note = (what) => () => { appendFileSync(${JSON.stringify(log)}, what + '\\n'); throw new Error('network use: ' + what); };
       net.Socket.prototype.connect = note('net.connect');
       for (const [m, name] of [[net, 'net'], [tls, 'tls']]) m.connect = note(name + '.connect');
       for (const k of ['lookup', 'resolve', 'resolve4', 'resolve6']) dns[k] = note('dns.' + k);
       for (const [m, name] of [[http, 'http'], [https, 'https']]) { m.request = note(name + '.request'); m.get = note(name + '.get'); }
       dgram.createSocket = note('dgram');
       globalThis.fetch = note('fetch');`,
    );
    const r = runBin(['merge', '-q', '--out', 'out', 'media.csv', 'ngo.csv'], { cwd: work, env: { NODE_OPTIONS: `--import=${guard}` } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(listing(work).includes('network.log')).toBe(false);
    // The guard does catch network use.
    spawnSync(process.execPath, [`--import=${guard}`, '-e', "require('node:dns').lookup('example.invalid', () => {})"], { encoding: 'utf8' });
    expect(readFileSync(log, 'utf8')).toBe('dns.lookup\n');
  });
});
