#!/usr/bin/env node
// Blocking recall and candidate pairs per record on a synthetic scenario (no scoring):
//   node bench/blocking.mjs DIR        (DIR from `reconcile synth`, with truth/truth.csv; run `npm run build` first)
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig, resolveSources, ingestAll } from '../dist/cli/merge-run.js';
import { prepareRecords } from '../dist/pipeline/prepare.js';
import { blockRecords } from '../dist/match/blocking.js';
import { parseTruthCsv } from '../dist/evaluate/parse.js';

const dir = resolve(process.argv[2]);
const config = loadConfig(join(dir, 'config.json'));
const sources = resolveSources([], {}, config);
let t = performance.now();
const ingested = ingestAll(sources, {});
const records = prepareRecords(ingested, config.eventDate);
const tPrep = performance.now() - t;
const unique = ingested.filter((s) => s.unique).map((s) => s.name);
t = performance.now();
const res = blockRecords(records, { uniqueSources: unique });
const tBlock = performance.now() - t;
const truthFile = join(dir, 'truth/truth.csv');
const truth = new Map(parseTruthCsv(readFileSync(truthFile, 'utf8'), truthFile).map((t) => [t.key, t.personId]));
const person = records.map((r) => truth.get(r.record.key));
const isUnique = new Set(unique);
// true pairs that the model may link (not both in one duplicate-free source, both named)
const byPerson = new Map();
person.forEach((p, i) => {
  if (records[i].name.empty) return;
  if (!byPerson.has(p)) byPerson.set(p, []);
  byPerson.get(p).push(i);
});
const n = records.length;
const cand = new Set();
let tp = 0;
for (let k = 0; k < res.a.length; k++) {
  if (person[res.a[k]] === person[res.b[k]]) {
    tp++;
    cand.add(res.a[k] * n + res.b[k]);
  }
}
let trueTotal = 0;
const missed = [];
for (const m of byPerson.values()) {
  for (let x = 0; x < m.length; x++)
    for (let y = x + 1; y < m.length; y++) {
      const [i, j] = m[x] < m[y] ? [m[x], m[y]] : [m[y], m[x]];
      if (records[i].record.source === records[j].record.source && isUnique.has(records[i].record.source)) continue;
      trueTotal++;
      if (!cand.has(i * n + j) && missed.length < 15) missed.push(`${records[i].name.normalized} | ${records[j].name.normalized}`);
    }
}
console.log(JSON.stringify({ records: n, pairs: res.a.length, perRecord: +(res.a.length / n).toFixed(1), recall: +(tp / trueTotal).toFixed(4), trueTotal, rules: res.rules, prepMs: Math.round(tPrep), blockMs: Math.round(tBlock), heapMiB: Math.round(process.memoryUsage().heapUsed / 2 ** 20) }));
if (process.argv.includes('--missed')) console.log(missed.join('\n'));
