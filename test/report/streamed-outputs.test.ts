// The CSV outputs are made line by line and written in pieces: the bytes are those of the texts built whole (the
// rendering before streaming, kept here as the reference), and a failure half-way leaves nothing behind.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { changedFiles, writeFilesAtomically } from '../../src/cli/fs-io.js';
import { ingestAll, loadConfig, renderOutputs, resolveSources } from '../../src/cli/merge-run.js';
import type { MergeFlags } from '../../src/cli/commands/merge.js';
import type { IngestedSource } from '../../src/core/types.js';
import type { ScoredPair } from '../../src/match/index.js';
import { reconcile, type ReconcileResult } from '../../src/pipeline/reconcile.js';
import type { PreparedRecord } from '../../src/pipeline/prepare.js';
import { csvLines, fmt, joinLines, lazyText, toCsv } from '../../src/report/csv.js';
import { RECORDS_HEADER, renderPairsCsv, renderRecordsCsv, renderReviewCsv } from '../../src/report/render-csv.js';
import { ROOT, listing, scratchDirs } from '../support/run-cli.js';

const scratch = scratchDirs();

/** records.csv as it was rendered before streaming: a key map, every row of a source sorted by row, one text. */
function referenceRecordsCsv(sources: readonly IngestedSource[], records: readonly PreparedRecord[], personOf: ReadonlyMap<string, string>, scoreOf: ReadonlyMap<string, number>): string {
  const byKey = new Map(records.map((r) => [r.record.key, r]));
  const rows: string[][] = [];
  for (const s of sources) {
    const all: Array<{ row: number; line: () => string[] }> = [];
    for (const rec of s.records) {
      all.push({ row: rec.row, line: () => [s.name, String(rec.row), personOf.get(rec.key) ?? '', 'linked', rec.rawName, byKey.get(rec.key)?.name.normalized ?? '', fmt(scoreOf.get(rec.key)), ''] });
    }
    for (const rej of s.rejected) all.push({ row: rej.row, line: () => [s.name, String(rej.row), '', 'rejected', rej.rawName, '', '', rej.reason] });
    all.sort((x, y) => x.row - y.row);
    for (const x of all) rows.push(x.line());
  }
  return toCsv(RECORDS_HEADER, rows);
}

/** Plain scored pairs (every field an own value), as the links were held before their evidence was made on demand. */
const plain = (pairs: readonly ScoredPair[]): ScoredPair[] => pairs.map((p) => JSON.parse(JSON.stringify(p)) as ScoredPair);

describe('streamed CSV outputs', () => {
  let result: ReconcileResult;
  let files: ReturnType<typeof renderOutputs>;
  const flags: MergeFlags = { out: 'out', neutralize: true, config: join(ROOT, 'fixtures/jan2022/config.json') };
  beforeAll(() => {
    const config = loadConfig(flags.config!);
    const sources = resolveSources([], flags, config);
    result = reconcile(ingestAll(sources, flags), { officialTotal: config.officialTotal, eventDate: config.eventDate, threshold: config.threshold });
    files = renderOutputs(result, { config, sources, cwd: ROOT, flags });
  });

  it('written in pieces, each CSV has the bytes of the text built whole', () => {
    const out = scratch();
    writeFilesAtomically(out, files);
    const text = (name: string) => readFileSync(join(out, name), 'utf8');
    expect(text('records.csv')).toBe(referenceRecordsCsv(result.sources, result.records, result.personOfRecord, result.scoreOfRecord));
    expect(text('records.csv')).toBe(renderRecordsCsv(result.sources, result.records, result.personOfRecord, result.scoreOfRecord));
    expect(text('links.csv')).toBe(renderPairsCsv(plain(result.link.links), result.records, true));
    expect(text('review.csv')).toBe(renderReviewCsv(plain(result.link.review), result.records));
    expect(result.link.links.length).toBeGreaterThan(100);
    expect(changedFiles(out, files)).toEqual([]);
  });

  it('records.csv interleaves rejected rows by row number also when a source lists them out of order', () => {
    const shuffled = result.sources.map((s) => ({ ...s, records: [...s.records].reverse(), rejected: [...s.rejected].reverse() }));
    expect(result.sources.some((s) => s.rejected.length > 0)).toBe(true);
    expect(renderRecordsCsv(shuffled, result.records, result.personOfRecord, result.scoreOfRecord)).toBe(
      referenceRecordsCsv(shuffled, result.records, result.personOfRecord, result.scoreOfRecord),
    );
  });

  it('a scored pair serialises with its levels, weights and evidence', () => {
    const p = result.link.links[0];
    const json = JSON.parse(JSON.stringify(p)) as ScoredPair;
    expect(json.levels).toEqual(p.levels);
    expect(json.weights).toEqual(p.weights);
    expect(json.evidence).toEqual(p.evidence);
    expect(Object.keys(json.levels)).toContain('surname');
    const sum = Object.values(p.weights).reduce((s, w) => s + w, 0);
    expect(sum).toBeCloseTo(p.weight, 2);
  });
});

describe('writing texts in pieces', () => {
  const lines = (n: number) => lazyText(function* () {
    for (let i = 0; i < n; i++) yield `${i},Ахметов Ерлан «${i}»\n`;
  });

  it('gives the same bytes as the joined text, across many write chunks', () => {
    const out = scratch();
    const big = lines(60_000);
    writeFilesAtomically(out, [['big.csv', big], ['small.txt', 'x\n']]);
    expect(readFileSync(join(out, 'big.csv'), 'utf8')).toBe(joinLines(big));
    expect(listing(out)).toEqual(['big.csv', 'small.txt']);
    expect(changedFiles(out, [['big.csv', big]])).toEqual([]);
    expect(changedFiles(out, [['big.csv', lines(59_999)]])).toEqual(['big.csv']);
    expect(changedFiles(out, [['big.csv', lines(60_001)]])).toEqual(['big.csv']);
  });

  it('csvLines joined is toCsv, with the byte-order mark once at the start', () => {
    const rows = [['a,b', ' c'], ['=1', '"q"']];
    expect([...csvLines(['x', 'y'], rows, { bom: true })].join('')).toBe(toCsv(['x', 'y'], rows, { bom: true }));
    expect([...csvLines(['x', 'y'], [])]).toEqual(['x,y\n']);
  });

  it('a content that fails half-way: its error is passed on, no temporary file, the new folder removed, old outputs kept', () => {
    const base = scratch();
    const out = join(base, 'new/deeper');
    const failing = lazyText(function* () {
      for (let i = 0; i < 300_000; i++) yield `row ${i} ${'x'.repeat(20)}\n`;
      throw new Error('broken row');
    });
    expect(() => writeFilesAtomically(out, [['records.csv', 'r\n'], ['links.csv', failing], ['report.md', '#\n']])).toThrow('broken row');
    expect(listing(base)).toEqual([]);

    const kept = scratch();
    writeFileSync(join(kept, 'links.csv'), 'old links\n');
    mkdirSync(join(kept, 'notes'));
    expect(() => writeFilesAtomically(kept, [['records.csv', 'r\n'], ['links.csv', failing]])).toThrow('broken row');
    expect(listing(kept)).toEqual(['links.csv', 'notes']);
    expect(readFileSync(join(kept, 'links.csv'), 'utf8')).toBe('old links\n');
    expect(existsSync(join(kept, 'records.csv'))).toBe(false);
  });
});
