// `reconcile merge`: options and help. The work is in ../merge-run.ts, loaded only when the command runs.
import { Command, Option, InvalidArgumentError } from 'commander';
import type { CommandContext } from '../context.js';

const DESCRIPTION = `Merge several casualty lists into one list of persons.

Reads each SOURCE (a CSV file), recognises its columns from the header (Russian, Kazakh or English: ФИО, Аты-жөні,
Full name, Фамилия/Имя/Отчество, Возраст, Дата смерти, Место, Категория, ...), its delimiter (, ; or tab) and its
encoding (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1251). Names are normalised across Kazakh Cyrillic,
Russian Cyrillic and Latin spellings, records are compared with a probabilistic model trained on the lists themselves,
and records of the same person are grouped. A row with no usable name is kept in records.csv as "rejected" with its
reason; nothing is dropped silently.

SOURCE is path.csv or name=path.csv (the name defaults to the file name without extension).
With --config, sources and their settings come from a JSON file; SOURCE arguments then replace its list
(a SOURCE whose name is in the config keeps that source's settings). Flags override the config.

Writes into --out (atomically: all files or none):
  records.csv   one row per input record with its person id (the crosswalk)
  merged.csv    one row per person: sources, records, confidence, conflicts
  report.md     the discrepancy report (report.json and report.html the same)
  links.csv     every link with its evidence
  review.csv    the uncertain pairs, most informative first
  model.json    the trained model (reuse with --model)
  run.json      how the run was configured`;

const EXAMPLES = `
Examples:
  $ reconcile merge --config fixtures/jan2022/config.json
  $ reconcile merge --out out --official-total 241 media=lists/media.csv ngo=lists/ngo.csv
  $ reconcile merge --config c.json --model out/model.json --decisions decisions.csv --previous out
  $ reconcile merge --config c.json --check          # CI: exit 1 if the outputs in --out would change

Exit status: 0 success; 1 --check found changes or --fail-on matched; 2 usage/config error;
3 bad input; 4 output not writable; 70 internal error.`;

function probability(value: string): number {
  const n = Number(value);
  if (!(n > 0 && n < 1)) throw new InvalidArgumentError('must be a probability between 0 and 1, e.g. 0.9');
  return n;
}

function wholeNumber(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('must be a whole number ≥ 0');
  return Number(value);
}

function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidArgumentError('must be a date written YYYY-MM-DD');
  return value;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
}

export interface MergeFlags {
  out: string;
  config?: string;
  officialTotal?: number;
  quiet?: boolean;
  encoding?: string;
  delimiter?: string;
  threshold?: number;
  eventDate?: string;
  model?: string;
  previous?: string;
  decisions?: string;
  unique?: string[];
  check?: boolean;
  pairsOut?: string;
  failOn?: string[];
  neutralize: boolean;
  excel?: boolean;
  redact?: boolean;
  maxFieldBytes?: number;
  maxRecords?: number;
}

export function registerMerge(program: Command, ctx: CommandContext): void {
  program
    .command('merge')
    .summary('merge casualty lists into one list of persons, with a crosswalk and a discrepancy report')
    .description(DESCRIPTION)
    .argument('[SOURCE...]', 'source lists: path.csv or name=path.csv')
    .option('-o, --out <DIR>', 'output folder', 'out')
    .option('-c, --config <FILE>', 'JSON config: sources (path, name, columns, encoding, delimiter, unique, covers), official_total, event_date, threshold')
    .option('--official-total <N>', 'the official death toll to compare with (241 for January 2022)', wholeNumber)
    .option('--event-date <YYYY-MM-DD>', 'date of the event, to turn years of birth into ages (default: from the config, else none)', isoDate)
    .option('--encoding <ENC>', 'force the encoding of every SOURCE: utf-8, utf-16le, utf-16be, windows-1251')
    .option('-d, --delimiter <CHAR>', 'force the delimiter of every SOURCE: "," ";" or "tab"; with --excel, the delimiter of the outputs instead (the inputs\' are then detected)')
    .option('--unique <NAME,...>', 'declare sources duplicate-free: at most one record per person (repeatable)', collect)
    .option('-t, --threshold <P>', 'match probability needed to link two records (default: chosen by the model to maximise its expected F1, never below 0.5)', probability)
    .option('--model <FILE>', 'reuse a trained model (model.json of an earlier run) instead of training')
    .option('--decisions <FILE>', 'reviewed decisions (CSV record_a,record_b,decision,note,decided_at) applied as must-link / cannot-link')
    .option('--previous <DIR>', "an earlier run's output folder: carry its person ids over to the same persons")
    .option('--pairs-out <FILE>', 'also write the candidate pairs blocking proposed (CSV record_a,record_b), for reconcile evaluate --pairs')
    .option('--check', 'do not write; exit 1 if the outputs in --out would change (for CI)')
    .addOption(new Option('--fail-on <WHAT>', 'exit 1 after writing when this holds: "uncertain" (unreviewed uncertain links remain)').argParser(collect))
    .option('--no-neutralize', 'do not neutralise cells a spreadsheet would run as formulas (=, +, -, @ at the start)')
    .option('--excel', 'write CSVs with a UTF-8 byte-order mark (and --delimiter) so Excel shows Cyrillic correctly')
    .option('--redact', 'publishable outputs: initials instead of full names in merged.csv and the report, no row text')
    .option('--max-field-bytes <N>', 'refuse a CSV field larger than this (default 1048576)', wholeNumber)
    .option('--max-records <N>', 'refuse a source with more records than this (default 5000000)', wholeNumber)
    .option('-q, --quiet', 'print nothing but errors')
    .addHelpText('after', EXAMPLES)
    .action(async (sources: string[], flags: MergeFlags) => {
      const { runMerge } = await import('../merge-run.js');
      ctx.setExitCode(await runMerge(sources, flags, ctx.io));
    });
}
