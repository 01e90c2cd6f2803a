// Fellegi–Sunter model parameters: the starting values, level weights log2(m/u), priors, and validation of a
// reloaded model.json. Pure.
import { ReconError } from '../core/errors.js';
import { COMPARISONS, K } from './levels.js';
import type { ModelParams } from './types.js';

/** m and u of the non-missing levels of each comparison before training (EM starts here). */
const START: Record<string, { m: number[]; u: number[] }> = {
  surname: { m: [0.55, 0.3, 0.08, 0.02, 0.05], u: [0.002, 0.004, 0.01, 0.02, 0.964] },
  given: { m: [0.55, 0.3, 0.08, 0.04, 0.03], u: [0.01, 0.01, 0.02, 0.05, 0.91] },
  patronymic: { m: [0.6, 0.25, 0.08, 0.04, 0.03], u: [0.005, 0.005, 0.01, 0.05, 0.93] },
  sex: { m: [0.99, 0.01], u: [0.5, 0.5] },
  age: { m: [0.7, 0.2, 0.05, 0.05], u: [0.03, 0.06, 0.1, 0.81] },
  date_of_death: { m: [0.8, 0.12, 0.04, 0.04], u: [0.3, 0.35, 0.25, 0.1] },
  place: { m: [0.85, 0.05, 0.1], u: [0.4, 0.1, 0.5] },
  category: { m: [0.95, 0.05], u: [0.8, 0.2] },
};

/** Smallest m or u a level may take, so that no single comparison is an absolute veto. */
export const PROBABILITY_FLOOR = 1e-5;

/** Default cap of the term-frequency adjustment, in bits. */
export const TF_MAX_BITS = 5;

/**
 * The untrained model: hand-set m/u and priors, used as EM's starting point.
 * Example: startingModel().comparisons[0].levels[0] → { name: 'exact', m: 0.55, u: 0.002 }
 */
export function startingModel(): ModelParams {
  return {
    format: 'reconcile-match-model',
    version: 1,
    comparisons: COMPARISONS.map((c) => {
      const s = START[c.name];
      return {
        name: c.name,
        levels: c.levels.map((level, l) =>
          l === c.levels.length - 1 ? { name: level, m: 1, u: 1 } : { name: level, m: s.m[l], u: s.u[l] },
        ),
      };
    }),
    prior: { crossSource: 0.002, withinSource: 0.00005 },
    termFrequency: { surname: true, given: true, maxBits: TF_MAX_BITS },
    nameInteraction: 0,
    training: {
      method: 'none (starting values)',
      candidatePairs: 0,
      trainingPairs: 0,
      randomPairs: 0,
      emIterations: 0,
      converged: false,
    },
  };
}

/** log2(λ / (1 − λ)). Example: priorWeight(0.5) → 0 */
export function priorWeight(lambda: number): number {
  const p = Math.min(Math.max(lambda, 1e-12), 1 - 1e-12);
  return Math.log2(p / (1 - p));
}

/** Probability from a match weight in bits. Example: weightToProbability(0) → 0.5 */
export function weightToProbability(w: number): number {
  return 1 / (1 + Math.pow(2, -w));
}

/** Weight in bits from a probability. Example: probabilityToWeight(0.5) → 0 */
export function probabilityToWeight(p: number): number {
  return priorWeight(p);
}

/** Level weights log2(m/u), flattened: weights[k * 8 + level]; the missing level weighs 0. */
export function levelWeights(model: ModelParams): Float64Array {
  const w = new Float64Array(K * 8);
  for (let k = 0; k < K; k++) {
    const levels = model.comparisons[k].levels;
    for (let l = 0; l < levels.length - 1; l++) {
      const m = Math.max(levels[l].m, PROBABILITY_FLOOR);
      const u = Math.max(levels[l].u, PROBABILITY_FLOOR);
      w[k * 8 + l] = Math.log2(m / u);
    }
  }
  return w;
}

/**
 * Checks parsed JSON as a model (from `--model FILE`) and returns it. Throws ReconError('BAD_CONFIG') naming the
 * file and the first problem. Example: validateModel(JSON.parse(text), 'model.json')
 */
export function validateModel(json: unknown, file?: string): ModelParams {
  const fail = (msg: string): never => {
    throw new ReconError('BAD_CONFIG', `not a usable match model: ${msg}`, {
      file,
      hint: 'use a model.json written by `reconcile merge --out DIR`, or drop --model to train a new one',
    });
  };
  if (json === null || typeof json !== 'object' || Array.isArray(json)) fail('the file must hold a JSON object');
  const obj = json as Record<string, unknown>;
  if (obj.format !== 'reconcile-match-model') fail('"format" must be "reconcile-match-model"');
  if (obj.version !== 1) fail(`unsupported "version" ${JSON.stringify(obj.version)} (this build reads version 1)`);
  const comps = obj.comparisons;
  if (!Array.isArray(comps) || comps.length !== K) fail(`"comparisons" must list ${K} comparisons`);
  (comps as unknown[]).forEach((c, k) => {
    const def = COMPARISONS[k];
    const cc = c as Record<string, unknown>;
    if (!cc || cc.name !== def.name) fail(`comparison ${k + 1} must be "${def.name}"`);
    const levels = cc.levels;
    if (!Array.isArray(levels) || levels.length !== def.levels.length) {
      fail(`comparison "${def.name}" must have the levels ${def.levels.join(', ')}`);
    }
    (levels as unknown[]).forEach((lv, l) => {
      const x = lv as Record<string, unknown>;
      if (!x || x.name !== def.levels[l]) fail(`level ${l + 1} of "${def.name}" must be "${def.levels[l]}"`);
      for (const p of ['m', 'u'] as const) {
        const v = x[p];
        if (typeof v !== 'number' || !(v >= 0 && v <= 1)) fail(`"${p}" of ${def.name}/${def.levels[l]} must be a number in [0, 1]`);
      }
    });
  });
  const prior = obj.prior as Record<string, unknown> | undefined;
  for (const p of ['crossSource', 'withinSource'] as const) {
    const v = prior?.[p];
    if (typeof v !== 'number' || !(v > 0 && v < 1)) fail(`"prior.${p}" must be a probability between 0 and 1`);
  }
  const tf = obj.termFrequency as Record<string, unknown> | undefined;
  if (!tf || typeof tf.surname !== 'boolean' || typeof tf.given !== 'boolean' || typeof tf.maxBits !== 'number') {
    fail('"termFrequency" must have boolean "surname", "given" and a number "maxBits"');
  }
  const interaction = obj.nameInteraction ?? 0;
  if (typeof interaction !== 'number' || !Number.isFinite(interaction)) fail('"nameInteraction" must be a number of bits');
  const t = (obj.training ?? {}) as Record<string, unknown>;
  return {
    format: 'reconcile-match-model',
    version: 1,
    comparisons: (comps as ModelParams['comparisons']).map((c) => ({
      name: c.name,
      levels: c.levels.map((l) => ({ name: l.name, m: l.m, u: l.u })),
    })),
    prior: { crossSource: prior!.crossSource as number, withinSource: prior!.withinSource as number },
    termFrequency: { surname: tf!.surname as boolean, given: tf!.given as boolean, maxBits: tf!.maxBits as number },
    nameInteraction: interaction as number,
    training: {
      method: typeof t.method === 'string' ? t.method : 'loaded',
      candidatePairs: Number(t.candidatePairs) || 0,
      trainingPairs: Number(t.trainingPairs) || 0,
      randomPairs: Number(t.randomPairs) || 0,
      emIterations: Number(t.emIterations) || 0,
      converged: t.converged === true,
      ...(typeof t.eventDate === 'string' ? { eventDate: t.eventDate } : {}),
    },
  };
}
