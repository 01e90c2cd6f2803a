#!/usr/bin/env node
// Benchmark: generates synthetic scenarios with `reconcile synth`, runs `reconcile merge` on each in a separate process
// as a user would, scores the result with `reconcile evaluate`, and writes bench/results.md.
//
//   npm run bench                              # 10k and 100k records (medians of 3 and 1 runs)
//   npm run bench -- --full                    # adds 1,000,000 records
//   npm run bench -- --sizes 10000,50000 --runs 5
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin/reconcile.js');
const WORK = join(ROOT, 'bench/work');

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const full = args.includes('--full');
const sizes = (opt('--sizes', full ? '10000,100000,1000000' : '10000,100000')).split(',').map(Number);
const runsSmall = Number(opt('--runs', '3'));
const seed = opt('--seed', '7');
const write = !args.includes('--no-write');

/** Records per person in the default five-source scenario, measured on a small scenario first. */
function synth(persons, dir) {
  if (existsSync(join(dir, 'config.json'))) return;
  rmSync(dir, { recursive: true, force: true });
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [BIN, 'synth', '--seed', seed, '--persons', String(persons), '--out', dir], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`synth failed: ${r.stderr}`);
  process.stderr.write(`  synth ${persons} persons: ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}

function countRecords(dir) {
  const truth = readFileSync(join(dir, 'truth/truth.csv'), 'utf8');
  return truth.split('\n').filter(Boolean).length - 1;
}

function merge(dir, out) {
  rmSync(out, { recursive: true, force: true });
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [BIN, 'merge', '--config', join(dir, 'config.json'), '--out', out, '--quiet'], {
    encoding: 'utf8',
    env: { ...process.env, RECONCILE_TIMINGS: '1' },
    maxBuffer: 1 << 26,
  });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`merge failed (${r.status}): ${r.stderr}`);
  const line = r.stderr.split('\n').find((l) => l.startsWith('timings '));
  const timings = line ? JSON.parse(line.slice(8)) : {};
  return { wall, timings };
}

function evaluate(dir, out) {
  const r = spawnSync(process.execPath, [BIN, 'evaluate', '--truth', join(dir, 'truth/truth.csv'), join(out, 'records.csv'), '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`evaluate failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const STAGES = ['ingest', 'normalize', 'block', 'train', 'score', 'cluster', 'merge', 'report', 'write'];
mkdirSync(WORK, { recursive: true });
const rows = [];
for (const size of sizes) {
  // The default scenario yields about 1.25 records per person (five sources with their capture rates).
  const persons = Math.round(size / 1.25);
  const dir = join(WORK, `scenario-${size}`);
  process.stderr.write(`scenario ~${size} records\n`);
  synth(persons, dir);
  const records = countRecords(dir);
  const runs = size >= 1_000_000 ? 1 : size >= 100_000 ? Math.min(runsSmall, 2) : runsSmall;
  const results = [];
  for (let i = 0; i < runs; i++) {
    const res = merge(dir, join(WORK, `out-${size}`));
    process.stderr.write(`  merge run ${i + 1}/${runs}: ${res.wall.toFixed(2)} s\n`);
    results.push(res);
  }
  const ev = evaluate(dir, join(WORK, `out-${size}`));
  const wall = median(results.map((r) => r.wall));
  const stage = Object.fromEntries(STAGES.map((s) => [s, median(results.map((r) => (r.timings[s] ?? 0) / 1000))]));
  const pairs = results[0].timings.candidate_pairs ?? 0;
  const rss = median(results.map((r) => r.timings.max_rss_mb ?? 0));
  rows.push({ records, runs, wall, rss, pairs, rate: pairs / Math.max(stage.score, 1e-6), stage, f1: ev.pairwise?.f1, bf1: ev.bcubed?.f1 });
}

// The January 2022-shaped fixtures: the whole command, Node start-up included.
const fixtureWalls = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [BIN, 'merge', '--config', join(ROOT, 'fixtures/jan2022/config.json'), '--out', join(WORK, 'out-fixtures'), '--quiet'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`fixture merge failed: ${r.stderr}`);
  fixtureWalls.push((performance.now() - t0) / 1000);
}

const fmtS = (x) => x.toFixed(2);
const lines = [];
lines.push('# Benchmark results', '');
lines.push(`Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB memory, Node ${process.version}, ${os.platform()} ${os.arch()}.`);
lines.push(`Scenarios: \`reconcile synth --seed ${seed}\` (five sources). Command measured: \`reconcile merge --config DIR/config.json --out OUT --quiet\` in its own process; wall time is the median over the runs shown; stage times are medians too; peak memory is the process's maximum resident set size.`, '');
lines.push(`| records | runs | wall (s) | peak RSS (MiB) | candidate pairs | pairs/s (score) | ${STAGES.join(' | ')} | pairwise F1 | B-cubed F1 |`);
lines.push(`|---:|---:|---:|---:|---:|---:|${STAGES.map(() => '---:').join('|')}|---:|---:|`);
for (const r of rows) {
  lines.push(`| ${r.records.toLocaleString('en')} | ${r.runs} | ${fmtS(r.wall)} | ${Math.round(r.rss)} | ${r.pairs.toLocaleString('en')} | ${Math.round(r.rate).toLocaleString('en')} | ${STAGES.map((s) => fmtS(r.stage[s])).join(' | ')} | ${r.f1?.toFixed(4) ?? ''} | ${r.bf1?.toFixed(4) ?? ''} |`);
}
lines.push('', `Jan-2022 fixtures (\`reconcile merge --config fixtures/jan2022/config.json\`, whole command including Node start-up): median ${fmtS(median(fixtureWalls))} s over 5 runs.`);
if (rows.length >= 2) {
  const last = rows[rows.length - 1];
  const prev = rows[rows.length - 2];
  lines.push('', `Growth: ${last.records.toLocaleString('en')} / ${prev.records.toLocaleString('en')} records → wall time ×${(last.wall / prev.wall).toFixed(1)}.`);
}
const text = lines.join('\n') + '\n';
process.stdout.write(text);
if (write) writeFileSync(join(ROOT, 'bench/results.md'), text);
