// Bounded work on adversarial lists: thousands of records with the same name, or names of one letter, are matched
// in a number of comparisons that grows linearly (no all-pairs blow-up), and the report says what was capped.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBin, writeTree } from '../support/run-cli.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

interface Report {
  records: number;
  persons: number;
  candidate_pairs: number;
  warnings: string[];
  rejected: Array<{ reason: string }>;
}

function merge(files: Record<string, string>, args: string[]): Report {
  const dir = writeTree(files);
  dirs.push(dir);
  const r = runBin(['merge', '-q', '--out', 'out', ...args], { cwd: dir });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8')) as Report;
}

const N = 5000;

describe('adversarial lists finish with linear work', () => {
  it(`${N} records with the same name: capped blocks, said so in the report`, () => {
    const rows = Array.from({ length: N }, (_, i) => `Тестов Тест Тестович,${20 + (i % 50)},Алматы`);
    const report = merge({ 'same.csv': `ФИО,Возраст,Место\n${rows.join('\n')}\n` }, ['same.csv']);
    expect(report.records).toBe(N);
    // All pairs would be N(N-1)/2 = 12.5 million; the blocks are compared within sorted windows.
    expect(report.candidate_pairs).toBeLessThan(100 * N);
    expect(report.warnings.some((w) => /^matching: block .* has 5000 records: compared within /.test(w))).toBe(true);
  });

  it(`${N} records split over two lists, all with the same name`, () => {
    const rows = Array.from({ length: N / 2 }, (_, i) => `Тестов Тест,${20 + (i % 50)}`);
    const list = `ФИО,Возраст\n${rows.join('\n')}\n`;
    const report = merge({ 'a.csv': list, 'b.csv': list }, ['a.csv', 'b.csv']);
    expect(report.records).toBe(N);
    expect(report.candidate_pairs).toBeLessThan(100 * N);
    expect(report.warnings.some((w) => w.startsWith('matching: block'))).toBe(true);
  });

  it(`${N} names of one letter: no blow-up; letters that stand for "unknown" are rejected with their reason`, () => {
    const letters = 'АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ';
    const rows = Array.from({ length: N }, (_, i) => `${letters[i % letters.length]},${20 + (i % 50)}`);
    const report = merge({ 'one.csv': `ФИО,Возраст\n${rows.join('\n')}\n` }, ['one.csv']);
    expect(report.records).toBe(N);
    expect(report.candidate_pairs).toBeLessThan(100 * N);
    expect(new Set(report.rejected.map((r) => r.reason))).toEqual(new Set(['name "Д" says the name is unknown', 'name "Н" says the name is unknown', 'name "Х" says the name is unknown']));
  });
});
