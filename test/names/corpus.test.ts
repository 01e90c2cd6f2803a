// Runs the labelled corpus through the default decision and checks precision and recall, overall and per phenomenon.
import { describe, expect, it } from 'vitest';
import { buildCorpus, formatScore, scoreCorpus } from './corpus.js';

const corpus = buildCorpus();
const score = scoreCorpus(corpus);

describe('labelled corpus', () => {
  it('has at least 400 pairs', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(400);
  });

  it('reaches precision ≥ 0.99 and recall ≥ 0.97 for the default decision', () => {
    console.log(`${formatScore(score)}\n${score.failures.length} failures`);
    for (const f of score.failures) console.log(`  [${f.pair.phenomenon}] ${String(f.pair.a)} | ${String(f.pair.b)} → ${f.decision}: ${f.evidence.join('; ')}`);
    expect(score.precision).toBeGreaterThanOrEqual(0.99);
    expect(score.recall).toBeGreaterThanOrEqual(0.97);
  });

  it('never calls a labelled different pair the same', () => {
    expect(score.failures.filter((f) => f.pair.label === 'different').map((f) => `${f.pair.a} | ${f.pair.b}`)).toEqual([]);
  });
});
