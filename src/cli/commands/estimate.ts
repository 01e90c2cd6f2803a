// `reconcile estimate OUT`: multiple systems estimation (capture–recapture) of the total number of victims, named
// and unnamed, from the persons of an earlier merge. Reads OUT/merged.csv and OUT/report.json; the work is pure.
import { join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import type { CommandContext } from '../context.js';
import { outputExists, readOutputCsv, readOutputText } from '../output-files.js';
import { ReconError } from '../../core/errors.js';
import { compareStrings } from '../../core/compare.js';
import type {
  CandidateLink,
  EstimatePerson,
  EstimateSource,
  LinkRecord,
  ModelSelection,
  Stratifier,
} from '../../estimate/index.js';

const DESCRIPTION = `Estimate how many victims there were in total, including people that no list
names.

Uses multiple systems estimation (capture–recapture) on the persons of an
earlier merge (OUT/merged.csv, the lists of OUT/report.json). With two lists:
the Chapman estimate with a log-transformed 95% interval (Lincoln–Petersen
shown too). With three or more: log-linear Poisson models over the
capture-history table (independence and every combination of pairwise
interactions, with five lists at most three; and heterogeneity models, Mth
Darroch, Poisson2 and Gamma3.5, alone and with pairwise terms), fitted by
maximum likelihood and compared by AIC and BIC, each with a 95%
profile-likelihood interval. People differ in how likely any list is to name
them, and models of that heterogeneity can fit equally well yet disagree on
the unseen count. So the headline (--select robust, the default) takes the
best model of each family (pairwise, Mth Darroch, Mth Poisson2), keeps those
within 10 AIC points of the best, and reports their Akaike-weighted average
with a range from the lowest to the highest end of their intervals. --select
aic or bic takes the single best non-saturated model (--interval bootstrap: a
seeded parametric bootstrap for it); the Akaike-weighted average over all
models is shown too.

A list that covers only one category (config "covers", e.g. an official list
naming only security officers) gives everybody else no chance to appear on it,
which breaks the method: it is left out unless you stratify by category, where
it is used inside its own category only (or force it with
--include-coverage-lists). With --stratify each group is estimated separately
and the totals added (interval log-transformed on the total unseen).

Linkage: if OUT/persons-by-threshold.json exists (an array of {threshold,
persons: [{sources, category, place}]}), the estimate is repeated at each
threshold. With --draws N, links are also sampled from their probabilities
(OUT/links.csv and OUT/review.csv) N times and the spread of the estimate is
shown. False links lower the estimate; missed links raise it. A range "with
linkage uncertainty" then spans the headline interval, the intervals at the
other thresholds and the spread of the draws.

The estimate rests on assumptions (independent lists, same event and
definition, every person with some chance of being listed); the output states
them in plain words. It says how many, not who.`;

const EXAMPLES = `
Examples:
  $ reconcile estimate out
  $ reconcile estimate out --stratify category
  $ reconcile estimate out --lists media,ngo --json
  $ reconcile estimate out --select average --draws 200 --seed 7`;

interface EstimateFlags {
  lists?: string[];
  stratify?: Stratifier;
  includeCoverageLists?: boolean;
  select?: ModelSelection;
  allowSaturated?: boolean;
  interval?: 'profile' | 'bootstrap';
  replicates?: number;
  draws?: number;
  seed?: number;
  json?: boolean;
  markdown?: boolean;
}

function listNames(value: string, previous: string[] = []): string[] {
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new InvalidArgumentError('give list names separated by commas, e.g. media,ngo');
  return [...previous, ...names];
}

function oneOf<T extends string>(allowed: readonly T[]) {
  return (value: string): T => {
    if (!(allowed as readonly string[]).includes(value)) throw new InvalidArgumentError(`must be one of ${allowed.join(', ')}`);
    return value as T;
  };
}

function wholeNumber(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('must be a whole number ≥ 0');
  return Number(value);
}

export function registerEstimate(program: Command, ctx: CommandContext): void {
  program
    .command('estimate')
    .summary('estimate the total number of victims, named and unnamed (capture–recapture)')
    .description(DESCRIPTION)
    .argument('<OUT>', 'output folder of a merge run')
    .option('--lists <a,b,c>', 'use only these lists (names as in report.json)', listNames)
    .option('--stratify <field>', 'estimate each category, place or region separately and add', oneOf<Stratifier>(['category', 'place', 'region']))
    .option('--include-coverage-lists', 'use one-category lists in a pooled estimate anyway (biased)')
    .option('--select <rule>', 'headline with 3+ lists: robust (default), aic, bic, average, independence', oneOf<ModelSelection>(['robust', 'aic', 'bic', 'average', 'independence']))
    .option('--allow-saturated', 'let the saturated model be the headline when the criterion picks it')
    .option('--interval <method>', 'interval of a log-linear headline: profile (default) or bootstrap', oneOf(['profile', 'bootstrap'] as const))
    .option('--replicates <n>', 'bootstrap replicates (default 2000)', wholeNumber)
    .option('--draws <n>', 'also re-estimate over N clusterings sampled from the link probabilities', wholeNumber)
    .option('--seed <n>', 'seed for --draws and the bootstrap (default 1)', wholeNumber)
    .option('--json', 'print the result as JSON')
    .option('--markdown', 'print the result as Markdown')
    .addHelpText('after', EXAMPLES)
    .action(async (out: string, flags: EstimateFlags) => {
      await runEstimate(out, flags, ctx);
    });
}

async function runEstimate(out: string, flags: EstimateFlags, ctx: CommandContext): Promise<void> {
  if (flags.json && flags.markdown) throw new ReconError('USAGE', 'choose one of --json and --markdown');
  const est = await import('../../estimate/index.js');
  // Paths in messages are written as the user gave them; files are read relative to the working folder.
  const dir = out;
  const cwd = ctx.io.cwd;
  const { persons, records } = await readMergedPersons(cwd, join(dir, 'merged.csv'));
  const report = readJsonFile(cwd, join(dir, 'report.json'), 'report.json') as {
    official_total?: number | null;
    threshold?: number;
    sources?: Array<{ name?: unknown; covers?: unknown }>;
  };
  if (!Array.isArray(report.sources)) {
    throw new ReconError('BAD_CONFIG', 'report.json has no "sources" array', { file: join(dir, 'report.json'), hint: 're-run reconcile merge' });
  }
  // `covers` comes from report.json; run.json (the run's configuration) fills it in when the report lacks it.
  const runCovers = new Map<string, string>();
  if (outputExists(cwd, join(dir, 'run.json'))) {
    const run = readJsonFile(cwd, join(dir, 'run.json'), 'run.json') as { sources?: Array<{ name?: unknown; covers?: unknown }> };
    for (const s of Array.isArray(run.sources) ? run.sources : []) {
      if (typeof s.name === 'string' && typeof s.covers === 'string' && s.covers !== '') runCovers.set(s.name, s.covers);
    }
  }
  const sources: EstimateSource[] = report.sources.map((s, i) => {
    if (typeof s.name !== 'string' || s.name === '') {
      throw new ReconError('BAD_CONFIG', `report.json: sources[${i}] has no name`, { file: join(dir, 'report.json') });
    }
    const covers = typeof s.covers === 'string' && s.covers !== '' ? s.covers : runCovers.get(s.name);
    return covers ? { name: s.name, covers } : { name: s.name };
  });
  if (flags.stratify) {
    const missing = persons.every((p) => p[flags.stratify as Stratifier] === undefined);
    if (missing) ctx.io.stderr.write(`reconcile: warning: no person in merged.csv has a ${flags.stratify}; everyone falls in one group\n`);
  }
  const options = {
    lists: flags.lists,
    stratify: flags.stratify ?? null,
    includeCoverageLists: Boolean(flags.includeCoverageLists),
    selection: flags.select ?? 'robust',
    allowSaturated: Boolean(flags.allowSaturated),
    interval: flags.interval ?? 'profile',
    bootstrap: { replicates: flags.replicates ?? 2000, seed: flags.seed ?? 1 },
    ...(typeof report.official_total === 'number' ? { officialTotal: report.official_total } : {}),
  };
  const result = est.estimatePopulation(persons, sources, options);

  const thresholdFile = join(dir, 'persons-by-threshold.json');
  const thresholds = outputExists(cwd, thresholdFile)
    ? est.estimateAcrossThresholds(readThresholdRuns(cwd, thresholdFile), sources, options)
    : [];
  let clusterings = null;
  if (flags.draws && flags.draws > 0) {
    const threshold = typeof report.threshold === 'number' ? report.threshold : 0.9;
    const links = await readCandidateLinks(cwd, dir, threshold);
    clusterings = est.estimateOverClusterings(records, links, sources, options, { draws: flags.draws, seed: flags.seed ?? 1 });
  }
  const linkage = est.linkageRange(result.total, thresholds, clusterings);
  if (flags.json) {
    ctx.io.stdout.write(JSON.stringify({ estimate: result, thresholds, clusterings, linkage }, null, 2) + '\n');
    return;
  }
  const render = flags.markdown ? est.renderEstimateMarkdown : est.renderEstimateText;
  ctx.io.stdout.write(render(result, { thresholds, clusterings, linkage }));
}


function readJsonFile(cwd: string, file: string, what: string): unknown {
  const text = readOutputText(cwd, file, what, 'estimate');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ReconError('FILE_UNREADABLE', `${what} is not valid JSON (${(e as Error).message})`, { file });
  }
}

/** Persons of merged.csv (sources, category, place, region) and their records for sampled clusterings. */
async function readMergedPersons(cwd: string, file: string): Promise<{ persons: EstimatePerson[]; records: LinkRecord[] }> {
  const rows = await readOutputCsv(cwd, file, 'merged.csv', ['sources'], 'estimate');
  const persons: EstimatePerson[] = [];
  const records: LinkRecord[] = [];
  for (const { line, cells } of rows) {
    const sources = splitList(cells.sources);
    if (sources.length === 0) throw new ReconError('CSV_MALFORMED', 'merged.csv: a person with no source', { file, line });
    const person: EstimatePerson = { sources };
    for (const field of ['category', 'place', 'region'] as const) {
      const v = (cells[field] ?? '').trim();
      if (v !== '') person[field] = v;
    }
    persons.push(person);
    for (const key of splitList(cells.records ?? '')) {
      const source = key.slice(0, key.lastIndexOf(':'));
      records.push({ key, source, ...pickStrata(person) });
    }
  }
  return { persons, records };
}

function pickStrata(p: EstimatePerson): Pick<LinkRecord, 'category' | 'place' | 'region'> {
  return {
    ...(p.category ? { category: p.category } : {}),
    ...(p.place ? { place: p.place } : {}),
    ...(p.region ? { region: p.region } : {}),
  };
}

function splitList(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  const parts = typeof value === 'string' ? value.split(';') : value;
  return parts.map((s) => String(s).trim()).filter(Boolean);
}

/** OUT/persons-by-threshold.json: [{threshold, persons: [{sources, category?, place?, region?}]}]. */
function readThresholdRuns(cwd: string, file: string): Array<{ threshold: number; persons: EstimatePerson[] }> {
  const data = readJsonFile(cwd, file, 'persons-by-threshold.json');
  const bad = (why: string): never => {
    throw new ReconError('BAD_CONFIG', `persons-by-threshold.json: ${why}`, { file, hint: 'expected [{"threshold": 0.9, "persons": [{"sources": ["media", "ngo"]}]}]' });
  };
  if (!Array.isArray(data)) return bad('expected an array');
  return data.map((run: unknown, i) => {
    const r = run as { threshold?: unknown; persons?: unknown };
    if (typeof r?.threshold !== 'number') return bad(`entry ${i + 1} has no numeric "threshold"`);
    if (!Array.isArray(r.persons)) return bad(`entry ${i + 1} has no "persons" array`);
    const persons = r.persons.map((p: unknown, j) => {
      const q = p as Record<string, unknown>;
      const sources = splitList(q?.sources as string | string[] | undefined);
      if (sources.length === 0) return bad(`entry ${i + 1}, person ${j + 1} has no sources`);
      const person: EstimatePerson = { sources };
      for (const field of ['category', 'place', 'region'] as const) {
        if (typeof q[field] === 'string' && q[field] !== '') person[field] = q[field] as string;
      }
      return person;
    });
    return { threshold: r.threshold, persons };
  });
}

/**
 * Candidate links with probabilities: accepted links (links.csv) and uncertain pairs below the threshold
 * (review.csv), each pair once. Review pairs at or above the threshold that the merge left apart were refused by its
 * guards (one record per duplicate-free list, chain guard, names judged different) and stay apart.
 */
async function readCandidateLinks(cwd: string, dir: string, threshold: number): Promise<CandidateLink[]> {
  const seen = new Map<string, CandidateLink>();
  for (const name of ['links.csv', 'review.csv']) {
    const file = join(dir, name);
    if (name === 'review.csv' && !outputExists(cwd, file)) continue;
    const rows = await readOutputCsv(cwd, file, name, ['record_a', 'record_b', 'probability'], 'estimate');
    for (const { line, cells } of rows) {
      const probability = Number(cells.probability);
      if (!(probability >= 0 && probability <= 1)) {
        throw new ReconError('CSV_MALFORMED', `${name}: probability "${cells.probability}" is not between 0 and 1`, { file, line });
      }
      if (name === 'review.csv' && probability >= threshold) continue;
      const [a, b] = [cells.record_a, cells.record_b].sort(compareStrings);
      const id = `${a}\u0000${b}`;
      if (!seen.has(id)) seen.set(id, { a, b, probability });
    }
  }
  return [...seen.values()];
}
