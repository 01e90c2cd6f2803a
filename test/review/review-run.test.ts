import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runReview } from '../../src/cli/review-run.js';
import type { CliIO } from '../../src/cli/io.js';
import { ReconError } from '../../src/core/errors.js';
import { writeTree } from '../support/run-cli.js';

const REVIEW = [
  'record_a,name_a,age_a,date_of_death_a,place_a,category_a,record_b,name_b,age_b,date_of_death_b,place_b,category_b,probability,weight,decision,note',
  'media:1,Ахметов Ерлан,23,2022-01-05,Almaty,civilian,ngo:2,Akhmetov Yerlan,24,2022-01-05,Almaty,civilian,0.6000,0.585,,',
  'media:3,Сапаров Нурлан,40,,Taraz,,ngo:4,Сапаров Нурулла,40,,Taraz,,0.4000,-0.585,,',
  'media:5,Жумабаева Жанна,31,,,,english:1,Jumabaeva Janna,31,,,,0.5500,0.3,,',
].join('\n') + '\n';

function fakeIO(tty: boolean): { io: CliIO; stdin: PassThrough; output: () => string } {
  const stdin = Object.assign(new PassThrough(), { isTTY: tty, setRawMode: () => stdin });
  let text = '';
  const stdout = Object.assign(new Writable({ write(chunk, _e, cb) { text += String(chunk); cb(); } }), { isTTY: tty });
  const stderr = new Writable({ write(_c, _e, cb) { cb(); } });
  return { io: { stdin, stdout, stderr, env: { NO_COLOR: '1' }, cwd: process.cwd() }, stdin, output: () => text };
}

describe('reconcile review (interactive loop)', () => {
  it('appends decisions as keys are pressed, undoes, and skips already-decided pairs next time', async () => {
    const out = writeTree({ 'review.csv': REVIEW });
    const { io, stdin, output } = fakeIO(true);
    const done = runReview(out, {}, io, () => '2026-01-01T00:00:00.000Z');
    stdin.write('m');
    stdin.write('d');
    stdin.write('u');
    stdin.write('s');
    stdin.write('q');
    expect(await done).toBe(0);
    const rows = parse(readFileSync(join(out, 'decisions.csv'), 'utf8'), { columns: true });
    expect(rows).toEqual([{ record_a: 'media:1', record_b: 'ngo:2', decision: 'match', note: '', decided_at: '2026-01-01T00:00:00.000Z' }]);
    expect(output()).toContain('Pair 1 of 3');
    expect(output()).toContain('≠');

    const second = fakeIO(true);
    const again = runReview(out, {}, second.io, () => '2026-01-02T00:00:00.000Z');
    second.stdin.write('d');
    second.stdin.write('m');
    expect(await again).toBe(0);
    expect(second.output()).toContain('Pair 1 of 2');
    const all = parse(readFileSync(join(out, 'decisions.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(all.map((r) => `${r.record_a} ${r.decision}`)).toEqual(['media:1 match', 'media:3 distinct', 'media:5 match']);
  });

  it('refuses without a terminal and explains the decisions file', async () => {
    const out = writeTree({ 'review.csv': REVIEW });
    const { io } = fakeIO(false);
    await expect(runReview(out, {}, io)).rejects.toThrow(ReconError);
    await expect(runReview(out, {}, io)).rejects.toThrow(/needs a terminal/);
  });
});
