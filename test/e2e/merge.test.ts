// End to end: the real binary on the bundled synthetic fixtures and on broken inputs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runBin, tempDir, writeTree } from '../support/run-cli.js';

const CONFIG = join(ROOT, 'fixtures/jan2022/config.json');
const TRUTH = join(ROOT, 'fixtures/jan2022/truth/truth.csv');
const OUTPUTS = ['records.csv', 'merged.csv', 'report.md', 'report.json', 'links.csv', 'review.csv', 'model.json', 'run.json'];

function readCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(path, 'utf8'), { columns: true }) as Record<string, string>[];
}

describe('merge on the jan2022 fixtures', () => {
  let out: string;
  let run: ReturnType<typeof runBin>;
  beforeAll(() => {
    out = tempDir();
    run = runBin(['merge', '--config', CONFIG, '--out', out]);
  });

  it('succeeds and writes every output', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    for (const f of OUTPUTS) expect(existsSync(join(out, f)), f).toBe(true);
    expect(readdirSync(out).filter((f) => f.includes('.tmp-'))).toEqual([]);
    expect(run.stdout).toMatch(/Merged 4 sources: \d+ records → \d+ distinct named persons\./);
    expect(run.stdout).toContain('Official total 241');
  });

  it('accounts for every input record exactly once, in input order', () => {
    const records = readCsv(join(out, 'records.csv'));
    const truth = readCsv(TRUTH);
    expect(records.length).toBe(truth.length);
    const keys = records.map((r) => `${r.source}:${r.row}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(keys)).toEqual(new Set(truth.map((t) => `${t.source}:${t.row}`)));
    for (const r of records) {
      expect(['linked', 'rejected']).toContain(r.status);
      if (r.status === 'linked') expect(r.person_id).toMatch(/\S/);
      else expect(r.reason).toMatch(/\S/);
    }
    const merged = readCsv(join(out, 'merged.csv'));
    const inPersons = merged.flatMap((p) => p.records.split(';'));
    expect(inPersons.length).toBe(records.filter((r) => r.status === 'linked').length);
    expect(new Set(inPersons).size).toBe(inPersons.length);
  });

  it('reports the counts the issue asks for', () => {
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    const merged = readCsv(join(out, 'merged.csv'));
    expect(report.official_total).toBe(241);
    expect(report.persons).toBe(merged.length);
    expect(report.gap).toBe(241 - merged.length);
    const byName = Object.fromEntries(report.sources.map((s: { name: string }) => [s.name, s]));
    expect(byName.official.records).toBe(19);
    expect(byName.media.records).toBe(188);
    expect(byName.ngo.records).toBe(221);
    for (const s of report.sources) {
      for (const k of ['name', 'records', 'persons', 'only_here', 'duplicates', 'rejected']) expect(s).toHaveProperty(k);
      expect(report.overlap[s.name][s.name]).toBe(s.persons);
    }
  });

  it('matches the truth closely (pairwise precision ≥ 0.99, recall ≥ 0.98)', () => {
    const ev = runBin(['evaluate', '--truth', TRUTH, join(out, 'records.csv'), '--json']);
    expect(ev.code).toBe(0);
    const figures = JSON.parse(ev.stdout);
    expect(figures.pairwise.precision).toBeGreaterThanOrEqual(0.99);
    expect(figures.pairwise.recall).toBeGreaterThanOrEqual(0.98);
  });

  it('is deterministic: a second run writes the same bytes', () => {
    const out2 = tempDir();
    const again = runBin(['merge', '--config', CONFIG, '--out', out2]);
    expect(again.code).toBe(0);
    for (const f of OUTPUTS) expect(readFileSync(join(out2, f)).equals(readFileSync(join(out, f))), f).toBe(true);
  });

  it('links.csv says what made each link; explain says where the run put two records', () => {
    const links = readCsv(join(out, 'links.csv'));
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(['model', 'exclusive', 'decision']).toContain(l.linked_by);
    for (const l of links.filter((x) => x.linked_by === 'model')) expect(Number(l.probability)).toBeGreaterThanOrEqual(0.5);
    const persons = new Map(readCsv(join(out, 'records.csv')).map((r) => [`${r.source}:${r.row}`, r.person_id]));
    const link = links.find((l) => l.linked_by === 'model')!;
    const same = runBin(['explain', out, link.record_a, link.record_b]);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain(`In this run both records are person ${persons.get(link.record_a)}, linked directly: its probability is at or above the threshold.`);
    const json = JSON.parse(runBin(['explain', out, link.record_a, link.record_b, '--json']).stdout);
    expect(json).toMatchObject({ person_a: persons.get(link.record_a), person_b: persons.get(link.record_a), linked_by: 'model' });
    // two records of different persons
    const other = [...persons.keys()].find((k) => persons.get(k) && persons.get(k) !== persons.get(link.record_a))!;
    const apart = runBin(['explain', out, other, link.record_a]);
    expect(apart.code).toBe(0);
    expect(apart.stdout).toContain(`In this run they are different persons: ${persons.get(other)} and ${persons.get(link.record_a)}.`);
  });

  it('--check passes on fresh outputs and fails (exit 1) when they would change', () => {
    const ok = runBin(['merge', '--config', CONFIG, '--out', out, '--check']);
    expect(ok.code).toBe(0);
    const changed = runBin(['merge', '--config', CONFIG, '--out', out, '--check', '--official-total', '300']);
    expect(changed.code).toBe(1);
    expect(changed.stderr).toContain('report.json');
    expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).official_total).toBe(241);
  });
});

describe('merge: bad input gets a clear error, a non-zero exit and no output', () => {
  const good = 'ФИО,Возраст\nАхметов Ерлан Серикович,23\n';
  const cases: Array<{ name: string; files: Record<string, string | Uint8Array>; args: (dir: string) => string[]; code: number; message: RegExp }> = [
    { name: 'missing file', files: { 'a.csv': good }, args: (d) => [join(d, 'a.csv'), join(d, 'nope.csv')], code: 3, message: /nope\.csv: source file not found/ },
    { name: 'empty file', files: { 'a.csv': good, 'empty.csv': '' }, args: (d) => [join(d, 'a.csv'), join(d, 'empty.csv')], code: 3, message: /empty\.csv.*empty/ },
    { name: 'no name column', files: { 'a.csv': good, 'b.csv': 'Возраст,Город\n23,Алматы\n' }, args: (d) => [join(d, 'a.csv'), join(d, 'b.csv')], code: 3, message: /b\.csv.*name column/i },
    { name: 'unbalanced quote', files: { 'a.csv': good, 'q.csv': 'ФИО,Возраст\n"Ахметов Ерлан,23\nСапаров Нурлан,40\n' }, args: (d) => [join(d, 'a.csv'), join(d, 'q.csv')], code: 3, message: /q\.csv:2: .*quote/i },
    { name: 'undecodable bytes', files: { 'a.csv': good, 'bin.csv': new Uint8Array([0x46, 0x49, 0x4f, 0x0a, 0xff, 0xfe, 0x00, 0x01, 0x02, 0x00, 0x9f, 0x0a]) }, args: (d) => [join(d, 'a.csv'), join(d, 'bin.csv')], code: 3, message: /bin\.csv/ },
    { name: 'duplicated source name', files: { 'x/list.csv': good, 'y/list.csv': good }, args: (d) => [join(d, 'x/list.csv'), join(d, 'y/list.csv')], code: 2, message: /two sources are named "list"/ },
    { name: 'a directory as a file', files: { 'a.csv': good, 'dir/keep.txt': '' }, args: (d) => [join(d, 'a.csv'), join(d, 'dir')], code: 3, message: /dir: is a directory/ },
    { name: 'no sources', files: {}, args: () => [], code: 2, message: /no sources given/ },
  ];
  it.each(cases)('$name', ({ files, args, code, message }) => {
    const dir = writeTree(files);
    const out = join(dir, 'out');
    const r = runBin(['merge', '--out', out, ...args(dir)]);
    expect(r.stderr).toMatch(/^reconcile: error: /);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(code);
    expect(existsSync(out)).toBe(false);
  });

  it('keeps a row without a usable name as rejected, with its reason, and goes on', () => {
    const dir = writeTree({ 'a.csv': 'ФИО,Возраст\nАхметов Ерлан,23\n,40\n???,50\nСапаров Нурлан,31\n' });
    const out = join(dir, 'out');
    const r = runBin(['merge', '--out', out, join(dir, 'a.csv')]);
    expect(r.code).toBe(0);
    const rows = readCsv(join(out, 'records.csv'));
    expect(rows.map((x) => [x.row, x.status])).toEqual([['1', 'linked'], ['2', 'rejected'], ['3', 'rejected'], ['4', 'linked']]);
    expect(rows[1].reason).toMatch(/name/);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.sources[0].rejected).toBe(2);
    expect(report.rejected_records).toBe(2);
  });
});

describe('command-line surface', () => {
  it('--version prints the package version', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const r = runBin(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });
  it('--help lists the commands with examples', () => {
    const r = runBin(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['merge', 'normalize', 'estimate', 'diff', 'synth', 'evaluate', 'explain', 'review']) expect(r.stdout).toContain(c);
    expect(r.stdout).toContain('Examples:');
  });
  it('merge --help explains sources, outputs and exit codes', () => {
    const r = runBin(['merge', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('name=path.csv');
    expect(r.stdout).toContain('records.csv');
    expect(r.stdout).toContain('Exit status');
  });
  it('command descriptions are re-flowed to the help width: no prose line cut short after a wrapped one', () => {
    for (const c of ['merge', 'normalize', 'estimate', 'diff', 'synth', 'evaluate', 'explain', 'review']) {
      const r = runBin([c, '--help']);
      const description = r.stdout.split('\n\n').slice(1, 3).join('\n\n');
      const lines = description.split('\n');
      const prose = (l: string | undefined) => l !== undefined && l.trim() !== '' && !/^\s/.test(l);
      for (let i = 1; i + 1 < lines.length; i++) {
        // A short line between a full one and more prose of the same paragraph: a hard break landed past the wrap.
        const ragged = prose(lines[i]) && lines[i].length < 40 && lines[i - 1].length >= 70 && prose(lines[i + 1]);
        if (ragged) throw new Error(`${c} --help: ragged line "${lines[i]}" after "${lines[i - 1]}"`);
      }
    }
  });
  it('an unknown option is a usage error (exit 2)', () => {
    const r = runBin(['merge', '--frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--frobnicate'");
  });
});
