// Candidate-pair comparison spread over worker threads: chunks of pairs taken in turn from a shared counter by the
// calling thread and the workers (which parse the names they meet), written into shared arrays; same results as
// comparePairs (comparison vectors) or as weighPairs on them (weights). The calling thread stays synchronous and
// does itself any chunk still out at the end.
import { existsSync } from 'node:fs';
import { availableParallelism, freemem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { NameInput, ParsedName } from '../names/types.js';
import type { RecordFeatures } from './features.js';
import type { TermFrequencies } from './frequencies.js';
import { fillRange, type VectorArrays, type WeighParams, type WeightArrays } from './score-range.js';
import type { MatchRecord } from './types.js';

/** Pairs per chunk: small enough to balance the threads, large enough that the shared counter costs nothing. */
export const CHUNK = 4096;
/**
 * Below this many pairs one thread does it all: a worker needs ~0.2 s to load, then parses names and warms up, so
 * it only pays on seconds of work (1.4 million pairs: 1.4× faster on two cores; 100,000 pairs: slower).
 */
export const MIN_PARALLEL_PAIRS = 400_000;
/**
 * A worker parses every name it meets again (a parse costs as much as tens of comparisons), so workers start only
 * when there are at least this many pairs per distinct name.
 */
export const MIN_PAIRS_PER_NAME = 30;

/**
 * Above this many distinct names no worker is started unless RECONCILE_THREADS (or `threads`) asks for one, or the
 * machine has FREE_MEMORY_PER_WORKER free for each worker: each worker parses and keeps every name again (its peak
 * at a million records is under 1 GiB, on top of the calling thread's 4 GiB), which on a machine short of memory
 * would swap. Scoring is then slower but fits. Results are the same either way.
 */
export const MAX_PARALLEL_NAMES = 300_000;
/** Free memory per worker that lets workers start above MAX_PARALLEL_NAMES distinct names. */
export const FREE_MEMORY_PER_WORKER = 4 * 2 ** 30;

// Slots of the control array.
const NEXT = 0;
const DONE = 1;
const FAILED = 2;

/** What a scoring worker receives (see score-worker.ts). */
export interface ScoreWorkerInput {
  /** Distinct name inputs, as prepareRecords parsed them, and a hash of the normalized form the calling thread got. */
  inputs: NameInput[];
  normalizedHash: Int32Array;
  /** Record index → index into `inputs`. */
  nameOf: Int32Array;
  features: RecordFeatures;
  tf: TermFrequencies;
  a: Uint32Array;
  b: Uint32Array;
  /** Comparison vectors, or with `weigh` the weights. */
  out: VectorArrays | WeightArrays;
  /** Weigh each pair under these parameters instead of writing its comparison vector. */
  weigh?: WeighParams;
  /** NEXT chunk to take, chunks DONE, FAILED flag (also set by the caller when it needs no more help). */
  control: Int32Array;
  /** 1 for each chunk written completely. */
  chunkDone: Uint8Array;
  chunk: number;
}

export interface ParallelOptions {
  /**
   * Threads in all, the calling one included (default: RECONCILE_THREADS, else the machine's cores, at most 4).
   * A thread count set here or in RECONCILE_THREADS is used whenever there is more than one chunk of pairs.
   */
  threads?: number;
  /** Pairs below which no worker is started (default MIN_PARALLEL_PAIRS). */
  minPairs?: number;
  /** Pairs per distinct name below which no worker is started (default MIN_PAIRS_PER_NAME). */
  minPairsPerName?: number;
  /**
   * Distinct names above which no worker is started (default MAX_PARALLEL_NAMES; no limit when threads are asked for
   * or FREE_MEMORY_PER_WORKER is free for each worker).
   */
  maxNames?: number;
  /** The worker script (default: score-worker.js beside this module; without it, one thread does the work). */
  workerUrl?: URL;
}

/** Threads asked for in RECONCILE_THREADS (1 = no workers), if any. */
function threadsFromEnv(): number | undefined {
  const env = Number(process.env.RECONCILE_THREADS);
  return Number.isInteger(env) && env >= 1 ? env : undefined;
}

/** Threads to use: RECONCILE_THREADS when set, else the cores available, at most 4. */
export function defaultThreads(): number {
  return threadsFromEnv() ?? Math.max(1, Math.min(4, availableParallelism()));
}

const DEFAULT_WORKER_URL = new URL('./score-worker.js', import.meta.url);

function shared<T extends Uint32Array | Float32Array | Uint8Array | Int32Array>(Kind: { new (b: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }, length: number): T {
  return new Kind(new SharedArrayBuffer(Math.max(1, length) * Kind.BYTES_PER_ELEMENT));
}

/** The input a record's name was parsed from (as prepareRecords does): its split parts, else the name as written. */
function nameInputOf(r: MatchRecord): NameInput {
  const parts = r.record?.nameParts;
  return parts ? { ...parts } : (r.record?.rawName ?? r.name.raw);
}

/**
 * FNV-1a hash of a string's UTF-16 code units: a worker checks its parse of each name against the calling thread's
 * by it (a copy of every normalized name took tens of megabytes in each worker at a million records).
 */
export function stringHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** One entry per distinct ParsedName object (as prepareRecords makes them): its input and normalized form's hash. */
function distinctNames(records: readonly MatchRecord[]): Pick<ScoreWorkerInput, 'inputs' | 'normalizedHash' | 'nameOf'> {
  const indexOfName = new Map<ParsedName, number>();
  const inputs: NameInput[] = [];
  const hashes: number[] = [];
  const nameOf = new Int32Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const name = records[i].name;
    let k = indexOfName.get(name);
    if (k === undefined) {
      k = inputs.length;
      indexOfName.set(name, k);
      inputs.push(nameInputOf(records[i]));
      hashes.push(stringHash(name.normalized));
    }
    nameOf[i] = k;
  }
  return { inputs, normalizedHash: Int32Array.from(hashes), nameOf };
}

/**
 * Compares every candidate pair (a[p], b[p]) like comparePairs, on several threads when there are enough pairs.
 * `onProgress(done, total)` is called from the calling thread as chunks complete.
 * Example: comparePairsInParallel(records, f, tf, a, b).codes[p] === comparePairs(records, f, tf, a, b).codes[p]
 */
export function comparePairsInParallel(
  records: readonly MatchRecord[],
  features: RecordFeatures,
  tf: TermFrequencies,
  a: Uint32Array,
  b: Uint32Array,
  onProgress?: (done: number, total: number) => void,
  options: ParallelOptions = {},
): VectorArrays {
  return inParallel<VectorArrays>(
    records, features, tf, a, b,
    { make: (alloc) => ({ codes: alloc.u32(), tfSurname: alloc.f32(), tfGiven: alloc.f32(), namesDiffer: alloc.u8() }) },
    onProgress,
    options,
  );
}

/**
 * Compares and weighs every candidate pair under a trained model, on several threads when there are enough pairs:
 * the weights weighPairs gives for comparePairs' vectors, without holding the vectors.
 * Example: weighPairsInParallel(records, f, tf, weighParamsOf(ctx), a, b).weights[p] === weighPairs(ctx, a, b, vectors)[p]
 */
export function weighPairsInParallel(
  records: readonly MatchRecord[],
  features: RecordFeatures,
  tf: TermFrequencies,
  params: WeighParams,
  a: Uint32Array,
  b: Uint32Array,
  onProgress?: (done: number, total: number) => void,
  options: ParallelOptions = {},
): WeightArrays {
  return inParallel<WeightArrays>(
    records, features, tf, a, b,
    { make: (alloc) => ({ weights: alloc.f32(), namesDiffer: alloc.u8() }), weigh: params },
    onProgress,
    options,
  );
}

/** Makes an output array of one slot per pair (in shared memory when workers help). */
interface Alloc {
  u32(): Uint32Array;
  f32(): Float32Array;
  u8(): Uint8Array;
}

/** A pass over the pairs: its output arrays, and the weighing parameters when it weighs (see fillRange). */
interface Pass<T> {
  make: (alloc: Alloc) => T;
  weigh?: WeighParams;
}

function inParallel<T extends VectorArrays | WeightArrays>(
  records: readonly MatchRecord[],
  features: RecordFeatures,
  tf: TermFrequencies,
  a: Uint32Array,
  b: Uint32Array,
  pass: Pass<T>,
  onProgress: ((done: number, total: number) => void) | undefined,
  options: ParallelOptions,
): T {
  const total = a.length;
  const fill = (out: T, from: number, to: number) => fillRange(records, features, tf, pass.weigh, a, b, out, from, to);
  const asked = options.threads ?? threadsFromEnv();
  const threads = asked ?? defaultThreads();
  const workerUrl = options.workerUrl ?? DEFAULT_WORKER_URL;
  const minPairs = options.minPairs ?? (asked !== undefined ? CHUNK + 1 : MIN_PARALLEL_PAIRS);
  const minPairsPerName = options.minPairsPerName ?? (asked !== undefined ? 0 : MIN_PAIRS_PER_NAME);
  const parallel = threads > 1 && total >= minPairs && existsSync(fileURLToPath(workerUrl));
  const names = parallel ? distinctNames(records) : undefined;
  const roomy = freemem() >= (threads - 1) * FREE_MEMORY_PER_WORKER;
  const maxNames = options.maxNames ?? (asked !== undefined || roomy ? Infinity : MAX_PARALLEL_NAMES);
  if (!names || total < minPairsPerName * names.inputs.length || names.inputs.length > maxNames) {
    const out = pass.make({ u32: () => new Uint32Array(total), f32: () => new Float32Array(total), u8: () => new Uint8Array(total) });
    for (let from = 0; from < total; from += CHUNK * 16) {
      const to = Math.min(total, from + CHUNK * 16);
      fill(out, from, to);
      onProgress?.(to, total);
    }
    return out;
  }

  const chunks = Math.ceil(total / CHUNK);
  const out = pass.make({ u32: () => shared(Uint32Array, total), f32: () => shared(Float32Array, total), u8: () => shared(Uint8Array, total) });
  // Pairs already in shared memory (as blocking returns them) are handed to the workers as they are, not copied.
  const sa = a.buffer instanceof SharedArrayBuffer ? a : shared(Uint32Array, total);
  if (sa !== a) sa.set(a);
  const sb = b.buffer instanceof SharedArrayBuffer ? b : shared(Uint32Array, total);
  if (sb !== b) sb.set(b);
  const control = shared(Int32Array, 3);
  const chunkDone = shared(Uint8Array, chunks);

  const input: ScoreWorkerInput = { ...names, features, tf, a: sa, b: sb, out, weigh: pass.weigh, control, chunkDone, chunk: CHUNK };
  const workers: Worker[] = [];
  try {
    for (let w = 1; w < threads; w++) {
      const worker = new Worker(workerUrl, { workerData: input });
      worker.unref();
      // Errors are reported through the FAILED flag; the event itself only arrives once this thread is free again.
      worker.on('error', () => {});
      workers.push(worker);
    }
  } catch {
    Atomics.store(control, FAILED, 1);
  }

  const report = () => onProgress?.(Math.min(total, Atomics.load(control, DONE) * CHUNK), total);
  const started = performance.now();
  let mine = 0;
  for (;;) {
    const c = Atomics.add(control, NEXT, 1);
    if (c >= chunks) break;
    mine++;
    fill(out, c * CHUNK, Math.min(total, (c + 1) * CHUNK));
    chunkDone[c] = 1;
    Atomics.add(control, DONE, 1);
    if ((c & 15) === 15) report();
  }
  // Chunks a worker still holds: wait about as long as one chunk takes here, then do them here as well (a worker
  // that writes the same chunk meanwhile writes the same values). No wait on a slow, stopped or failed worker.
  const deadline = performance.now() + (performance.now() - started) / Math.max(1, mine);
  let seen = Atomics.load(control, DONE);
  while (seen < chunks && Atomics.load(control, FAILED) === 0) {
    const left = deadline - performance.now();
    if (left <= 0) break;
    Atomics.wait(control, DONE, seen, left);
    seen = Atomics.load(control, DONE);
  }
  Atomics.store(control, FAILED, 1);
  for (let c = 0; c < chunks; c++) {
    if (chunkDone[c]) continue;
    fill(out, c * CHUNK, Math.min(total, (c + 1) * CHUNK));
    chunkDone[c] = 1;
  }
  for (const worker of workers) void worker.terminate().catch(() => {});
  onProgress?.(total, total);
  return out;
}
