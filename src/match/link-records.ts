// linkRecords: block → train → score → cluster. Works on the records in a canonical order (sorted by content), so
// the persons found do not depend on the order of rows in the inputs; indices are mapped back at the end. Pure.
import { compareStrings, orderByRank, ranksOf } from '../core/compare.js';
import { ReconError } from '../core/errors.js';
import { blockRecords, type BlockingResult } from './blocking.js';
import { clusterAtThresholds, EXCLUSIVE_BITS, EXCLUSIVE_MARGIN_BITS, EXCLUSIVE_NOTE, sortLinks, type ClusterInput, type ClusterOutcome } from './cluster.js';
import { buildFeatures, type RecordFeatures } from './features.js';
import { buildTermFrequencies, type TermFrequencies } from './frequencies.js';
import { probabilityToWeight, weightToProbability } from './model.js';
import { indexPairs } from './pair-index.js';
import { pairCode } from './pair-list.js';
import { assignPersonIds } from './person-ids.js';
import { buildScoringContext, scorePair, scoredPair, weighPairs, type ScoringContext } from './score.js';
import { weighParamsOf } from './score-range.js';
import { comparePairsInParallel, weighPairsInParallel } from './score-workers.js';
import { alternativeThresholds, chooseThreshold, THRESHOLD_TABLE } from './threshold.js';
import { trainingReadsAllCandidates, trainModel } from './train.js';
import { K } from './levels.js';
import type { LinkOptions, LinkResult, MatchRecord, ModelParams, ScoredPair } from './types.js';

/** Links inside one source need at least this probability, whatever the threshold (strong evidence only). */
export const WITHIN_SOURCE_MIN_PROBABILITY = 0.99;
/**
 * Pairs whose names the names engine calls different (another given name, a conflicting patronymic or initial) are
 * linked by the model only at this probability or more, whatever the threshold: the other fields must leave little
 * doubt. The chain guard, though, takes such a pair at its probability: the verdict is the names engine's, and a typo
 * (Игрь for Игорь) can earn it, so it vetoes a merge only when the whole evidence does (probability below 0.01).
 */
export const NAMES_DIFFER_MIN_PROBABILITY = 0.95;
const NAMES_DIFFER_MIN_WEIGHT = probabilityToWeight(NAMES_DIFFER_MIN_PROBABILITY);
/** Review band: pairs within this many bits of the threshold's weight. */
const REVIEW_BAND_BITS = 4;
/** At most this many pairs are proposed for review. */
const REVIEW_MAX = 5000;

/** A text that sorts records by content (source first), so that shuffled inputs give the same order. */
function contentSignature(r: MatchRecord): string {
  const x = r.record;
  const cells = Object.keys(x.cells)
    .sort(compareStrings)
    .map((k) => `${k}=${x.cells[k]}`)
    .join('\u0002');
  return [
    x.source,
    r.name.normalized,
    x.rawName,
    x.age ?? '',
    x.birthYear ?? '',
    x.birthDate ?? '',
    x.dateOfDeath ?? '',
    x.place ?? '',
    x.region ?? '',
    x.category ?? '',
    x.sex ?? '',
    x.sourceId ?? '',
    x.notes ?? '',
    cells,
  ].join('\u0001');
}

/** Canonical order: perm[c] = original index of the c-th record by content (ties by input order). */
function canonicalOrder(records: readonly MatchRecord[]): number[] {
  const n = records.length;
  return Array.from(orderByRank(Array.from({ length: n }, (_, i) => i), ranksOf(records.map(contentSignature)), n));
}

/**
 * Candidate pairs up to which all comparison vectors are held while the model is trained (12 bytes a pair: 192 MB
 * here). Beyond, training compares its own sample of 300,000 pairs (2–4 s more at 3.5 million pairs) and every pair
 * is then compared and weighed in one pass that keeps only its weight: 0.5 GB less at the peak of a million-record
 * merge (61 million pairs), which brought it under 4 GiB.
 */
const HOLD_VECTORS_UP_TO = 16_000_000;

/**
 * Compares every candidate pair, trains the model (unless one is given) and weighs the pairs under it. Returns what
 * clustering needs. When training reads every candidate's comparison vector (small inputs), or the vectors are small
 * enough to hold, all pairs are compared first and the vectors dropped on return; otherwise training compares its
 * own sample and one pass compares and weighs every pair. A given model needs only that pass. The weights are the
 * same either way.
 */
function scoreCandidates(
  recs: readonly MatchRecord[],
  features: RecordFeatures,
  tf: TermFrequencies,
  blocks: BlockingResult,
  uniqueSources: string[],
  options: LinkOptions,
): { model: ModelParams; emIterations: number; converged: boolean; ctx: ScoringContext; weights: Float32Array; namesDiffer: Uint8Array } {
  const trainOptions = { uniqueSources, eventDate: features.eventDate, termFrequencies: tf, maxTrainingPairs: options.scoring?.maxTrainingPairs };
  const train = (codes?: Uint32Array) => {
    options.onStage?.('train', 'start');
    const trained = trainModel(recs, features, { a: blocks.a, b: blocks.b, codes }, trainOptions);
    options.onStage?.('train', 'end');
    return trained;
  };
  const total = blocks.a.length;
  /** Runs a pass over every candidate pair as the score stage, with its progress. */
  const scoreStage = <T>(pass: (onProgress: (done: number, total: number) => void) => T): T => {
    options.onStage?.('score', 'start', { done: 0, total });
    const out = pass((done, all) => options.onStage?.('score', 'start', { done, total: all }));
    options.onStage?.('score', 'end', { done: total, total });
    return out;
  };
  let model = options.model;
  let trained: ReturnType<typeof trainModel> | undefined;

  const holdUpTo = options.scoring?.holdVectorsUpTo ?? HOLD_VECTORS_UP_TO;
  if (!model && (total <= holdUpTo || trainingReadsAllCandidates(features, total, trainOptions))) {
    const vectors = scoreStage((progress) => comparePairsInParallel(recs, features, tf, blocks.a, blocks.b, progress));
    trained = train(vectors.codes);
    const ctx = buildScoringContext(recs, features, tf, trained.model, uniqueSources);
    const weights = weighPairs(ctx, blocks.a, blocks.b, vectors);
    return { model: trained.model, emIterations: trained.iterations, converged: trained.converged, ctx, weights, namesDiffer: vectors.namesDiffer };
  }

  if (!model) {
    trained = train();
    model = trained.model;
  }
  const ctx = buildScoringContext(recs, features, tf, model, uniqueSources);
  const { weights, namesDiffer } = scoreStage((progress) => weighPairsInParallel(recs, features, tf, weighParamsOf(ctx), blocks.a, blocks.b, progress));
  return {
    model,
    emIterations: trained?.iterations ?? 0,
    converged: trained ? trained.converged : model.training.converged,
    ctx,
    weights,
    namesDiffer,
  };
}

/**
 * Links records into persons.
 * Example: linkRecords([{record: media1, name: parseName('Ахметов Ерлан')}, {record: ngo4, name: parseName('Akhmetov Yerlan')}], {})
 *   → clusters [[0, 1]] when age, date and place agree.
 */
export function linkRecords(records: MatchRecord[], options: LinkOptions = {}): LinkResult {
  const n = records.length;
  // The block stage includes putting the records in canonical order and making their features and name frequencies.
  options.onStage?.('block', 'start');
  const perm = canonicalOrder(records);
  const recs = perm.map((i) => records[i]);
  const uniqueSources = [...new Set(options.uniqueSources ?? [])].sort(compareStrings);
  const features = buildFeatures(recs, options.eventDate);
  const tf = buildTermFrequencies(recs);

  const blocks = blockRecords(recs, { uniqueSources, onProgress: (done, total) => options.onStage?.('block', 'start', { done, total }) });
  options.onStage?.('block', 'end', { done: blocks.a.length, total: blocks.a.length });

  // Every candidate pair is compared once here; training and scoring reuse the vectors. Only the weights and the
  // names-differ flags outlive this step: the packed levels and term-frequency adjustments (12 bytes a pair) are
  // let go before clustering.
  const { model, emIterations, converged, ctx, weights, namesDiffer } = scoreCandidates(recs, features, tf, blocks, uniqueSources, options);
  options.onStage?.('cluster', 'start');
  let threshold: number;
  let thresholdSource: string;
  if (options.threshold !== undefined) {
    if (!(options.threshold > 0 && options.threshold < 1)) {
      throw new ReconError('USAGE', `the link threshold must be a probability between 0 and 1 (got ${options.threshold})`, {
        hint: 'for example --threshold 0.9',
      });
    }
    threshold = options.threshold;
    thresholdSource = 'user';
  } else {
    const chosen = chooseThreshold(weights);
    threshold = chosen.threshold;
    thresholdSource = `model: expected-F1 maximum (${chosen.expectedF1.toFixed(3)})`;
  }
  const thresholdWeight = probabilityToWeight(threshold);

  // Decisions → canonical index pairs.
  const indexOfKey = new Map<string, number>();
  recs.forEach((r, c) => indexOfKey.set(r.record.key, c));
  const mustLink: Array<[number, number]> = [];
  const cannotLink: Array<[number, number]> = [];
  const decided = new Set<number>();
  let decisionsIgnored = 0;
  for (const d of options.decisions ?? []) {
    const x = indexOfKey.get(d.a);
    const y = indexOfKey.get(d.b);
    if (x === undefined || y === undefined || x === y) {
      decisionsIgnored++;
      continue;
    }
    (d.decision === 'match' ? mustLink : cannotLink).push([Math.min(x, y), Math.max(x, y)]);
    decided.add(pairCode(x, y, n));
  }

  // Probabilities for the chain guard: candidates from the scores, other pairs scored on demand.
  const levels = new Uint8Array(K);
  const candidates = indexPairs(blocks.a, blocks.b, n);
  const extra = new Map<number, number>();
  const pairProbability = (i: number, j: number): number => {
    const p = candidates.find(i, j);
    if (p >= 0) return weightToProbability(weights[p]);
    const code = pairCode(i, j, n);
    let q = extra.get(code);
    if (q === undefined) {
      if (features.source[i] === features.source[j] && ctx.uniqueSource[features.source[i]]) q = 0;
      else q = weightToProbability(scorePair(ctx, i, j, levels).weight);
      extra.set(code, q);
    }
    return q;
  };
  const input: ClusterInput = {
    n,
    a: blocks.a,
    b: blocks.b,
    weight: weights,
    namesDiffer,
    source: features.source,
    uniqueSource: ctx.uniqueSource,
    mustLink,
    cannotLink,
    pairProbability,
    withinMinWeight: probabilityToWeight(WITHIN_SOURCE_MIN_PROBABILITY),
    namesDifferMinWeight: NAMES_DIFFER_MIN_WEIGHT,
    exclusiveBits: EXCLUSIVE_BITS,
  };
  const alt = alternativeThresholds(threshold);
  const lowest = Math.min(threshold, alt.looser, THRESHOLD_TABLE[0]);
  // The exclusive-candidate pass looks below each threshold, at runner-ups a further margin down.
  const sorted = sortLinks(input, probabilityToWeight(lowest) - EXCLUSIVE_BITS - EXCLUSIVE_MARGIN_BITS);
  // One walk down the links for every clustering: the main one, the table's thresholds, the stricter and looser
  // alternatives (progress after each).
  const table = THRESHOLD_TABLE.filter((t) => t !== threshold);
  const full = [threshold, alt.stricter, alt.looser];
  let clustered = 0;
  const done = clusterAtThresholds(input, sorted, full.map(probabilityToWeight), table.map(probabilityToWeight), () =>
    options.onStage?.('cluster', 'start', { done: ++clustered, total: full.length + table.length }),
  );
  const [main, stricter, looser] = done.full;
  const thresholdTable = THRESHOLD_TABLE.map((t) => ({
    threshold: t,
    persons: t === threshold ? main.clusters.length : done.counts[table.indexOf(t)],
  }));

  // Map back to the caller's indices.
  const back = (c: number) => perm[c];
  const mapClusters = (o: ClusterOutcome) =>
    o.clusters.map((cl) => cl.map(back).sort((x, y) => x - y)).sort((x, y) => x[0] - y[0]);
  const clusters = mapClusters(main);

  const links: ScoredPair[] = [];
  const inLinks = new Set<number>();
  for (let p = 0; p < blocks.a.length; p++) {
    const x = blocks.a[p];
    const y = blocks.b[p];
    if (main.clusterOf[x] !== main.clusterOf[y]) continue;
    const w = weights[p];
    const within = features.source[x] === features.source[y];
    if (w < thresholdWeight || (within && w < input.withinMinWeight) || (namesDiffer[p] && w < NAMES_DIFFER_MIN_WEIGHT)) continue;
    links.push(scoredPair(ctx, x, y, back, undefined, 'model'));
    inLinks.add(pairCode(x, y, n));
  }
  for (const p of main.exclusive) {
    const x = blocks.a[p];
    const y = blocks.b[p];
    inLinks.add(pairCode(x, y, n));
    links.push(scoredPair(ctx, x, y, back, [EXCLUSIVE_NOTE], 'exclusive'));
  }
  for (const [x, y] of mustLink) {
    if (inLinks.has(pairCode(x, y, n))) continue;
    inLinks.add(pairCode(x, y, n));
    links.push(scoredPair(ctx, x, y, back, ['clerical decision: same person (must-link)'], 'decision'));
  }
  links.sort((p, q) => p.a - q.a || p.b - q.b);

  const review: ScoredPair[] = [];
  const reviewIdx: number[] = [];
  for (let p = 0; p < blocks.a.length; p++) {
    const x = blocks.a[p];
    const y = blocks.b[p];
    if (decided.has(pairCode(x, y, n))) continue;
    const w = weights[p];
    const linked = main.clusterOf[x] === main.clusterOf[y];
    const inBand = Math.abs(w - thresholdWeight) <= REVIEW_BAND_BITS;
    const refusedStrong = !linked && w >= thresholdWeight;
    if (inBand || refusedStrong) reviewIdx.push(p);
  }
  reviewIdx.sort(
    (p, q) =>
      Math.abs(weights[p] - thresholdWeight) - Math.abs(weights[q] - thresholdWeight) ||
      blocks.a[p] - blocks.a[q] ||
      blocks.b[p] - blocks.b[q],
  );
  for (const p of reviewIdx.slice(0, REVIEW_MAX)) review.push(scoredPair(ctx, blocks.a[p], blocks.b[p], back));

  // Every pair of records of one source that ended up in one person, linked directly or through other records.
  const withinSourceDuplicates: Array<[number, number]> = [];
  for (const c of clusters) {
    for (let x = 0; x < c.length; x++) {
      for (let y = x + 1; y < c.length; y++) {
        if (records[c[x]].record.source === records[c[y]].record.source) withinSourceDuplicates.push([c[x], c[y]]);
      }
    }
  }
  withinSourceDuplicates.sort((p, q) => p[0] - q[0] || p[1] - q[1]);

  const personIds = assignPersonIds(clusters.map((c) => c.map((i) => records[i].record.key)));
  // The cluster stage includes the links, the review list and the person ids.
  options.onStage?.('cluster', 'end');
  const stats = {
    records: n,
    candidatePairs: blocks.a.length,
    blockingRules: blocks.rules,
    capped: blocks.capped,
    emIterations,
    converged,
    refusedLinks: main.refused,
    exclusiveLinks: main.exclusive.length,
    decisionsIgnored: decisionsIgnored + main.contradicted,
  };
  return {
    clusters,
    personIds,
    links,
    review,
    withinSourceDuplicates,
    model,
    threshold,
    thresholdSource,
    thresholdTable,
    alternatives: {
      stricter: { threshold: alt.stricter, clusters: mapClusters(stricter) },
      looser: { threshold: alt.looser, clusters: mapClusters(looser) },
    },
    stats,
  };
}
