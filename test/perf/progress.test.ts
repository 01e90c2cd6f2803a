// Progress on stderr: a live bar with counts and rate on a terminal, nothing when not a terminal or when quiet;
// stage timings and the process's CPU time for RECONCILE_TIMINGS.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { createProgress } from '../../src/cli/progress.js';

function fakeIO(tty: boolean): { io: CliIO; err: () => string } {
  let text = '';
  const sink = () =>
    Object.assign(
      new Writable({
        write(chunk, _enc, done) {
          text += String(chunk);
          done();
        },
      }),
      { isTTY: tty },
    );
  const io = { stdout: sink(), stderr: sink(), stdin: process.stdin, env: {}, cwd: '/' } as CliIO;
  return { io, err: () => text };
}

describe('createProgress', () => {
  it('draws a bar with counts, percentage and rate on a terminal', () => {
    const { io, err } = fakeIO(true);
    const p = createProgress(io, true);
    p.stage('score', 'start', { done: 0, total: 200_000 });
    p.stage('score', 'start', { done: 200_000, total: 200_000 });
    p.stage('score', 'end');
    p.done();
    const text = err();
    expect(text).toContain('score');
    expect(text).toContain('100% 200,000/200,000');
    expect(text).toMatch(/\[#{24}\]/);
    expect(text).toMatch(/[\d,]+\/s/);
    expect(text.endsWith('\r\x1b[2K')).toBe(true);
  });

  it.each([
    ['not a terminal', false, true],
    ['quiet', true, false],
  ])('writes nothing when %s', (_label, tty, enabled) => {
    const { io, err } = fakeIO(tty);
    const p = createProgress(io, enabled);
    p.stage('ingest', 'start');
    p.stage('score', 'start', { done: 5, total: 10 });
    p.stage('score', 'end');
    p.stage('ingest', 'end');
    p.done();
    expect(err()).toBe('');
  });

  it('logs each finished stage with RECONCILE_TIMINGS, even when quiet', () => {
    const { io, err } = fakeIO(false);
    io.env.RECONCILE_TIMINGS = '1';
    const p = createProgress(io, false);
    p.stage('ingest', 'start');
    p.stage('ingest', 'end');
    expect(err()).toMatch(/^stage ingest \d+ ms, heap \d+ MiB, array buffers \d+ MiB, rss \d+ MiB, peak rss so far \d+ MiB\n$/);
  });

  it('times each stage and gives the CPU time of the process', () => {
    const { io } = fakeIO(false);
    const p = createProgress(io, false);
    p.stage('block', 'start');
    p.stage('block', 'end');
    p.stage('block', 'start');
    p.stage('block', 'end');
    const t = p.timings();
    expect(t.block).toBeGreaterThanOrEqual(0);
    expect(t.cpu_ms).toBeGreaterThan(0);
    expect(Object.keys(t).sort()).toEqual(['block', 'cpu_ms']);
  });
});
