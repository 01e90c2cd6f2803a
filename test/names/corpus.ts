// Builds the labelled corpus (pairs with a label and a phenomenon) and scores the engine's default decision on it.
import { compareNames, parseName } from '../../src/names/index.js';
import type { NameInput } from '../../src/names/index.js';
import { DIFFERENT_PAIRS, SAME_PAIRS, UNCERTAIN_PAIRS, type PairLabel } from './corpus-pairs.js';
import { SAME_GROUPS, SPLIT_PAIRS } from './corpus-same.js';

export interface LabelledPair {
  a: NameInput;
  b: NameInput;
  label: PairLabel;
  phenomenon: string;
}

/** Variants that carry too little to pair with each other (only with their full base form). */
const WEAK_TAGS = new Set(['initials', 'missing']);

export function buildCorpus(): LabelledPair[] {
  const out: LabelledPair[] = [];
  for (const g of SAME_GROUPS) {
    for (const [v, tag] of g.variants) out.push({ a: g.base, b: v, label: 'same', phenomenon: tag });
    for (let i = 0; i < g.variants.length; i++) {
      for (let j = i + 1; j < g.variants.length; j++) {
        const [vi, ti] = g.variants[i];
        const [vj, tj] = g.variants[j];
        if (WEAK_TAGS.has(ti) || WEAK_TAGS.has(tj)) continue;
        out.push({ a: vi, b: vj, label: 'same', phenomenon: 'cross' });
      }
    }
  }
  for (const [a, b, tag] of SAME_PAIRS) out.push({ a, b, label: 'same', phenomenon: tag });
  for (const [parts, s] of SPLIT_PAIRS) out.push({ a: parts, b: s, label: 'same', phenomenon: 'split-columns' });
  for (const [a, b, tag] of DIFFERENT_PAIRS) out.push({ a, b, label: 'different', phenomenon: tag });
  for (const [a, b, tag] of UNCERTAIN_PAIRS) out.push({ a, b, label: 'uncertain', phenomenon: tag });
  return out;
}

export interface PhenomenonScore {
  phenomenon: string;
  same: number;
  different: number;
  uncertain: number;
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
  /** Uncertain pairs the engine also called uncertain. */
  uncertainAgreed: number;
}

export interface CorpusScore {
  rows: PhenomenonScore[];
  total: PhenomenonScore;
  precision: number;
  recall: number;
  failures: Array<{ pair: LabelledPair; decision: string; evidence: string[] }>;
}

function label(n: NameInput): string {
  return typeof n === 'string' ? n : JSON.stringify(n);
}

/**
 * Scores the default decision: a `same` decision on a `same` pair is a true positive, on a `different` pair a false
 * positive; anything but `same` on a `same` pair is a false negative. Uncertain pairs only count as failures when
 * the engine calls them `same` with a sex or patronymic conflict (never).
 */
export function scoreCorpus(pairs: LabelledPair[]): CorpusScore {
  const by = new Map<string, PhenomenonScore>();
  const total: PhenomenonScore = { phenomenon: 'all', same: 0, different: 0, uncertain: 0, truePositive: 0, falsePositive: 0, falseNegative: 0, uncertainAgreed: 0 };
  const failures: CorpusScore['failures'] = [];
  for (const pair of pairs) {
    const c = compareNames(parseName(pair.a), parseName(pair.b));
    let row = by.get(pair.phenomenon);
    if (!row) {
      row = { phenomenon: pair.phenomenon, same: 0, different: 0, uncertain: 0, truePositive: 0, falsePositive: 0, falseNegative: 0, uncertainAgreed: 0 };
      by.set(pair.phenomenon, row);
    }
    for (const r of [row, total]) {
      r[pair.label]++;
      if (pair.label === 'same' && c.decision === 'same') r.truePositive++;
      if (pair.label === 'same' && c.decision !== 'same') r.falseNegative++;
      if (pair.label === 'different' && c.decision === 'same') r.falsePositive++;
      if (pair.label === 'uncertain' && c.decision === 'uncertain') r.uncertainAgreed++;
    }
    const wrong =
      (pair.label === 'same' && c.decision !== 'same') ||
      (pair.label === 'different' && c.decision === 'same');
    if (wrong) failures.push({ pair: { ...pair, a: label(pair.a), b: label(pair.b) }, decision: c.decision, evidence: c.evidence });
  }
  const rows = [...by.values()].sort((x, y) => (x.phenomenon < y.phenomenon ? -1 : x.phenomenon > y.phenomenon ? 1 : 0));
  const precision = total.truePositive + total.falsePositive === 0 ? 1 : total.truePositive / (total.truePositive + total.falsePositive);
  const recall = total.same === 0 ? 1 : total.truePositive / total.same;
  return { rows, total, precision, recall, failures };
}

/** A fixed-width table of the scores, one line per phenomenon. */
export function formatScore(s: CorpusScore): string {
  const lines = [`${'phenomenon'.padEnd(26)}  same  diff   unc    TP    FP    FN  unc=unc  precision  recall`];
  const fmt = (r: PhenomenonScore) => {
    const p = r.truePositive + r.falsePositive === 0 ? 1 : r.truePositive / (r.truePositive + r.falsePositive);
    const rc = r.same === 0 ? 1 : r.truePositive / r.same;
    return (
      r.phenomenon.padEnd(26) +
      [r.same, r.different, r.uncertain, r.truePositive, r.falsePositive, r.falseNegative, r.uncertainAgreed].map((n, i) => String(n).padStart(i === 6 ? 9 : 6)).join('') +
      p.toFixed(3).padStart(11) +
      rc.toFixed(3).padStart(8)
    );
  };
  for (const r of s.rows) lines.push(fmt(r));
  lines.push(fmt(s.total));
  return lines.join('\n');
}
