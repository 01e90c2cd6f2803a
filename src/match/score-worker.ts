// Entry of a scoring worker thread (started by score-workers.ts): takes chunks of candidate pairs from the shared
// counter and writes their comparison vectors (or, given the model's weighing parameters, their weights) into the
// shared arrays. Names are parsed when first met, and checked against the calling thread's parse; any difference or
// error sets the FAILED flag and the caller redoes the work.
import { workerData } from 'node:worker_threads';
import { parseName } from '../names/index.js';
import type { ParsedName } from '../names/types.js';
import { fillRange } from './score-range.js';
import { stringHash, type ScoreWorkerInput } from './score-workers.js';
import type { MatchRecord } from './types.js';

const NEXT = 0;
const DONE = 1;
const FAILED = 2;

const NOTHING: string[] = [];

/**
 * Drops what bulk comparison never reads (display forms, warnings, sex evidence): the worker holds a second parse of
 * every name, and a leaner one keeps a large run within its memory budget (the tokens' strings are shared already,
 * see shareNameStrings). compareNames gives the same levels, decision and agreed skeletons.
 */
function slimForComparison(name: ParsedName): void {
  name.cyrillic = '';
  name.latin = '';
  name.warnings = NOTHING;
  name.sexEvidence = NOTHING;
}

function run(d: ScoreWorkerInput): void {
  const { a, b, out, control, chunkDone, chunk, nameOf } = d;
  const total = a.length;
  const chunks = Math.ceil(total / chunk);
  const byName: Array<MatchRecord | undefined> = new Array(d.inputs.length).fill(undefined);
  const placeholder = { name: undefined } as unknown as MatchRecord;
  const records: MatchRecord[] = new Array(nameOf.length).fill(placeholder);
  const recordOf = (i: number): void => {
    if (records[i] !== placeholder) return;
    const k = nameOf[i];
    let r = byName[k];
    if (r === undefined) {
      const name: ParsedName = parseName(d.inputs[k]);
      if (stringHash(name.normalized) !== d.normalizedHash[k]) throw new Error(`name ${k} parses differently in the worker`);
      slimForComparison(name);
      d.inputs[k] = '';
      r = { name } as MatchRecord;
      byName[k] = r;
    }
    records[i] = r;
  };
  for (;;) {
    if (Atomics.load(control, FAILED) !== 0) return;
    const c = Atomics.add(control, NEXT, 1);
    if (c >= chunks) return;
    const from = c * chunk;
    const to = Math.min(total, from + chunk);
    for (let p = from; p < to; p++) {
      recordOf(a[p]);
      recordOf(b[p]);
    }
    fillRange(records, d.features, d.tf, d.weigh, a, b, out, from, to);
    chunkDone[c] = 1;
    Atomics.add(control, DONE, 1);
    Atomics.notify(control, DONE);
  }
}

const input = workerData as ScoreWorkerInput;
try {
  run(input);
} catch {
  Atomics.store(input.control, FAILED, 1);
  Atomics.notify(input.control, DONE);
}
