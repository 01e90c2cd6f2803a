// Scoring in one pass (every comparison vector held while the model is trained) or in two (training compares its own
// sample, then each pair is compared and weighed): the same model, links, review list and persons.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/cli/merge-run.js';
import { ingestSource } from '../../src/ingest/index.js';
import { linkRecords, type LinkOptions, type LinkResult } from '../../src/match/index.js';
import { prepareRecords, type PreparedRecord } from '../../src/pipeline/prepare.js';
import { runBin, tempDir } from '../support/run-cli.js';

let records: PreparedRecord[];
let unique: string[];

beforeAll(() => {
  // Above the all-pairs size (2,000 records), so that blocking picks the candidates and training samples them.
  const dir = tempDir();
  const r = runBin(['synth', '--seed', '11', '--persons', '1200', '--out', dir]);
  expect(r.code).toBe(0);
  const config = loadConfig(join(dir, 'config.json'));
  const sources = config.sources.map((s) => ingestSource(s, readFileSync(s.path)));
  records = prepareRecords(sources, config.eventDate);
  unique = sources.filter((s) => s.unique).map((s) => s.name);
}, 60_000);

function link(options: Partial<LinkOptions>): LinkResult {
  return linkRecords(records, { uniqueSources: unique, ...options });
}

/** What a run shows: persons, links and review pairs with their numbers, the model. */
function shown(r: LinkResult) {
  const pairs = (ps: LinkResult['links']) => ps.map((p) => [p.a, p.b, p.probability, p.weight, p.linkedBy ?? '']);
  return { clusters: r.clusters, ids: r.personIds, links: pairs(r.links), review: pairs(r.review), model: r.model, threshold: r.threshold, stats: r.stats, table: r.thresholdTable };
}

describe('scoring passes', () => {
  it('two passes give what one pass gives', () => {
    expect(records.length).toBeGreaterThan(2000);
    const sample = { maxTrainingPairs: 4000 };
    const one = link({ scoring: sample });
    const two = link({ scoring: { ...sample, holdVectorsUpTo: 0 } });
    expect(one.stats.candidatePairs).toBeGreaterThan(4000 * 3);
    expect(one.model.training.trainingPairs).toBeLessThan(one.stats.candidatePairs);
    expect(one.links.length).toBeGreaterThan(500);
    expect(shown(two)).toEqual(shown(one));
  }, 60_000);

  it('reports the score stage after training when weighing is a pass of its own', () => {
    const order: string[] = [];
    link({
      scoring: { maxTrainingPairs: 4000, holdVectorsUpTo: 0 },
      onStage: (stage, event, info) => {
        if (info === undefined || event === 'end') order.push(`${stage} ${event}`);
      },
    });
    expect(order.filter((s) => /^(train|score) /.test(s))).toEqual(['train start', 'train end', 'score end']);
  }, 60_000);
});
