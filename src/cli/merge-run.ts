// `reconcile merge`: read sources → pure reconcile → render → write atomically (or --check). The I/O edge only.
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parse as parseCsv } from 'csv-parse/sync';
import { parseConfig, parseSourceArg, type RunConfig, type SourceConfig } from '../core/config.js';
import { EXIT, ReconError } from '../core/errors.js';
import type { IngestedSource } from '../core/types.js';
import { ingestSource } from '../ingest/index.js';
import { candidatePairs, type Decision, type ModelParams } from '../match/index.js';
import { reconcile, type ReconcileResult } from '../pipeline/reconcile.js';
import { redactResult } from '../pipeline/redact.js';
import { mergedCsvLines, pairsCsvLines, recordsCsvLines, reviewCsvLines } from '../report/render-csv.js';
import { renderReportHtml } from '../report/render-html.js';
import { renderReportMarkdown } from '../report/render-md.js';
import { lazyText, type CsvOptions } from '../report/csv.js';
import type { MergeFlags } from './commands/merge.js';
import { changedFiles, readInputFile, writeFilesAtomically, writeFilesInterruptibly, type FileContent } from './fs-io.js';
import type { CliIO } from './io.js';
import { createProgress } from './progress.js';
import { estimateSection } from './report-estimate.js';

export interface ResolvedRun {
  config: RunConfig;
  sources: SourceConfig[];
}

/** Reads and validates `--config`, resolving source paths against the config file's folder. */
export function loadConfig(path: string): RunConfig {
  const bytes = readInputFile(path, 'config file');
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ReconError('BAD_CONFIG', `not valid JSON: ${(e as Error).message}`, { file: path });
  }
  const config = parseConfig(json, path);
  const base = dirname(path);
  for (const s of config.sources) s.path = isAbsolute(s.path) ? s.path : join(base, s.path);
  return config;
}

/** Combines the config's sources with SOURCE arguments and flags. */
export function resolveSources(args: readonly string[], flags: Pick<MergeFlags, 'config' | 'encoding' | 'delimiter' | 'unique' | 'excel'>, config: RunConfig): SourceConfig[] {
  let sources: SourceConfig[];
  if (args.length > 0) {
    sources = args.map((arg) => {
      const { name, path } = parseSourceArg(arg);
      const fromConfig = config.sources.find((s) => s.name === name);
      return { ...(fromConfig ?? {}), name, path };
    });
  } else {
    sources = config.sources.map((s) => ({ ...s }));
  }
  if (sources.length === 0) {
    throw new ReconError('USAGE', 'no sources given', { hint: 'pass CSV files (reconcile merge a.csv b.csv) or --config FILE; see reconcile merge --help' });
  }
  const seen = new Map<string, string>();
  for (const s of sources) {
    if (seen.has(s.name)) {
      throw new ReconError('DUPLICATE_SOURCE', `two sources are named "${s.name}" (${seen.get(s.name)} and ${s.path})`, {
        hint: 'name them apart: reconcile merge a=lists/a/list.csv b=lists/b/list.csv',
      });
    }
    seen.set(s.name, s.path);
    if (flags.encoding) s.encoding = flags.encoding;
    // With --excel, --delimiter is the outputs' delimiter; the inputs' own delimiters are then detected.
    if (flags.delimiter && !flags.config && !flags.excel) s.delimiter = flags.delimiter === 'tab' ? '\t' : flags.delimiter;
  }
  for (const u of flags.unique ?? []) {
    const s = sources.find((x) => x.name === u);
    if (!s) throw new ReconError('USAGE', `--unique names "${u}", which is not a source`, { hint: `sources: ${sources.map((x) => x.name).join(', ')}` });
    s.unique = true;
  }
  return sources;
}

export function readDecisions(path: string): Decision[] {
  const text = readInputFile(path, 'decisions file').toString('utf8').replace(/^\uFEFF/, '');
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(text, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  } catch (e) {
    throw new ReconError('BAD_CONFIG', `decisions file is not valid CSV (${(e as Error).message})`, { file: path });
  }
  return rows.map((r, i) => {
    const line = i + 2;
    const decision = (r.decision ?? '').toLowerCase();
    if (!r.record_a || !r.record_b) throw new ReconError('BAD_CONFIG', 'record_a and record_b must be set (source:row)', { file: path, line });
    if (decision !== 'match' && decision !== 'distinct') {
      throw new ReconError('BAD_CONFIG', `decision must be "match" or "distinct", not "${r.decision ?? ''}"`, { file: path, line });
    }
    return { a: r.record_a, b: r.record_b, decision, note: r.note || undefined } as Decision;
  });
}

/**
 * Person ids of an earlier run, per record key. Rows shift when a source is updated, so a record keeps the old id of
 * the row at the same `source:row` only when the name there is the same; otherwise the old record of the same source
 * with the same name (when there is exactly one) gives it.
 */
export function readPreviousIds(dir: string, sources: readonly IngestedSource[]): Map<string, string> {
  const file = join(dir, 'records.csv');
  const text = readInputFile(file, "previous run's records.csv").toString('utf8').replace(/^\uFEFF/, '');
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  } catch (e) {
    throw new ReconError('BAD_CONFIG', `not a records.csv written by merge (${(e as Error).message})`, { file });
  }
  const byKey = new Map<string, { name: string; id: string }>();
  const byName = new Map<string, string | null>();
  for (const r of rows) {
    if (!r.person_id) continue;
    byKey.set(`${r.source}:${r.row}`, { name: r.name ?? '', id: r.person_id });
    const nameKey = `${r.source}\u0000${r.name ?? ''}`;
    byName.set(nameKey, byName.has(nameKey) ? null : r.person_id);
  }
  const map = new Map<string, string>();
  for (const s of sources) {
    for (const rec of s.records) {
      const same = byKey.get(rec.key);
      if (same && same.name === rec.rawName) {
        map.set(rec.key, same.id);
        continue;
      }
      const byNameId = byName.get(`${s.name}\u0000${rec.rawName}`);
      if (byNameId) map.set(rec.key, byNameId);
    }
  }
  return map;
}

export function readModel(path: string): ModelParams {
  const text = readInputFile(path, 'model file').toString('utf8');
  try {
    return JSON.parse(text) as ModelParams;
  } catch (e) {
    throw new ReconError('BAD_CONFIG', `model file is not valid JSON (${(e as Error).message})`, { file: path });
  }
}

/** Ingests every source (reading each file once). */
export function ingestAll(sources: readonly SourceConfig[], flags: Pick<MergeFlags, 'maxFieldBytes' | 'maxRecords'>, onSource?: (name: string) => void): IngestedSource[] {
  return sources.map((s) => {
    onSource?.(s.name);
    const bytes = readInputFile(s.path, 'source file');
    const src = ingestSource(s, bytes, { maxFieldBytes: flags.maxFieldBytes, maxRecords: flags.maxRecords });
    if (s.covers) src.covers = s.covers;
    if (s.unique) src.unique = true;
    return src;
  });
}

/**
 * The output files of a run, in a fixed order. The CSVs are made line by line as they are written (or checked), so
 * that a run of a million records never holds them whole; the reports are texts.
 */
export function renderOutputs(result: ReconcileResult, run: { config: RunConfig; sources: SourceConfig[]; cwd: string; flags: MergeFlags }): Array<[string, FileContent]> {
  const csv: CsvOptions = { neutralize: run.flags.neutralize !== false, bom: Boolean(run.flags.excel) };
  if (run.flags.excel && run.flags.delimiter) csv.delimiter = run.flags.delimiter === 'tab' ? '\t' : run.flags.delimiter;
  const r = run.flags.redact ? redactResult(result) : result;
  const estimate = estimateSection(r);
  const report = estimate ? { ...r.report, estimate: estimate.json } : r.report;
  const runJson = {
    official_total: run.config.officialTotal ?? null,
    event_date: run.config.eventDate ?? null,
    threshold: result.link.threshold,
    threshold_source: result.link.thresholdSource,
    redacted: Boolean(run.flags.redact),
    sources: run.sources.map((s) => ({
      name: s.name,
      path: relative(run.cwd, resolve(run.cwd, s.path)).split('\\').join('/'),
      ...(s.encoding ? { encoding: s.encoding } : {}),
      ...(s.delimiter ? { delimiter: s.delimiter === '\t' ? 'tab' : s.delimiter } : {}),
      ...(s.columns ? { columns: s.columns } : {}),
      ...(s.unique ? { unique: true } : {}),
      ...(s.covers ? { covers: s.covers } : {}),
    })),
  };
  return [
    ['records.csv', lazyText(() => recordsCsvLines(r.sources, r.records, r.personOfRecord, r.scoreOfRecord, csv))],
    ['merged.csv', lazyText(() => mergedCsvLines(r.persons, csv))],
    ['links.csv', lazyText(() => pairsCsvLines(r.link.links, r.records, !run.flags.redact, csv))],
    ['review.csv', lazyText(() => reviewCsvLines(r.link.review, r.records, csv))],
    ['report.md', renderReportMarkdown(report, { extraSections: estimate ? [estimate.markdown] : [] })],
    ['report.html', renderReportHtml(report)],
    ['report.json', JSON.stringify(report, null, 2) + '\n'],
    ['model.json', JSON.stringify(result.link.model, null, 2) + '\n'],
    ['run.json', JSON.stringify(runJson, null, 2) + '\n'],
  ];
}

/**
 * Runs `merge`. Ctrl-C before the outputs are written stops the process at once (nothing is on disk yet: the work is
 * synchronous, so a handler could only run at its end); during the write it removes the temporary files and exits 130.
 */
export async function runMerge(args: string[], flags: MergeFlags, io: CliIO): Promise<number> {
  const config: RunConfig = flags.config ? loadConfig(flags.config) : { sources: [] };
  if (flags.officialTotal !== undefined) config.officialTotal = flags.officialTotal;
  if (flags.eventDate !== undefined) config.eventDate = flags.eventDate;
  if (flags.threshold !== undefined) config.threshold = flags.threshold;
  const sources = resolveSources(args, flags, config);
  const model = flags.model ? readModel(flags.model) : undefined;
  const decisions = flags.decisions ? readDecisions(flags.decisions) : undefined;

  const progress = createProgress(io, !flags.quiet);
  progress.stage('ingest', 'start');
  const ingested = ingestAll(sources, flags, (name) => progress.stage(`ingest ${name}`, 'start'));
  progress.stage('ingest', 'end');
  const guard = ingested.reduce((n, s) => n + s.records.length, 0) >= COLLECT_FROM_RECORDS ? memoryGuard() : undefined;
  const previous = flags.previous ? readPreviousIds(flags.previous, ingested) : undefined;

  const result = reconcile(ingested, {
    officialTotal: config.officialTotal,
    eventDate: config.eventDate,
    threshold: config.threshold,
    model,
    decisions,
    previous,
    onStage: (stage, event, info) => {
      progress.stage(stage, event, info);
      // Progress within a stage comes as more 'start' events: only the stage's own start collects (clustering reports
      // each of its ten thresholds, and a full collection of a million records' heap takes seconds).
      const bufferLetGo = stage === 'block' && event === 'start' && info !== undefined && info.done === info.total;
      guard?.(bufferLetGo || (info === undefined && COLLECT_AT.has(`${stage} ${event}`)));
    },
    onStep: (step, event) => {
      progress.stage(step, event);
      guard?.(false);
    },
  });

  progress.stage('write', 'start');
  const files = renderOutputs(result, { config, sources, cwd: io.cwd, flags });
  if (flags.check) {
    const changed = changedFiles(flags.out, files);
    progress.done();
    if (changed.length > 0) {
      io.stderr.write(`reconcile: --check: ${changed.length} output file(s) in ${flags.out} would change: ${changed.join(', ')}\n`);
      return EXIT.FINDINGS;
    }
    if (!flags.quiet) io.stdout.write(`reconcile: --check: outputs in ${flags.out} are up to date\n`);
    return EXIT.OK;
  }
  await writeFilesInterruptibly(flags.out, files, io.stderr);
  if (flags.pairsOut) writePairsFile(flags.pairsOut, result);
  progress.stage('write', 'end');
  progress.done();

  if (io.env.RECONCILE_TIMINGS) io.stderr.write(`timings ${JSON.stringify({ ...progress.timings(), candidate_pairs: result.link.stats.candidatePairs, records: result.records.length, max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
  if (!flags.quiet) io.stdout.write(summarize(result, flags.out));
  const failOn = new Set(flags.failOn ?? []);
  for (const f of failOn) {
    if (f !== 'uncertain') throw new ReconError('USAGE', `--fail-on takes "uncertain", not "${f}"`);
  }
  if (failOn.has('uncertain') && result.link.review.length > 0) {
    io.stderr.write(`reconcile: --fail-on uncertain: ${result.link.review.length} uncertain link(s) await review (reconcile review ${flags.out})\n`);
    return EXIT.FINDINGS;
  }
  return EXIT.OK;
}

/**
 * From this many records, full garbage collections are run at the stage boundaries and progress steps of matching
 * (see memoryGuard). Matching lets go of large typed arrays (the pair buffer after blocking, the comparison vectors
 * before clustering, each clustering) whose memory lies outside the JavaScript heap and is only given back when a
 * full collection finds them dead; the stages allocate little else that would start one, and V8 lets its heap grow
 * far past what is live before it collects. At a million records that took the run from under 4 GiB to 5.7 GiB.
 */
const COLLECT_FROM_RECORDS = 200_000;
/**
 * Where matching has just let go of large arrays or heap: a collection always runs there, and at blocking's last
 * step, once the pair buffer (about a gigabyte at a million records) is let go and before the candidate pairs are
 * made. Not at blocking's other steps: V8 collects the rules' blocks and caches by itself as their typed arrays pile
 * up, and each forced collection takes two to three seconds at a million records.
 */
const COLLECT_AT: ReadonlySet<string> = new Set(['cluster start', 'cluster end']);
/** Elsewhere a collection runs when the heap and array buffers have grown by this much since the last one. */
const COLLECT_GROWTH = 384 * 2 ** 20;

/**
 * A check to call at each progress step: runs V8's full garbage collection when `force` is set or when memory in
 * use (heap and array buffers) has grown by COLLECT_GROWTH since the last one. Undefined where V8's collector
 * cannot be had. A full collection takes a second or two at a million records.
 */
function memoryGuard(): ((force: boolean) => void) | undefined {
  let gc: unknown;
  try {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc');
  } catch {
    return undefined;
  }
  if (typeof gc !== 'function') return undefined;
  const inUse = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  let after = inUse();
  return (force) => {
    if (!force && inUse() - after < COLLECT_GROWTH) return;
    (gc as () => void)();
    after = inUse();
  };
}

/** Warnings shown in the summary; all of them are in report.md. */
const SUMMARY_WARNINGS = 5;

/** The candidate pairs blocking proposes, as `record_a,record_b` keys (for blocking recall in `evaluate --pairs`). */
function writePairsFile(file: string, result: ReconcileResult): void {
  const { a, b } = candidatePairs(result.records);
  const lines: string[] = ['record_a,record_b'];
  for (let i = 0; i < a.length; i++) lines.push(`${result.records[a[i]].record.key},${result.records[b[i]].record.key}`);
  const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  writeFilesAtomically(slash >= 0 ? file.slice(0, slash) || '/' : '.', [[file.slice(slash + 1), lines.join('\n') + '\n']]);
}

function summarize(r: ReconcileResult, out: string): string {
  const rep = r.report;
  const lines: string[] = [];
  lines.push(`Merged ${rep.sources.length} sources: ${rep.records} records → ${rep.persons} distinct named persons.`);
  if (rep.official_total !== null) {
    const gap = rep.gap!;
    lines.push(`Official total ${rep.official_total}: ${gap >= 0 ? `${gap} deaths counted but not named` : `${-gap} more persons named than officially counted`}.`);
  }
  lines.push(`Linkage range: ${rep.persons_range.stricter.persons} persons (stricter) to ${rep.persons_range.looser.persons} (looser); threshold ${rep.threshold}.`);
  const w = Math.max(...rep.sources.map((s) => s.name.length), 6);
  lines.push('', `  ${'source'.padEnd(w)}  records  persons  only here  duplicates  rejected`);
  for (const s of rep.sources) {
    lines.push(`  ${s.name.padEnd(w)}  ${String(s.records).padStart(7)}  ${String(s.persons).padStart(7)}  ${String(s.only_here).padStart(9)}  ${String(s.duplicates).padStart(10)}  ${String(s.rejected).padStart(8)}`);
  }
  lines.push('');
  if (rep.conflicts.length > 0) lines.push(`${rep.conflicts.length} attribute conflicts between sources (see report.md).`);
  if (rep.review.pending > 0) lines.push(`${rep.review.pending} uncertain pairs await review: reconcile review ${out}`);
  if (rep.rejected_records > 0) lines.push(`${rep.rejected_records} rows rejected (no usable name); reasons in records.csv and report.md.`);
  if (rep.warnings.length > 0) {
    lines.push(`${rep.warnings.length} warning(s) about the inputs (all in report.md):`);
    for (const w of rep.warnings.slice(0, SUMMARY_WARNINGS)) lines.push(`  - ${w}`);
    if (rep.warnings.length > SUMMARY_WARNINGS) lines.push(`  - … and ${rep.warnings.length - SUMMARY_WARNINGS} more`);
  }
  lines.push(`Wrote ${out}/: records.csv merged.csv report.md report.html report.json links.csv review.csv model.json run.json`);
  return lines.join('\n') + '\n';
}
