// Reloads an earlier `merge` run from its output folder (run.json, model.json): re-reads its sources so that
// `explain`, `review` and friends see exactly the records the run saw.
import { join } from 'node:path';
import type { SourceConfig } from '../core/config.js';
import { ReconError } from '../core/errors.js';
import type { IngestedSource } from '../core/types.js';
import type { ModelParams } from '../match/index.js';
import { prepareRecords, type PreparedRecord } from '../pipeline/prepare.js';
import { readInputFile } from './fs-io.js';
import { ingestAll } from './merge-run.js';

export interface RunJson {
  official_total: number | null;
  event_date: string | null;
  threshold: number;
  threshold_source: string;
  redacted: boolean;
  sources: Array<SourceConfig & { delimiter?: string }>;
}

export interface LoadedRun {
  outDir: string;
  run: RunJson;
  model: ModelParams;
  sources: IngestedSource[];
  records: PreparedRecord[];
  indexOf: Map<string, number>;
  warnings: string[];
}

function readJson<T>(file: string, what: string): T {
  const bytes = readInputFile(file, what);
  try {
    return JSON.parse(bytes.toString('utf8')) as T;
  } catch (e) {
    throw new ReconError('FILE_UNREADABLE', `${what} is not valid JSON (${(e as Error).message})`, { file });
  }
}

export function loadRun(outDir: string, cwd: string): LoadedRun {
  const runFile = join(outDir, 'run.json');
  const run = readJson<RunJson>(runFile, 'run.json of a merge output folder');
  const model = readJson<ModelParams>(join(outDir, 'model.json'), 'model.json');
  const warnings: string[] = [];
  const specs: SourceConfig[] = run.sources.map((s) => ({ ...s, path: join(cwd, s.path), delimiter: s.delimiter === 'tab' ? '\t' : s.delimiter }));
  const sources = ingestAll(specs, {});
  let report: { sources?: Array<{ name: string; sha256: string }> } = {};
  try {
    report = JSON.parse(readInputFile(join(outDir, 'report.json'), 'report.json').toString('utf8'));
  } catch {
    report = {};
  }
  for (const s of sources) {
    const before = report.sources?.find((x) => x.name === s.name);
    if (before && before.sha256 !== s.sha256) warnings.push(`source ${s.name} (${s.path}) changed since the run; rows may not match the outputs`);
  }
  const records = prepareRecords(sources, run.event_date ?? undefined);
  const indexOf = new Map(records.map((r, i) => [r.record.key, i]));
  return { outDir, run, model, sources, records, indexOf, warnings };
}

/** Finds a record by its `source:row` key, with a helpful error. */
export function recordIndex(loaded: LoadedRun, key: string): number {
  const i = loaded.indexOf.get(key);
  if (i !== undefined) return i;
  const rejected = loaded.sources.some((s) => s.rejected.some((r) => r.key === key));
  if (rejected) throw new ReconError('USAGE', `record ${key} was rejected (no usable name); it has no links to explain`);
  const names = loaded.sources.map((s) => s.name).join(', ');
  throw new ReconError('USAGE', `no record ${key} in this run`, { hint: `records are SOURCE:ROW with SOURCE one of ${names} and ROW the 1-based data row (see records.csv)` });
}
