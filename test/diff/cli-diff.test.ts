import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDiffCli } from './cli.js';
import { NEW_RUN, OLD_RUN, writeOutput } from './build-output.js';

const F = 'test/fixtures/diff';
const OLD = `${F}/media-old.csv`;
const NEW = `${F}/media-new.csv`;
const RESHAPED = `${F}/media-old-reshaped.csv`;
const ESC = '\x1b[';

describe('reconcile diff OLD.csv NEW.csv', () => {
  it('reports each kind of change between two versions of the media list and exits 1', async () => {
    const r = await runDiffCli([OLD, NEW]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('3 added, 1 removed, 5 changed, 1 moved, 33 unchanged.');
    for (const line of [
      '  + Сейткалиев Арман Болатович  row 12',
      '  - Байжанов Батыр  row 17',
      '      age  38 → 39',
      '      date of death  2022-01-04 → 2022-01-05',
      '      place  (none) → Taldykorgan',
      '      name  Бoгданов Максим → Богданов Максим',
      '  ↕ Ермеков Женис  row 40 → 3',
    ]) {
      expect(r.stdout).toContain(line);
    }
    expect(r.stdout).toMatch(/note: the id column "Номер" does not identify records/);
  });

  it('reports no differences for a re-ordered, re-encoded (UTF-16), re-headed (English), tab-separated copy and exits 0', async () => {
    const r = await runDiffCli([OLD, RESHAPED, '--format', 'json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect([d.added, d.removed, d.changed, d.rejectedAdded, d.rejectedRemoved]).toEqual([[], [], [], [], []]);
    expect(d.differences).toBe(0);
    expect(d.unchanged + d.moved.length).toBe(40);
    expect(d.format.encoding).toEqual({ before: 'windows-1251', after: 'utf-16le' });
    expect(d.format.delimiter).toEqual({ before: ';', after: '\t' });
    expect(d.format.renamedColumns).toContainEqual({ before: 'Ф.И.О.', after: 'Full name', role: 'full_name' });
    const t = await runDiffCli([RESHAPED, OLD]);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('No differences: the same 40 records');
  });

  it('finds nothing between a list and itself', async () => {
    const r = await runDiffCli([NEW, NEW]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No differences: the same 42 records.');
  });

  it('mirrors: what is added one way is removed the other way', async () => {
    const ab = JSON.parse((await runDiffCli([OLD, NEW, '-f', 'json'])).stdout);
    const ba = JSON.parse((await runDiffCli([NEW, OLD, '-f', 'json'])).stdout);
    expect(ba.removed.map((v: { name: string }) => v.name)).toEqual(ab.added.map((v: { name: string }) => v.name));
    expect(ba.added.map((v: { name: string }) => v.name)).toEqual(ab.removed.map((v: { name: string }) => v.name));
    expect(ba.changed.length).toBe(ab.changed.length);
  });

  it('writes Markdown and CSV, the same bytes every time', async () => {
    const md = await runDiffCli([OLD, NEW, '--format', 'md']);
    expect(md.code).toBe(1);
    expect(md.stdout).toContain('## Added (3)');
    expect(md.stdout).toContain('| 4 → 5 | Алексеев Михаил | age | 38 | 39 |  |');
    expect((await runDiffCli([OLD, NEW, '--format', 'md'])).stdout).toBe(md.stdout);
    const csv = await runDiffCli([OLD, NEW, '--format', 'csv']);
    const lines = csv.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('change,old_row,new_row,name,field,before,after,paired_by,similarity');
    expect(lines.filter((l) => l.startsWith('added,'))).toHaveLength(3);
    expect(lines).toContain('changed,4,5,Алексеев Михаил,age,38,39,name,');
    expect(lines).toContain('moved,40,3,Ермеков Женис,,,,exact,');
  });

  it.each([
    { what: 'NO_COLOR on a terminal', env: { NO_COLOR: '1' }, tty: true, args: [], color: false },
    { what: 'a terminal', env: {}, tty: true, args: [], color: true },
    { what: 'a pipe', env: {}, tty: false, args: [], color: false },
    { what: 'FORCE_COLOR in a pipe', env: { FORCE_COLOR: '1' }, tty: false, args: [], color: true },
    { what: '--no-color on a terminal', env: {}, tty: true, args: ['--no-color'], color: false },
  ])('colours the terminal view only when allowed: $what', async ({ env, tty, args, color }) => {
    const r = await runDiffCli([OLD, NEW, ...args], { env, tty });
    expect(r.stdout.includes(ESC)).toBe(color);
    expect(r.stdout.replace(/\x1b\[[0-9;]*m/g, '')).toBe((await runDiffCli([OLD, NEW])).stdout);
  });
});

describe('reconcile diff with columns the tool does not interpret, and --config', () => {
  const OFFICIAL = `${F}/official.csv`;
  const OFFICIAL_EN = `${F}/official-en.csv`;

  it('compares an uninterpreted column across renamed headers (Звание → Rank)', async () => {
    const r = await runDiffCli([OFFICIAL, OFFICIAL_EN, '--format', 'json']);
    expect(r.code).toBe(1);
    const d = JSON.parse(r.stdout);
    expect(d.changed.map((p: { new: { row: number }; changes: unknown }) => [p.new.row, p.changes])).toEqual([
      [1, [{ field: 'column:Rank', before: 'подполковник', after: 'полковник' }]],
    ]);
    expect(d.format.renamedColumns).toContainEqual({ before: 'Звание', after: 'Rank', role: '' });
  });

  it('ignores that column when the config says so, finding the source entry by its path or by --source', async () => {
    for (const extra of [[], ['--source', 'official']]) {
      const r = await runDiffCli(['--config', `${F}/config-old.json`, ...extra, OFFICIAL, OFFICIAL_EN]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Звание → Rank');
    }
  });

  it('exits 2 when the config has no such source', async () => {
    const r = await runDiffCli(['--config', `${F}/config-old.json`, '--source', 'press', OFFICIAL, OFFICIAL_EN]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`reconcile: error: ${F}/config-old.json: the config has no source named "press"\nhint: name it with --source: official, media\n`);
  });
});

describe('reconcile diff OUT_OLD OUT_NEW', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'reconcile-diff-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const oldDir = writeOutput(join(tmp, 'old'), OLD_RUN);
  const newDir = writeOutput(join(tmp, 'new'), NEW_RUN);

  it('reports persons added, removed, merged, split and changed, and exits 1', async () => {
    const r = await runDiffCli([oldDir, newDir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Persons: 1 added, 1 removed, 1 merged, 1 split, 1 changed, 1 unchanged.');
    expect(r.stdout).toContain('  + P0008 Байжанов Азамат  [media:5]');
    expect(r.stdout).toContain('  - P0005 Сапаров Ерлан  [media:4]');
    expect(r.stdout).toContain('      was P0003 Жумабекова Айгерим Нурлановна  [ngo:2]');
    expect(r.stdout).toContain('      now P0007 Кенжебаев Нурлан Асанович  [ngo:3]');
    expect(r.stdout).toContain('      age             52 → 53');
    expect(r.stdout).toContain('      records gained  intl:1');
  });

  it('finds nothing between an output and itself, in every format', async () => {
    for (const f of ['text', 'md', 'csv', 'json']) {
      const r = await runDiffCli([oldDir, oldDir, '--format', f]);
      expect(r.code).toBe(0);
    }
    expect((await runDiffCli([oldDir, oldDir, '--format', 'csv'])).stdout).toBe('change,old_person,new_person,name,field,before,after,records\n');
  });

  it('writes one CSV row per change', async () => {
    const lines = (await runDiffCli([oldDir, newDir, '--format', 'csv'])).stdout.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('person_merged,'))).toEqual([
      'person_merged,P0002,P0002,Жумабекова Айгерим Нурлановна,,Жумабекова Айгерим,Жумабекова Айгерим Нурлановна,media:2',
      'person_merged,P0003,P0002,Жумабекова Айгерим Нурлановна,,Жумабекова Айгерим Нурлановна,Жумабекова Айгерим Нурлановна,ngo:2',
    ]);
    expect(lines).toContain('person_changed,P0006,P0006,Омарова Динара,age,52,53,');
  });
});

describe('trouble exits 2 with a clear message', () => {
  it.each([
    { what: 'a missing file', args: ['nope.csv', 'test/fixtures/diff/media-new.csv'], stderr: 'reconcile: error: nope.csv: no such file or folder\n' },
    {
      what: 'a file and a folder',
      args: ['test/fixtures/diff/media-old.csv', 'test/fixtures/diff'],
      stderr: 'reconcile: error: cannot compare a file (test/fixtures/diff/media-old.csv) with a folder (test/fixtures/diff)\n',
    },
    {
      what: 'a folder that is not a merge output',
      args: ['test/fixtures/diff', 'test/fixtures/diff'],
      stderr: 'reconcile: error: test/fixtures/diff/records.csv: records.csv of a merge output not found\n',
    },
    { what: 'an unknown format', args: ['--format', 'html', 'a', 'b'], stderr: "error: option '-f, --format <FORMAT>' argument 'html' is invalid. Allowed choices are text, md, csv, json.\n" },
    { what: 'a missing argument', args: ['test/fixtures/diff/media-old.csv'], stderr: "error: missing required argument 'NEW'\n" },
  ])('$what', async ({ args, stderr }) => {
    const r = await runDiffCli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\nhint:')[0].replace(/\n?$/, '\n')).toBe(stderr);
  });

  it('an unknown encoding', async () => {
    const r = await runDiffCli(['--encoding', 'koi8-r', 'test/fixtures/diff/media-old.csv', 'test/fixtures/diff/media-new.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^reconcile: error: /);
  });
});
