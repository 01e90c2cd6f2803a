// `reconcile normalize`: options and help, and the I/O edge (names from arguments or stdin, tables or JSON out).
// Parsing, comparison and formatting are pure, in src/names/, loaded only when the command runs.
import type { Command } from 'commander';
import { ReconError } from '../../core/errors.js';
import type { CommandContext } from '../context.js';
import type { CliIO } from '../io.js';

const DESCRIPTION = `Show how the names engine reads names, so you can see why two spellings do or do not meet.

For each NAME: its words with the role given to each (surname, given name, patronymic, initials), the canonical Latin
form and the phonetic skeleton of each word, the sex suggested by the endings and the given-name list (with the
evidence), the name in Russian Cyrillic and in Latin (an English romanisation of the Russian form: Tokayev
Kasym-Zhomart), and the blocking keys the matching uses. Name order is not assumed: roles are a best guess and the
comparison never depends on them.

Without NAME arguments and with stdin not a terminal, reads one name per line from stdin (UTF-8; empty lines skipped).

With --compare A B: compares two names and shows the level of each part (exact, phonetic, similar, initial, missing,
different), whether the sexes conflict, the overall similarity, the default decision (same, uncertain, different)
and the evidence behind it.

--json prints the same information as JSON: an array with one object per name, or {a, b, comparison} with --compare.`;

const EXAMPLES = `
Examples:
  $ reconcile normalize "Тоқаев Қасым-Жомарт Кемелұлы" "Kassym-Jomart Tokayev"
  $ reconcile normalize --compare "Назарбаев Нұрсұлтан Әбішұлы" "Noursoultan Nazarbaïev"
  $ reconcile normalize --json "Tokajew K.-Sch."
  $ cut -d, -f2 lists/media.csv | reconcile normalize --json > names.json`;

export interface NormalizeFlags {
  json?: boolean;
  compare?: boolean;
}

export function registerNormalize(program: Command, ctx: CommandContext): void {
  program
    .command('normalize')
    .summary('show how names are parsed, folded and compared')
    .description(DESCRIPTION)
    .argument('[names...]', 'names to show (quote each name); none: read one per line from stdin')
    .option('--json', 'print JSON instead of tables')
    .option('--compare', 'compare exactly two names and show the evidence')
    .addHelpText('after', EXAMPLES)
    .action(async (names: string[], flags: NormalizeFlags) => {
      ctx.setExitCode(await runNormalize(names, flags, ctx.io));
    });
}

/** Reads one name per line from a stream (UTF-8, BOM and CR removed, empty lines skipped). */
async function readNames(stdin: NodeJS.ReadableStream): Promise<string[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin as AsyncIterable<Buffer | string>) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
  }
  const text = new TextDecoder('utf-8').decode(Buffer.concat(chunks));
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/** Runs the command: returns the exit code. Usage problems throw ReconError('USAGE'). */
export async function runNormalize(names: string[], flags: NormalizeFlags, io: CliIO): Promise<number> {
  let input = names;
  if (input.length === 0) {
    if (io.stdin.isTTY) {
      throw new ReconError('USAGE', 'no names given', {
        hint: `give names as arguments (reconcile normalize "Тоқаев Қасым-Жомарт") or one per line on stdin`,
      });
    }
    input = await readNames(io.stdin);
  }
  if (flags.compare && input.length !== 2) {
    throw new ReconError('USAGE', `--compare needs exactly two names, got ${input.length}`, {
      hint: 'reconcile normalize --compare "Назарбаев Нурсултан" "Nursultan Nazarbayev"',
    });
  }
  const names_ = await import('../../names/index.js');
  const describe = await import('../../names/describe-name.js');
  if (flags.compare) {
    const a = names_.parseName(input[0]);
    const b = names_.parseName(input[1]);
    const c = names_.compareNames(a, b);
    const da = describe.describeName(a);
    const db = describe.describeName(b);
    if (flags.json) io.stdout.write(`${JSON.stringify({ a: da, b: db, comparison: c }, null, 2)}\n`);
    else io.stdout.write(`${describe.formatComparison(da, db, c)}\n`);
    return 0;
  }
  const descriptions = input.map((n) => describe.describeName(names_.parseName(n)));
  if (flags.json) io.stdout.write(`${JSON.stringify(descriptions, null, 2)}\n`);
  else io.stdout.write(`${descriptions.map((d) => describe.formatNameDescription(d)).join('\n\n')}\n`);
  return 0;
}
