// The bundled Jan-2022-shaped synthetic fixture, ingested as the CLI does: pairwise precision and recall against
// its truth file, blocking recall, and the persons found.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ingestSource, type SourceSpec } from '../../src/ingest/index.js';
import { candidatePairs, linkRecords, type MatchRecord } from '../../src/match/index.js';
import { parseName } from '../../src/names/index.js';

const DIR = fileURLToPath(new URL('../../fixtures/jan2022/', import.meta.url));

function load(): { records: MatchRecord[]; truth: string[]; unique: string[]; eventDate: string; threshold: number } {
  const config = JSON.parse(readFileSync(`${DIR}config.json`, 'utf8')) as {
    event_date: string;
    threshold: number;
    sources: Array<SourceSpec & { path: string }>;
  };
  const sources = config.sources.map((s) => ingestSource(s, readFileSync(`${DIR}${s.path}`)));
  const records: MatchRecord[] = sources.flatMap((s) =>
    s.records.map((record) => ({ record, name: parseName(record.nameParts ? { ...record.nameParts } : record.rawName) })),
  );
  const truthOf = new Map(
    readFileSync(`${DIR}truth/truth.csv`, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','))
      .map(([source, row, person]) => [`${source}:${row}`, person] as const),
  );
  return {
    records,
    truth: records.map((r) => truthOf.get(r.record.key)!),
    unique: sources.filter((s) => s.unique).map((s) => s.name),
    eventDate: config.event_date,
    threshold: config.threshold,
  };
}

/** Pairwise precision and recall from the contingency of predicted × true clusters. */
function pairwise(clusters: number[][], truth: string[]): { precision: number; recall: number } {
  const pairs = (k: number) => (k * (k - 1)) / 2;
  let both = 0;
  let predicted = 0;
  for (const c of clusters) {
    predicted += pairs(c.length);
    const counts = new Map<string, number>();
    for (const i of c) counts.set(truth[i], (counts.get(truth[i]) ?? 0) + 1);
    for (const k of counts.values()) both += pairs(k);
  }
  const sizes = new Map<string, number>();
  for (const t of truth) sizes.set(t, (sizes.get(t) ?? 0) + 1);
  let actual = 0;
  for (const k of sizes.values()) actual += pairs(k);
  return { precision: both / predicted, recall: both / actual };
}

describe('fixtures/jan2022', () => {
  const data = load();

  it('has a truth row for every record', () => {
    expect(data.truth.every((t) => typeof t === 'string' && t.length > 0)).toBe(true);
  });

  it('links at pairwise precision ≥ 0.99 and recall ≥ 0.98 with the config threshold', () => {
    const result = linkRecords(data.records, { eventDate: data.eventDate, uniqueSources: data.unique, threshold: data.threshold });
    const { precision, recall } = pairwise(result.clusters, data.truth);
    expect(precision).toBeGreaterThanOrEqual(0.99);
    expect(recall).toBeGreaterThanOrEqual(0.98);
    const persons = new Set(data.truth).size;
    expect(Math.abs(result.clusters.length - persons)).toBeLessThanOrEqual(persons * 0.03);
  });

  it('compares every true pair (small input: all pairs)', () => {
    const { a, b } = candidatePairs(data.records, { uniqueSources: data.unique });
    const set = new Set<string>();
    for (let p = 0; p < a.length; p++) set.add(`${a[p]},${b[p]}`);
    let missed = 0;
    for (let i = 0; i < data.truth.length; i++) {
      for (let j = i + 1; j < data.truth.length; j++) {
        if (data.truth[i] === data.truth[j] && !data.records[i].name.empty && !data.records[j].name.empty && !set.has(`${i},${j}`)) missed++;
      }
    }
    expect(missed).toBe(0);
  });
});
