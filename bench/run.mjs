#!/usr/bin/env node
// Benchmark: generates synthetic scenarios with `reconcile synth`, runs `reconcile merge` on each in a separate process
// as a user would, scores the result with `reconcile evaluate`, and writes bench/results.md.
//
//   npm run bench                              # about 10,000 and 100,000 records (medians of 3 and 2 runs)
//   npm run bench -- --full                    # adds 1,000,000 records (one run)
//   npm run bench -- --sizes 10000,50000 --runs 5 --seed 7
//   npm run bench -- --no-write                # print the table only
//   npm run bench -- --timeout 900             # give up on a merge after this many seconds (default 1800)
//   npm run bench -- --fresh                   # regenerate the scenarios even when they exist
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin/reconcile.js');
const WORK = join(ROOT, 'bench/work');
const FIXTURES = join(ROOT, 'fixtures/jan2022');

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const full = args.includes('--full');
const sizes = opt('--sizes', full ? '10000,100000,1000000' : '10000,100000').split(',').map(Number);
const runsSmall = Number(opt('--runs', '3'));
const seed = opt('--seed', '7');
const timeoutS = Number(opt('--timeout', '1800'));
const write = !args.includes('--no-write');
const fresh = args.includes('--fresh');

const log = (s) => process.stderr.write(`${s}\n`);

function run(argv, { env, timeout } = {}) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...argv], {
    encoding: 'utf8',
    env: env ? { ...process.env, ...env } : process.env,
    maxBuffer: 1 << 28,
    timeout: timeout ? timeout * 1000 : undefined,
  });
  return { ...r, wall: (performance.now() - t0) / 1000 };
}

/** Writes a scenario of `persons` persons into dir (kept between runs: generation is deterministic). */
function synth(persons, dir) {
  const stamp = join(dir, '.bench-stamp');
  const want = `seed ${seed} persons ${persons}`;
  if (!fresh && existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
  rmSync(dir, { recursive: true, force: true });
  const r = run(['synth', '--seed', seed, '--persons', String(persons), '--out', dir]);
  if (r.status !== 0) throw new Error(`synth failed: ${r.stderr}`);
  writeFileSync(stamp, want);
  log(`  synth ${persons.toLocaleString('en')} persons: ${r.wall.toFixed(1)} s`);
}

function countRecords(dir) {
  const truth = readFileSync(join(dir, 'truth/truth.csv'), 'utf8');
  let lines = 0;
  for (let i = truth.indexOf('\n'); i >= 0; i = truth.indexOf('\n', i + 1)) lines++;
  return lines - 1;
}

/** Records per person of this seed's five-source scenario, measured on a small scenario. */
function recordsPerPerson() {
  const persons = 4000;
  const dir = join(WORK, `ratio-${seed}`);
  synth(persons, dir);
  return countRecords(dir) / persons;
}

function merge(config, out) {
  rmSync(out, { recursive: true, force: true });
  const r = run(['merge', '--config', config, '--out', out, '--quiet'], { env: { RECONCILE_TIMINGS: '1' }, timeout: timeoutS });
  if (r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGTERM') return { wall: r.wall, timedOut: true, timings: {} };
  if (r.status !== 0) {
    // Recorded in the table (e.g. out of memory at a large size) instead of losing the other sizes' results.
    const lines = (r.stderr ?? '').trim().split('\n');
    const why = lines.find((l) => /^FATAL ERROR|^reconcile:|Error:/.test(l)) ?? `exit ${r.status ?? r.signal}`;
    const stages = lines.filter((l) => l.startsWith('stage ')).map((l) => l.split(' ')[1]);
    const where = stages.length > 0 ? ` (after the ${stages[stages.length - 1]} stage)` : '';
    return { wall: r.wall, failed: `${why.trim().slice(0, 160)}${where}`, timings: {} };
  }
  // Each stage's time, heap and peak RSS so far, beside the outputs (bench/work is not committed).
  writeFileSync(join(out, 'stages.txt'), r.stderr);
  const line = r.stderr.split('\n').find((l) => l.startsWith('timings '));
  const timings = line ? JSON.parse(line.slice(8)) : {};
  return { wall: r.wall, timings };
}

function evaluate(truth, out) {
  const r = run(['evaluate', '--truth', truth, join(out, 'records.csv'), '--json']);
  if (r.status !== 0) throw new Error(`evaluate failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const STAGES = ['ingest', 'normalize', 'block', 'train', 'score', 'cluster', 'merge', 'report', 'write'];
const fmtS = (x) => (Number.isFinite(x) ? x.toFixed(2) : '');
const fmtN = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en') : '');
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' / ');

mkdirSync(WORK, { recursive: true });
if (!existsSync(join(ROOT, 'dist/cli/run-cli.js'))) throw new Error('dist/ is missing: run `npm run build` first');
const loadBefore = load();
const ratio = recordsPerPerson();
log(`scenario seed ${seed}: ${ratio.toFixed(3)} records per person`);

const rows = [];
for (const size of sizes) {
  const persons = Math.round(size / ratio);
  const dir = join(WORK, `scenario-${seed}-${persons}`);
  log(`scenario ~${size.toLocaleString('en')} records (${persons.toLocaleString('en')} persons)`);
  synth(persons, dir);
  const records = countRecords(dir);
  const runs = size >= 1_000_000 ? 1 : size >= 100_000 ? Math.min(runsSmall, 2) : runsSmall;
  const out = join(WORK, `out-${seed}-${persons}`);
  const results = [];
  for (let i = 0; i < runs; i++) {
    const res = merge(join(dir, 'config.json'), out);
    const what = res.timedOut ? `gave up after ${timeoutS} s` : res.failed ? `failed after ${res.wall.toFixed(1)} s: ${res.failed}` : `${res.wall.toFixed(2)} s`;
    log(`  merge run ${i + 1}/${runs}: ${what}  (load ${load()})`);
    results.push(res);
    if (res.timedOut || res.failed) break;
  }
  const done = results.filter((r) => !r.timedOut && !r.failed);
  const ev = done.length > 0 ? evaluate(join(dir, 'truth/truth.csv'), out) : undefined;
  const stage = Object.fromEntries(STAGES.map((s) => [s, median(done.map((r) => (r.timings[s] ?? 0) / 1000))]));
  const pairs = done[0]?.timings.candidate_pairs;
  rows.push({
    records,
    runs: done.length,
    timedOut: results.some((r) => r.timedOut),
    failed: results.find((r) => r.failed),
    wall: median(done.map((r) => r.wall)),
    cpu: median(done.map((r) => (r.timings.cpu_ms ?? NaN) / 1000)),
    rss: median(done.map((r) => r.timings.max_rss_mb ?? NaN)),
    pairs,
    rate: pairs / Math.max(stage.score, 1e-6),
    stage,
    f1: ev?.pairwise?.f1,
    bf1: ev?.bcubed?.f1,
  });
}

// The January 2022-shaped fixtures: the whole command, Node start-up included.
const fixtureRuns = [];
for (let i = 0; i < 5; i++) {
  const res = merge(join(FIXTURES, 'config.json'), join(WORK, 'out-fixtures'));
  fixtureRuns.push(res);
}
const fixtureEval = evaluate(join(FIXTURES, 'truth/truth.csv'), join(WORK, 'out-fixtures'));
const loadAfter = load();

const lines = [];
lines.push('# Benchmark results', '');
lines.push(
  `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model?.trim() ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB memory, ` +
    `Node ${process.version}, ${os.platform()} ${os.arch()}. Load average (1 / 5 / 15 min) ${loadBefore} before, ${loadAfter} after.`,
);
lines.push(
  `Scenarios: \`reconcile synth --seed ${seed} --persons N\` (five sources, ${ratio.toFixed(2)} records per person). ` +
    'Command measured: `reconcile merge --config DIR/config.json --out OUT --quiet` in its own process. Wall time and ' +
    'stage times (seconds) are medians over the runs shown; CPU is user + system time of the merge process (all ' +
    'threads); peak RSS is its maximum resident set size; pairs/s is candidate pairs over the score stage time. ' +
    'F1 from `reconcile evaluate` against the scenario truth.',
  '',
);
lines.push(`| records | runs | wall (s) | CPU (s) | peak RSS (MiB) | candidate pairs | pairs/s (score) | ${STAGES.join(' | ')} | pairwise F1 | B-cubed F1 |`);
lines.push(`|---:|---:|---:|---:|---:|---:|---:|${STAGES.map(() => '---:').join('|')}|---:|---:|`);
for (const r of rows) {
  const wall = r.runs > 0 ? fmtS(r.wall) : r.failed ? `failed after ${r.failed.wall.toFixed(0)} s` : r.timedOut ? `> ${timeoutS}` : '';
  lines.push(
    `| ${r.records.toLocaleString('en')} | ${r.runs} | ${wall} | ${fmtS(r.cpu)} | ${fmtN(r.rss)} | ${fmtN(r.pairs)} | ${fmtN(r.rate)} | ` +
      `${STAGES.map((s) => fmtS(r.stage[s])).join(' | ')} | ${r.f1?.toFixed(4) ?? ''} | ${r.bf1?.toFixed(4) ?? ''} |`,
  );
}
const fxWall = median(fixtureRuns.map((r) => r.wall));
const fxCpu = median(fixtureRuns.map((r) => (r.timings.cpu_ms ?? NaN) / 1000));
lines.push(
  '',
  `Jan-2022 fixtures (\`reconcile merge --config fixtures/jan2022/config.json\`, whole command including Node start-up, ` +
    `${fixtureRuns[0].timings.records ?? '?'} records): median wall ${fmtS(fxWall)} s, CPU ${fmtS(fxCpu)} s over ${fixtureRuns.length} runs; ` +
    `pairwise F1 ${fixtureEval.pairwise?.f1?.toFixed(4) ?? '?'}.`,
);
for (const r of rows.filter((x) => x.failed)) lines.push('', `${r.records.toLocaleString('en')} records: the merge failed after ${r.failed.wall.toFixed(0)} s: ${r.failed.failed}`);
const measured = rows.filter((r) => r.runs > 0);
if (measured.length >= 2) {
  const last = measured[measured.length - 1];
  const prev = measured[measured.length - 2];
  lines.push(
    '',
    `Growth: ${last.records.toLocaleString('en')} / ${prev.records.toLocaleString('en')} records → wall time ×${(last.wall / prev.wall).toFixed(1)}, ` +
      `candidate pairs ×${(last.pairs / prev.pairs).toFixed(1)}.`,
  );
}
const text = lines.join('\n') + '\n';
process.stdout.write(text);
if (write) writeFileSync(join(ROOT, 'bench/results.md'), text);
