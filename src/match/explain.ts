// Why two records do or do not match: each comparison's level, m, u and weight, the term-frequency adjustments,
// the prior and the final probability; and a text waterfall of it for the `explain` command. Pure.
import { describeValues } from './comparisons.js';
import { C_GIVEN, C_SURNAME, COMPARISONS, K } from './levels.js';
import { buildFeatures } from './features.js';
import { buildTermFrequencies } from './frequencies.js';
import { weightToProbability } from './model.js';
import { buildScoringContext, NAMES_DIFFER, scorePair } from './score.js';
import type { ExplainedComparison, LinkOptions, MatchRecord, ModelParams, PairExplanation } from './types.js';

/**
 * Explains the score of records a and b (indices into `records`; frequencies are counted over all `records`).
 * Example: explainPair(records, 0, 1, model).comparisons[0] → { name: 'surname', level: 'phonetic', weight: 6.2, ... }
 */
export function explainPair(
  records: readonly MatchRecord[],
  a: number,
  b: number,
  model: ModelParams,
  options: LinkOptions = {},
): PairExplanation {
  const features = buildFeatures(records, options.eventDate ?? model.training.eventDate);
  const tf = buildTermFrequencies(records);
  const ctx = buildScoringContext(records, features, tf, model, options.uniqueSources ?? []);
  const levels = new Uint8Array(K);
  const s = scorePair(ctx, a, b, levels);
  const sameSource = features.source[a] === features.source[b];
  const prior = sameSource ? model.prior.withinSource : model.prior.crossSource;
  const priorWeight = sameSource ? ctx.priorWithin : ctx.priorCross;
  const comparisons: ExplainedComparison[] = COMPARISONS.map((c, k) => {
    const level = model.comparisons[k].levels[levels[k]];
    const tfAdjustment = k === C_SURNAME ? s.tfSurname : k === C_GIVEN ? s.tfGiven : 0;
    return {
      name: c.name,
      level: c.levels[levels[k]],
      m: level.m,
      u: level.u,
      weight: ctx.weights[k * 8 + levels[k]],
      tfAdjustment,
      values: describeValues(records, features, k, a, b),
    };
  });
  const keyA = records[a].record.key;
  const keyB = records[b].record.key;
  let override: string | undefined;
  for (const d of options.decisions ?? []) {
    if ((d.a === keyA && d.b === keyB) || (d.a === keyB && d.b === keyA)) {
      override = `clerical decision: ${d.decision === 'match' ? 'same person (must-link)' : 'different persons (cannot-link)'}${d.note ? ` — ${d.note}` : ''}`;
    }
  }
  if (!override && sameSource && ctx.uniqueSource[features.source[a]]) {
    override = `both records come from the duplicate-free source "${records[a].record.source}": never linked`;
  }
  const explanation: PairExplanation = {
    a,
    b,
    keys: [keyA, keyB],
    sameSource,
    prior,
    priorWeight,
    comparisons,
    nameInteraction: s.interaction,
    totalWeight: s.weight,
    probability: weightToProbability(s.weight),
    evidence: s.namesDiffer ? [...s.names.evidence, NAMES_DIFFER] : [...s.names.evidence],
  };
  if (override) explanation.override = override;
  return explanation;
}

function signed(x: number, digits = 2): string {
  const t = x.toFixed(digits);
  return x > 0 ? `+${t}` : x === 0 ? ` ${(0).toFixed(digits)}` : t;
}

function pad(s: string, width: number): string {
  const len = [...s].length;
  return len >= width ? s : s + ' '.repeat(width - len);
}

function padLeft(s: string, width: number): string {
  const len = [...s].length;
  return len >= width ? s : ' '.repeat(width - len) + s;
}

function truncate(s: string, width: number): string {
  const chars = [...s];
  return chars.length <= width ? s : chars.slice(0, width - 1).join('') + '…';
}

/** Bars in a fixed ±HALF-character frame around `|`; one character per BITS_PER_CHAR bits. */
const HALF = 15;
const BITS_PER_CHAR = 1;

function bar(weight: number): string {
  const len = Math.min(HALF, Math.round(Math.abs(weight) / BITS_PER_CHAR));
  const clipped = Math.abs(weight) / BITS_PER_CHAR > HALF;
  if (weight < 0) {
    const body = (clipped ? '<' : '') + '█'.repeat(clipped ? len - 1 : len);
    return ' '.repeat(HALF - len) + body + '|' + ' '.repeat(HALF);
  }
  const body = '█'.repeat(clipped ? len - 1 : len) + (clipped ? '>' : '');
  return ' '.repeat(HALF) + '|' + body + ' '.repeat(HALF - len);
}

/**
 * A text waterfall: one aligned row per comparison (level, values, m, u, weight, term-frequency adjustment, bar),
 * the prior first and the total last. `recordLabels` name the two records (e.g. `media:12  Ахметов Ерлан`).
 * Example: renderExplanation(explainPair(records, 0, 1, model), ['media:1 ...', 'ngo:4 ...'])
 */
export function renderExplanation(expl: PairExplanation, recordLabels: readonly string[]): string {
  const lines: string[] = [];
  lines.push(`A  ${recordLabels[0] ?? expl.keys[0]}`);
  lines.push(`B  ${recordLabels[1] ?? expl.keys[1]}`);
  lines.push('');
  const header = [pad('comparison', 14), pad('level', 14), pad('values', 36), padLeft('m', 8), padLeft('u', 8), padLeft('weight', 7), padLeft('tf', 6), '  ', bar(0)];
  lines.push(header.join(' ').replace(/\s+$/, ''));
  const row = (name: string, level: string, values: string, m: string, u: string, w: number, tfAdj: string) =>
    [pad(name, 14), pad(level, 14), pad(truncate(values, 36), 36), padLeft(m, 8), padLeft(u, 8), padLeft(signed(w), 7), padLeft(tfAdj, 6), '  ', bar(w)]
      .join(' ')
      .replace(/\s+$/, '');
  const priorLabel = expl.sameSource ? 'same source' : 'two sources';
  lines.push(row('prior', priorLabel, `λ = ${expl.prior.toPrecision(3)}`, '', '', expl.priorWeight, ''));
  for (const c of expl.comparisons) {
    const missing = c.level === 'missing';
    lines.push(
      row(
        c.name,
        c.level,
        c.values,
        missing ? '' : c.m.toFixed(4),
        missing ? '' : c.u.toFixed(4),
        c.weight + c.tfAdjustment,
        c.tfAdjustment !== 0 ? signed(c.tfAdjustment) : '',
      ),
    );
  }
  if (expl.nameInteraction !== 0) {
    lines.push(row('full name', 'both agree', 'surname and given name together', '', '', expl.nameInteraction, ''));
  }
  lines.push(`${pad('total', 14)} ${pad('', 14)} ${pad('', 36)} ${padLeft('', 8)} ${padLeft('', 8)} ${padLeft(signed(expl.totalWeight), 7)}`.replace(/\s+$/, ''));
  lines.push('');
  lines.push(`match probability ${formatProbability(expl.probability)} (weight ${signed(expl.totalWeight)} bits)`);
  if (expl.override) lines.push(`overridden: ${expl.override}`);
  if (expl.evidence.length > 0) {
    lines.push('name evidence:');
    for (const e of expl.evidence) lines.push(`  ${e}`);
  }
  return lines.join('\n') + '\n';
}

function formatProbability(p: number): string {
  if (p > 0.9999) return '> 0.9999';
  if (p < 0.0001) return '< 0.0001';
  return p.toFixed(4);
}
