// `reconcile estimate OUT` in-process: reads merged.csv and report.json, prints text or JSON, clear errors.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Command, CommanderError } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { registerEstimate } from '../../src/cli/commands/estimate.js';
import { ReconError } from '../../src/core/errors.js';
import type { CliIO } from '../../src/cli/io.js';

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

async function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = capture();
  const err = capture();
  const io: CliIO = { stdout: out.stream, stderr: err.stream, stdin: new PassThrough(), env: { NO_COLOR: '1' }, cwd };
  let code = 0;
  const program = new Command('reconcile').exitOverride().configureOutput({ writeOut: (s) => out.stream.write(s), writeErr: (s) => err.stream.write(s) });
  registerEstimate(program, { io, setExitCode: (c) => (code = c) });
  program.commands.forEach((c) => c.exitOverride().configureOutput(program.configureOutput()));
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (e) {
    // As run-cli's reportError: commander has printed its own message; ReconErrors are printed here.
    if (e instanceof CommanderError) code = 2;
    else if (e instanceof ReconError) {
      err.stream.write(`reconcile: error: ${e.format()}\n`);
      code = e.exitCode;
    } else throw e;
  }
  return { code, stdout: out.text(), stderr: err.text() };
}

const MERGED_HEADER =
  'person_id,name_cyrillic,name_latin,surname,given_name,patronymic,sex,age,date_of_death,place,region,category,sources,n_sources,records,confidence,conflicts';

/** Writes a merge output folder with synthetic persons: media/ngo/official histories per category. */
function writeOut(dir: string, cells: Array<[string, string, number]>): void {
  const rows = [MERGED_HEADER];
  const rowOf: Record<string, number> = {};
  let id = 0;
  for (const [sources, category, count] of cells) {
    for (let i = 0; i < count; i++) {
      id++;
      const records = sources
        .split(';')
        .map((s) => `${s}:${(rowOf[s] = (rowOf[s] ?? 0) + 1)}`)
        .join(';');
      rows.push(`p${id},Тестов Тест,Testov Test,Тестов,Тест,,M,30,2022-01-05,Almaty,,${category},${sources},${sources.split(';').length},${records},0.99,`);
    }
  }
  writeFileSync(join(dir, 'merged.csv'), rows.join('\n') + '\n');
  writeFileSync(
    join(dir, 'report.json'),
    JSON.stringify({ official_total: 241, sources: [{ name: 'media' }, { name: 'ngo' }, { name: 'official', covers: 'security' }] }),
  );
}

const root = mkdtempSync(join(tmpdir(), 'reconcile-estimate-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('reconcile estimate', () => {
  const out = join(root, 'out');
  mkdirSync(out);
  writeOut(out, [
    ['media', 'civilian', 96],
    ['ngo', 'civilian', 56],
    ['media;ngo', 'civilian', 24],
    ['media', 'security', 12],
    ['official', 'security', 18],
    ['media;official', 'security', 18],
    ['ngo', 'security', 8],
    ['media;ngo', 'security', 8],
    ['official;ngo', 'security', 12],
    ['media;official;ngo', 'security', 12],
  ]);

  it('prints the text report, leaving the one-category list out', async () => {
    const r = await run(['estimate', 'out'], root);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Left out: official: covers only security');
    expect(r.stdout).toContain('Chapman (two lists)');
    expect(r.stdout).toContain('The official count, 241, lies');
  });

  it('--stratify category --json: officers with three lists, civilians with two', async () => {
    const r = await run(['estimate', 'out', '--stratify', 'category', '--json'], root);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(data.estimate.strata.map((s: { stratum: string }) => s.stratum)).toEqual(['civilian', 'security']);
    expect(data.estimate.strata[1].lists).toEqual(['media', 'ngo', 'official']);
    expect(data.estimate.strata[1].estimate.N).toBeCloseTo(100, 4);
    expect(data.thresholds).toEqual([]);
  });

  it('estimates at each threshold of persons-by-threshold.json, and over sampled clusterings', async () => {
    const thresholds = [
      { threshold: 0.95, persons: [...Array(50).fill({ sources: ['media'] }), ...Array(40).fill({ sources: ['ngo'] }), ...Array(18).fill({ sources: ['media', 'ngo'] })] },
      { threshold: 0.8, persons: [...Array(47).fill({ sources: ['media'] }), ...Array(37).fill({ sources: ['ngo'] }), ...Array(21).fill({ sources: 'media;ngo' })] },
    ];
    writeFileSync(join(out, 'persons-by-threshold.json'), JSON.stringify(thresholds));
    writeFileSync(join(out, 'links.csv'), 'record_a,record_b,probability,weight\nmedia:1,ngo:1,0.5,0\n');
    const r = await run(['estimate', 'out', '--draws', '20', '--seed', '3'], root);
    const json = JSON.parse((await run(['estimate', 'out', '--draws', '20', '--seed', '3', '--json'], root)).stdout);
    rmSync(join(out, 'persons-by-threshold.json'));
    // The interval widened by linkage uncertainty spans the headline's and each threshold's interval.
    const ends = [json.estimate.total, ...json.thresholds.map((t: { estimate: unknown }) => t.estimate)] as { lower: number; upper: number }[];
    expect(json.linkage.lower).toBe(Math.min(...ends.map((e) => e.lower), json.clusterings.N.p2_5));
    expect(json.linkage.upper).toBe(Math.max(...ends.map((e) => e.upper), json.clusterings.N.p97_5));
    expect(json.linkage.widened).toBe(true);
    expect(r.stdout).toMatch(/With linkage uncertainty: 95% [0-9.]+–[0-9.]+ \(lowest end from /);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Estimate under stricter and looser matching:');
    expect(r.stdout).toMatch(/threshold 0\.95 +108/);
    expect(r.stdout).toMatch(/threshold 0\.8 +105/);
    expect(r.stdout).toMatch(/Over 20 clusterings sampled from the link probabilities \(seed 3\)/);
  });

  it('accepts an absolute OUT path from another working folder', async () => {
    const r = await run(['estimate', out, '--markdown'], tmpdir());
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('## Population estimate')).toBe(true);
  });

  it.each([
    { what: 'a missing folder', args: ['estimate', 'nowhere'], code: 3, message: /merged\.csv not found/ },
    { what: 'an unknown list', args: ['estimate', 'out', '--lists', 'media,press'], code: 2, message: /unknown list "press"/ },
    { what: 'a bad --stratify', args: ['estimate', 'out', '--stratify', 'age'], code: 2, message: /must be one of category, place, region/ },
  ])('fails clearly on $what', async ({ args, code, message }) => {
    const r = await run(args, root);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
  });

  it('fails clearly when report.json is missing', async () => {
    const bare = join(root, 'bare');
    mkdirSync(bare);
    writeFileSync(join(bare, 'merged.csv'), MERGED_HEADER + '\n');
    const r = await run(['estimate', 'bare'], root);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/report\.json not found/);
  });
});
