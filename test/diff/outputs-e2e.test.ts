// End to end: merge the official list with two versions of the media list (edited copies of fixtures/jan2022), then
// diff the two outputs. Assertions are about records and persons the edits must touch, not about matching details.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMerge } from '../../src/cli/merge-run.js';
import type { MergeFlags } from '../../src/cli/commands/merge.js';
import { ROOT, runDiffCli } from './cli.js';

const quiet = () => new Writable({ write: (_c, _e, cb) => cb() });

async function merge(config: string, out: string, previous?: string): Promise<void> {
  const io = { stdout: quiet(), stderr: quiet(), stdin: process.stdin, env: {}, cwd: ROOT };
  const flags: MergeFlags = { out, config: join(ROOT, 'test/fixtures/diff', config), quiet: true, neutralize: true, ...(previous ? { previous } : {}) };
  expect(await runMerge([], flags, io)).toBe(0);
}

describe('reconcile diff on two merge outputs of edited fixture lists', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'reconcile-diff-e2e-'));
  const dir = (n: string) => join(tmp, n);
  beforeAll(async () => {
    await merge('config-old.json', dir('old'));
    await merge('config-new.json', dir('new'), dir('old'));
    await merge('config-reshaped.json', dir('reshaped'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('reports the added, removed and respelled records and the persons they make or unmake', async () => {
    const r = await runDiffCli([dir('old'), dir('new'), '--format', 'json']);
    expect(r.code).toBe(1);
    const d = JSON.parse(r.stdout);
    const keys = (xs: Array<{ key: string }>) => xs.map((x) => x.key);
    expect(keys(d.records.added)).toEqual(['media:12', 'media:26', 'media:42']);
    expect(keys(d.records.removed)).toEqual(['media:17']);
    expect(d.records.respelled.map((x: { new: { name: string } }) => x.new.name)).toEqual(['Бекмухамбетулы Нурлан Ерланович', 'Богданов Максим']);
    const names = (xs: Array<{ name: string }>) => xs.map((x) => x.name).sort();
    expect(names(d.persons.added)).toEqual(expect.arrayContaining(['Мухамеджанов Тимур', 'Тулегенова Айжан']));
    expect(d.persons.removed.map((p: { records: string[] }) => p.records)).toContainEqual(['media:17']);
    const changedFields = d.persons.changed.flatMap((c: { changes: Array<{ field: string; before?: string; after?: string }> }) => c.changes);
    expect(changedFields).toContainEqual({ field: 'date_of_death', before: '2022-01-04', after: '2022-01-05' });
  });

  it('reports no differences for the same list re-ordered, re-encoded and re-headed', async () => {
    const r = await runDiffCli([dir('old'), dir('reshaped')]);
    expect(r.stdout).toContain('No differences');
    expect(r.code).toBe(0);
  });
});
