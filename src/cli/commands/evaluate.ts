// `reconcile evaluate`: scores a merge's records.csv against a known truth (synthetic scenarios).
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { CommandContext } from '../context.js';

const EXAMPLES = `
Examples:
  reconcile merge --config fixtures/jan2022/config.json --out out
  reconcile evaluate --truth fixtures/jan2022/truth/truth.csv out/records.csv
  reconcile evaluate --truth /tmp/s20k/truth/truth.csv out            # a folder means its records.csv
  reconcile evaluate --truth t/truth.csv --pairs out/pairs.csv --json out/records.csv
  reconcile evaluate --truth t/truth.csv --min-f1 0.97 out/records.csv  # exit 1 below the bar (for CI)

Figures:
  pairwise    precision = correct / predicted pairs, recall = correct / true pairs (pairs of records of one person)
  B-cubed     per-record precision and recall of its predicted person, averaged over records
  script pair the same, for pairs whose records are written in the two scripts (truth column "script")
  blocking    share of true pairs among the candidate pairs of --pairs (CSV record_a,record_b)
  relatives / namesakes   pairs of different true persons (families, same names) put into one predicted person,
              from truth/persons.csv next to the truth file (or --persons)

Rejected records (status rejected, no person id) count as singletons and are listed.
`;

function parseWorst(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number.');
  return Number(value);
}

function parseRatio(value: string): number {
  const x = Number(value);
  if (!Number.isFinite(x) || x < 0 || x > 1) throw new InvalidArgumentError('expected a number between 0 and 1.');
  return x;
}

interface EvaluateCliOptions {
  truth: string;
  pairs?: string;
  persons?: string | false;
  worst: number;
  json?: boolean;
  minF1?: number;
}

export function registerEvaluate(program: Command, ctx: CommandContext): void {
  program
    .command('evaluate')
    .description(
      [
        'Score a merge against the truth of a synthetic scenario: pairwise and B-cubed precision, recall and',
        'F1, predicted against true number of persons, results per script pair, blocking recall from a',
        'candidate pairs file, how many relatives and namesakes were merged, and the worst false merges and',
        'missed links with their names. RECORDS is the records.csv written by `reconcile merge` (or its',
        'folder).',
      ].join(' '),
    )
    .argument('<RECORDS>', 'records.csv of a merge, or the folder holding it')
    .requiredOption('--truth <FILE>', 'truth.csv with source,row,true_person_id[,script]')
    .option('--pairs <FILE>', 'candidate pairs (CSV record_a,record_b with keys like media:12) for blocking recall')
    .option('--persons <FILE>', 'persons.csv with family_id and similar_to (default: persons.csv beside the truth)')
    .option('--no-persons', 'do not read persons.csv')
    .option('--worst <N>', 'how many false merges and missed links to list', parseWorst, 10)
    .option('--json', 'print JSON instead of text')
    .option('--min-f1 <X>', 'exit with status 1 when pairwise F1 is below X', parseRatio)
    .addHelpText('after', EXAMPLES)
    .action(async (recordsArg: string, opts: EvaluateCliOptions) => {
      const { ReconError } = await import('../../core/errors.js');
      const ev = await import('../../evaluate/index.js');
      const read = (file: string): string => {
        const path = resolve(ctx.io.cwd, file);
        if (!existsSync(path)) throw new ReconError('FILE_NOT_FOUND', 'file not found', { file });
        try {
          return readFileSync(path, 'utf8');
        } catch (err) {
          throw new ReconError('FILE_UNREADABLE', `cannot read: ${(err as Error).message}`, { file });
        }
      };
      let recordsFile = recordsArg;
      const recordsPath = resolve(ctx.io.cwd, recordsArg);
      if (existsSync(recordsPath) && statSync(recordsPath).isDirectory()) recordsFile = join(recordsArg, 'records.csv');
      const truth = ev.parseTruthCsv(read(opts.truth), opts.truth);
      const records = ev.parseRecordsCsv(read(recordsFile), recordsFile);
      const pairs = opts.pairs === undefined ? undefined : ev.parsePairsCsv(read(opts.pairs), opts.pairs);
      let personsFile: string | undefined;
      if (typeof opts.persons === 'string') personsFile = opts.persons;
      else if (opts.persons !== false) {
        const beside = join(dirname(opts.truth), 'persons.csv');
        if (existsSync(resolve(ctx.io.cwd, beside))) personsFile = beside;
      }
      const relations = personsFile === undefined ? undefined : ev.parsePersonsCsv(read(personsFile), personsFile);
      const result = ev.evaluateLinkage(truth, records, { pairs, relations, worst: opts.worst });
      if (opts.json) ctx.io.stdout.write(JSON.stringify(result, null, 2) + '\n');
      else ctx.io.stdout.write(ev.formatEvaluation(result));
      if (opts.minF1 !== undefined && result.pairwise.f1 < opts.minF1) {
        ctx.io.stderr.write(`reconcile: pairwise F1 ${result.pairwise.f1.toFixed(4)} is below --min-f1 ${opts.minF1}\n`);
        ctx.setExitCode(1);
      }
    });
}
