// "Nothing lost": the check that ends every merge refuses a broken result (an internal error, exit 70), and the
// written outputs account for every input record on clean, noisy and broken lists.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { reportError } from '../../src/cli/run-cli.js';
import type { CliIO } from '../../src/cli/io.js';
import { ReconError } from '../../src/core/errors.js';
import { ingestSource } from '../../src/ingest/index.js';
import { checkInvariants } from '../../src/pipeline/invariants.js';
import { reconcile, type ReconcileResult } from '../../src/pipeline/reconcile.js';
import { ROOT, runBin, tempDir, writeTree } from '../support/run-cli.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const LISTS: Record<string, string> = {
  'media.csv': 'ФИО,Возраст,Место\nТестов Тест Тестович,23,Алматы\nОбразцова Анна,31,Тараз\nнеизвестный мужчина,40,Алматы\nПримеров Пример,50,Жанаозен\n',
  'ngo.csv': 'Full name,Age,City\nTestov Test,23,Almaty\nObraztsova Anna,31,Taraz\n,,\nSynthetic Person,60,Aktau\nTestov Test,23,Almaty\n',
};

function sampleResult(): ReconcileResult {
  const sources = Object.entries(LISTS).map(([file, text]) =>
    ingestSource({ name: file.replace('.csv', ''), path: file }, new TextEncoder().encode(text)),
  );
  return reconcile(sources, { officialTotal: 10 });
}

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void): void {
    this.text += chunk.toString('utf8');
    cb();
  }
}

/** The error the check throws on a copy of a good result broken by `breakIt`. */
function failure(breakIt: (r: ReconcileResult) => void): ReconError {
  const r = sampleResult();
  const broken: ReconcileResult = {
    ...r,
    persons: r.persons.map((p) => ({ ...p, records: [...p.records] })),
    personOfRecord: new Map(r.personOfRecord),
    report: structuredClone(r.report),
  };
  breakIt(broken);
  try {
    checkInvariants(broken);
  } catch (e) {
    if (e instanceof ReconError) return e;
    throw e;
  }
  throw new Error('the check accepted a broken result');
}

describe('the invariant check', () => {
  it('accepts the real result', () => {
    expect(() => checkInvariants(sampleResult())).not.toThrow();
  });

  it.each<[string, (r: ReconcileResult) => void, string]>([
    ['a record dropped from its person', (r) => {
      const p = r.persons.find((x) => x.records.includes('media:1'))!;
      p.records = p.records.filter((k) => k !== 'media:1');
      r.personOfRecord.delete('media:1');
    }, 'internal check failed: 7 records were used but 6 are in persons; record media:1 is in no person'],
    ['a record in two persons', (r) => {
      const other = r.persons.find((x) => !x.records.includes('media:2'))!;
      other.records.push('media:2');
    }, 'record media:2 is in two persons'],
    ['a rejected row in a person', (r) => {
      r.persons[0].records.push('media:3');
      r.personOfRecord.set('media:3', r.persons[0].id);
    }, 'rejected record media:3 is in a person'],
    ['the report counting one record too many', (r) => {
      r.report.records += 1;
    }, 'report counts 9 records, input has 8'],
    ['the report missing a person', (r) => {
      r.report.persons -= 1;
    }, 'report: persons count differs from merged persons'],
    ['a crosswalk pointing to the wrong person', (r) => {
      r.personOfRecord.set('media:1', 'P-NOBODY');
    }, 'record media:1 is in person'],
  ])('refuses %s, as an internal error (exit 70)', (_label, breakIt, expected) => {
    const err = failure(breakIt);
    expect(err.code).toBe('INVARIANT');
    expect(err.exitCode).toBe(70);
    expect(err.message).toContain(expected);
  });

  it('is printed as an internal error with exit status 70 and a request to report it', () => {
    const err = failure((r) => {
      r.report.records += 1;
    });
    const stderr = new Sink();
    const io: CliIO = { stdout: new Sink(), stderr, stdin: process.stdin, env: {}, cwd: ROOT };
    expect(reportError(err, io)).toBe(70);
    expect(stderr.text).toBe(
      'reconcile: error: internal check failed: report counts 9 records, input has 8; report: used + rejected ≠ records\n' +
        'hint: this is a bug, not a problem with the lists; no output was written. Please report it with the command you ran\n',
    );
  });
});

function readCsv(path: string): Record<string, string>[] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const header = text.slice(0, text.indexOf('\n'));
  return parse(text, { columns: true, delimiter: header.includes(';') ? ';' : ',' }) as Record<string, string>[];
}

/** Checks the written outputs account for every input record once, and that the report's counts add up. */
function checkOutputs(out: string): void {
  const records = readCsv(join(out, 'records.csv'));
  const merged = readCsv(join(out, 'merged.csv'));
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
  // Every input record once, in input order: rows 1..n of each source, sources in the run's order.
  const order = report.sources.map((s: { name: string }) => s.name);
  let at = 0;
  for (const s of report.sources as Array<{ name: string; records: number; rejected: number; persons: number }>) {
    const mine = records.slice(at, at + s.records);
    expect(mine.map((r) => `${r.source}:${r.row}`)).toEqual(Array.from({ length: s.records }, (_, i) => `${s.name}:${i + 1}`));
    expect(mine.filter((r) => r.status === 'rejected').length).toBe(s.rejected);
    expect(merged.filter((p) => p.sources.split(';').includes(s.name)).length).toBe(s.persons);
    at += s.records;
  }
  expect(at).toBe(records.length);
  expect(report.records).toBe(records.length);
  for (const r of records) {
    expect(['linked', 'rejected']).toContain(r.status);
    expect(r.status === 'linked' ? r.person_id !== '' && r.reason === '' : r.person_id === '' && r.reason !== '').toBe(true);
  }
  // Every linked record in exactly one person, the one records.csv names.
  const personOf = new Map(records.filter((r) => r.status === 'linked').map((r) => [`${r.source}:${r.row}`, r.person_id]));
  const inPersons = merged.flatMap((p) => p.records.split(';').map((k) => [k, p.person_id] as const));
  expect(inPersons.length).toBe(personOf.size);
  expect(new Map(inPersons)).toEqual(personOf);
  expect(new Set(merged.map((p) => p.person_id)).size).toBe(merged.length);
  for (const p of merged) {
    const sources = [...new Set(p.records.split(';').map((k) => k.slice(0, k.lastIndexOf(':'))))];
    expect(p.sources.split(';').sort()).toEqual(sources.sort());
    expect(Number(p.n_sources)).toBe(sources.length);
  }
  // The report adds up.
  expect(report.persons).toBe(merged.length);
  expect(report.linked_records + report.rejected_records).toBe(report.records);
  expect(report.rejected_records).toBe(records.filter((r) => r.status === 'rejected').length);
  expect(report.capture_histories.reduce((n: number, h: { persons: number }) => n + h.persons, 0)).toBe(report.persons);
  if (report.official_total !== null) expect(report.gap).toBe(report.official_total - report.persons);
  expect(order.length).toBeGreaterThan(0);
}

describe('the outputs account for every input record', () => {
  it.each<[string, () => string[]]>([
    ['the jan2022 fixtures', () => ['--config', join(ROOT, 'fixtures/jan2022/config.json')]],
    ['the jan2022 fixtures, redacted, for Excel', () => ['--config', join(ROOT, 'fixtures/jan2022/config.json'), '--redact', '--excel', '--delimiter', ';']],
    ['small lists with rejected, ragged and repeated rows', () => {
      const dir = writeTree(LISTS);
      dirs.push(dir);
      return [join(dir, 'media.csv'), join(dir, 'ngo.csv'), '--official-total', '10'];
    }],
    ['a noisy synthetic scenario', () => {
      const dir = tempDir();
      dirs.push(dir);
      expect(runBin(['synth', '--seed', 'nothing-lost', '--persons', '300', '--noise', '3', '--out', dir]).code).toBe(0);
      return ['--config', join(dir, 'config.json')];
    }],
  ])('%s', (_label, args) => {
    const out = tempDir();
    dirs.push(out);
    const r = runBin(['merge', '-q', '--out', out, ...args()]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    checkOutputs(out);
  }, 60_000);
});
