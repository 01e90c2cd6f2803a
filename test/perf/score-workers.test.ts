// Scoring spread over threads gives exactly the single-thread comparison vectors (and weights), and survives workers
// that never start, stop early or fail mid-chunk (the calling thread redoes their chunks). Weighing while comparing
// gives the weights of comparing first and weighing after; training on its own sample gives the same model.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestSource } from '../../src/ingest/index.js';
import { loadConfig } from '../../src/cli/merge-run.js';
import { blockRecords } from '../../src/match/blocking.js';
import { buildFeatures, type RecordFeatures } from '../../src/match/features.js';
import { buildTermFrequencies, type TermFrequencies } from '../../src/match/frequencies.js';
import { buildScoringContext, comparePairs, weighPairs, type ScoringContext } from '../../src/match/score.js';
import { compareRange, weighParamsOf, weighRange, type VectorArrays, type WeightArrays } from '../../src/match/score-range.js';
import { CHUNK, comparePairsInParallel, stringHash, weighPairsInParallel } from '../../src/match/score-workers.js';
import { trainModel, trainingReadsAllCandidates } from '../../src/match/train.js';
import type { MatchRecord } from '../../src/match/types.js';
import { prepareRecords } from '../../src/pipeline/prepare.js';
import { ROOT, tempDir } from '../support/run-cli.js';

let records: MatchRecord[];
let features: RecordFeatures;
let tf: TermFrequencies;
let a: Uint32Array;
let b: Uint32Array;
let ctx: ScoringContext;

beforeAll(() => {
  const config = loadConfig(join(ROOT, 'fixtures/jan2022/config.json'));
  const sources = config.sources.map((s) => ingestSource(s, readFileSync(s.path)));
  records = prepareRecords(sources, config.eventDate);
  features = buildFeatures(records, config.eventDate);
  tf = buildTermFrequencies(records);
  const pairs = blockRecords(records);
  // A spread of pairs across the whole list, a few chunks' worth (keeps the test light).
  const keep: number[] = [];
  for (let p = 0; p < pairs.a.length; p += 11) keep.push(p);
  a = Uint32Array.from(keep, (p) => pairs.a[p]);
  b = Uint32Array.from(keep, (p) => pairs.b[p]);
  const official = config.sources.filter((s) => s.unique).map((s) => s.name);
  ctx = buildScoringContext(records, features, tf, trainModel(records, features, pairs, { uniqueSources: official, termFrequencies: tf }).model, official);
});

function expectSame(x: VectorArrays, y: VectorArrays): void {
  expect(Array.from(x.codes)).toEqual(Array.from(y.codes));
  expect(Array.from(x.tfSurname)).toEqual(Array.from(y.tfSurname));
  expect(Array.from(x.tfGiven)).toEqual(Array.from(y.tfGiven));
  expect(Array.from(x.namesDiffer)).toEqual(Array.from(y.namesDiffer));
}

/** A stand-in worker script: `body` runs with the shared control array as `control` and the input as `d`. */
function fakeWorker(body: string): URL {
  const file = join(tempDir('reconcile-worker-'), 'worker.mjs');
  writeFileSync(file, `import { workerData as d } from 'node:worker_threads';\nconst control = d.control;\n${body}\n`);
  return pathToFileURL(file);
}

describe('compareRange', () => {
  it('gives what comparePairs gives, range by range', () => {
    const whole = comparePairs(records, features, tf, a, b);
    const out: VectorArrays = {
      codes: new Uint32Array(a.length),
      tfSurname: new Float32Array(a.length),
      tfGiven: new Float32Array(a.length),
      namesDiffer: new Uint8Array(a.length),
    };
    const cut = Math.floor(a.length / 3);
    compareRange(records, features, tf, a, b, out, cut, a.length);
    compareRange(records, features, tf, a, b, out, 0, cut);
    expectSame(out, whole);
  });
});

describe('stringHash', () => {
  it('is FNV-1a over UTF-16 code units (published 32-bit values), as a signed 32-bit number', () => {
    expect(stringHash('')).toBe(0x811c9dc5 | 0);
    expect(stringHash('a')).toBe(0xe40c292c | 0);
    expect(stringHash('foobar')).toBe(0xbf9cf968 | 0);
    expect(stringHash('Ахметов Ерлан')).not.toBe(stringHash('Ахметов Ерлон'));
  });
});

describe('weighRange', () => {
  it('gives the weights and names-differ flags of weighPairs on compareRange vectors, range by range', () => {
    const vectors = comparePairs(records, features, tf, a, b);
    const expected = weighPairs(ctx, a, b, vectors);
    const out: WeightArrays = { weights: new Float32Array(a.length), namesDiffer: new Uint8Array(a.length) };
    const cut = Math.floor(a.length / 2);
    weighRange(records, features, tf, weighParamsOf(ctx), a, b, out, cut, a.length);
    weighRange(records, features, tf, weighParamsOf(ctx), a, b, out, 0, cut);
    expect(Array.from(out.weights)).toEqual(Array.from(expected));
    expect(Array.from(out.namesDiffer)).toEqual(Array.from(vectors.namesDiffer));
    // The pairs cover linked and unlinked ones, with and without term-frequency adjustments.
    expect(Math.max(...expected)).toBeGreaterThan(5);
    expect(Math.min(...expected)).toBeLessThan(-5);
    expect(vectors.tfSurname.some((x) => x !== 0)).toBe(true);
  });

  it('with the term-frequency adjustments off, still matches weighPairs', () => {
    const model = { ...ctx.model, termFrequency: { ...ctx.model.termFrequency, surname: false, given: true, maxBits: 1 } };
    const other = buildScoringContext(records, features, tf, model, []);
    const expected = weighPairs(other, a, b, comparePairs(records, features, tf, a, b));
    const out = weighPairsInParallel(records, features, tf, weighParamsOf(other), a, b, undefined, { threads: 1 });
    expect(Array.from(out.weights)).toEqual(Array.from(expected));
  });
});

describe('trainModel without the candidates\' vectors', () => {
  const unique = () => ({ uniqueSources: ['official'], termFrequencies: tf });
  it('draws and compares the same sample itself: the same model', () => {
    const options = { ...unique(), maxTrainingPairs: Math.floor(a.length / 3) };
    expect(trainingReadsAllCandidates(features, a.length, options)).toBe(false);
    const withCodes = trainModel(records, features, { a, b, codes: comparePairs(records, features, tf, a, b).codes }, options);
    const without = trainModel(records, features, { a, b }, options);
    expect(without).toEqual(withCodes);
    expect(without.model.training.trainingPairs).toBeLessThan(a.length);
  });

  it('compares every candidate when it reads them all: the same model', () => {
    expect(trainingReadsAllCandidates(features, a.length, unique())).toBe(true);
    const withCodes = trainModel(records, features, { a, b, codes: comparePairs(records, features, tf, a, b).codes }, unique());
    expect(trainModel(records, features, { a, b }, unique())).toEqual(withCodes);
  });
});

describe('comparePairsInParallel', () => {
  it('on one thread gives what comparePairs gives and reports progress up to the total', () => {
    const seen: number[] = [];
    const out = comparePairsInParallel(records, features, tf, a, b, (done, total) => {
      expect(total).toBe(a.length);
      seen.push(done);
    }, { threads: 1 });
    expectSame(out, comparePairs(records, features, tf, a, b));
    expect(seen[seen.length - 1]).toBe(a.length);
  });

  it.each([
    ['a worker that takes no chunk', 'Atomics.store(control, 0, Atomics.load(control, 0));'],
    ['a worker that fails before any chunk', 'Atomics.store(control, 2, 1); Atomics.notify(control, 1);'],
    ['a worker that takes a chunk and then fails', 'Atomics.add(control, 0, 1); Atomics.store(control, 2, 1); Atomics.notify(control, 1);'],
    ['a worker that throws', 'throw new Error("no");'],
  ])('with %s, the calling thread does the work', (_label, body) => {
    // Many chunks, so that the stand-in worker starts before the calling thread has taken them all.
    const base = 1600;
    const times = 25;
    const x = new Uint32Array(base * times);
    const y = new Uint32Array(base * times);
    for (let k = 0; k < times; k++) {
      x.set(a.subarray(0, base), k * base);
      y.set(b.subarray(0, base), k * base);
    }
    const out = comparePairsInParallel(records, features, tf, x, y, undefined, { threads: 2, minPairs: 0, minPairsPerName: 0, workerUrl: fakeWorker(body) });
    expectSame(out, comparePairs(records, features, tf, x, y));
  });

  it('without a worker script beside it (as under the test runner), uses one thread', () => {
    const out = comparePairsInParallel(records, features, tf, a, b, undefined, {
      threads: 2,
      minPairs: 0,
      minPairsPerName: 0,
      workerUrl: pathToFileURL(join(tempDir(), 'missing-worker.js')),
    });
    expectSame(out, comparePairs(records, features, tf, a, b));
  });

  const built = join(ROOT, 'dist/match/score-workers.js');
  it.skipIf(!existsSync(built))('with the built worker, gives the single-thread result (built code on both sides)', async () => {
    const dist = (await import(pathToFileURL(built).href)) as typeof import('../../src/match/score-workers.js');
    const distScore = (await import(pathToFileURL(join(ROOT, 'dist/match/score.js')).href)) as typeof import('../../src/match/score.js');
    const distPrepare = (await import(pathToFileURL(join(ROOT, 'dist/pipeline/prepare.js')).href)) as typeof import('../../src/pipeline/prepare.js');
    const distIngest = (await import(pathToFileURL(join(ROOT, 'dist/ingest/index.js')).href)) as typeof import('../../src/ingest/index.js');
    const distFeatures = (await import(pathToFileURL(join(ROOT, 'dist/match/features.js')).href)) as typeof import('../../src/match/features.js');
    const distFreq = (await import(pathToFileURL(join(ROOT, 'dist/match/frequencies.js')).href)) as typeof import('../../src/match/frequencies.js');
    const config = loadConfig(join(ROOT, 'fixtures/jan2022/config.json'));
    const recs = distPrepare.prepareRecords(config.sources.map((s) => distIngest.ingestSource(s, readFileSync(s.path))), config.eventDate);
    const f = distFeatures.buildFeatures(recs, config.eventDate);
    const t = distFreq.buildTermFrequencies(recs);
    // Enough chunks that both threads take some.
    const n = recs.length;
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < n && xs.length < CHUNK * 6; i++) for (let j = i + 1; j < n && xs.length < CHUNK * 6; j += 3) {
      xs.push(i);
      ys.push(j);
    }
    const x = Uint32Array.from(xs);
    const y = Uint32Array.from(ys);
    const out = dist.comparePairsInParallel(recs, f, t, x, y, undefined, { threads: 2, minPairs: 0, minPairsPerName: 0 });
    const vectors = distScore.comparePairs(recs, f, t, x, y);
    expectSame(out, vectors);
    // Weighing on two threads: the weights of one thread comparing, then weighing.
    const distRange = (await import(pathToFileURL(join(ROOT, 'dist/match/score-range.js')).href)) as typeof import('../../src/match/score-range.js');
    const c = distScore.buildScoringContext(recs, f, t, ctx.model, ['official']);
    const weighed = dist.weighPairsInParallel(recs, f, t, distRange.weighParamsOf(c), x, y, undefined, { threads: 2, minPairs: 0, minPairsPerName: 0 });
    expect(Array.from(weighed.weights)).toEqual(Array.from(distScore.weighPairs(c, x, y, vectors)));
    expect(Array.from(weighed.namesDiffer)).toEqual(Array.from(vectors.namesDiffer));
  });
});
