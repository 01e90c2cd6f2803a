// Entry point of the `reconcile` command line: builds the commander program, runs it, maps errors to exit codes.
// Command modules register their options here and load their implementation lazily, so start-up stays fast.
import { Command, CommanderError } from 'commander';
import { createRequire } from 'node:module';
import { EXIT, ReconError } from '../core/errors.js';
import { nodeIO, type CliIO } from './io.js';
import type { CommandContext } from './context.js';
import { registerCommands } from './commands/index.js';
import { reflowParagraphs } from './help-text.js';

const require = createRequire(import.meta.url);
const pkg = require('../../package.json') as { version: string };

export const TOP_HELP_AFTER = `
Examples:
  reconcile merge --out out media=lists/media.csv ngo=lists/ngo.csv official=lists/official.csv
  reconcile merge --config fixtures/jan2022/config.json
  reconcile normalize "Тоқаев Қасым-Жомарт Кемелұлы" "Kassym-Jomart Tokayev"
  reconcile explain out media:12 ngo:40
  reconcile estimate out
  reconcile diff old/media.csv new/media.csv

Run 'reconcile <command> --help' for a command's options and examples.
Exit status: 0 success, 1 findings (diff found differences, --check found changes),
2 usage or config error, 3 bad input, 4 output not writable, 70 internal error.
`;

export async function runCli(argv: string[], io: CliIO = nodeIO()): Promise<number> {
  let exitCode: number = EXIT.OK;
  const ctx: CommandContext = { io, setExitCode: (code) => { exitCode = code; } };
  const program = new Command('reconcile');
  program
    .description(
      'Reconcile casualty lists: read several CSV lists, match the same person across Kazakh, Russian and Latin\n' +
        'spellings, and write a merged list, a record crosswalk and a discrepancy report against an official count.',
    )
    .version(pkg.version, '-V, --version', 'print the version and exit')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .addHelpText('after', TOP_HELP_AFTER)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(s.startsWith('error:') ? `reconcile: ${s}` : s),
    });
  registerCommands(program, ctx);
  const help = { commandDescription: (cmd: Command) => reflowParagraphs(cmd.description()) };
  program.configureHelp(help);
  program.commands.forEach((c) => c.exitOverride().configureOutput(program.configureOutput()).configureHelp(help));

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    return reportError(err, io);
  }
}

/** Prints an error the way users read them and returns the exit code. */
export function reportError(err: unknown, io: CliIO): number {
  if (err instanceof CommanderError) {
    // Commander has already printed its message.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') {
      return EXIT.OK;
    }
    return EXIT.USAGE;
  }
  if (err instanceof ReconError) {
    io.stderr.write(`reconcile: error: ${err.format()}\n`);
    if (err.hint) io.stderr.write(`hint: ${err.hint}\n`);
    return err.exitCode;
  }
  const e = err as Error;
  io.stderr.write(`reconcile: internal error: ${e?.message ?? String(err)}\n`);
  if (io.env.RECONCILE_DEBUG) io.stderr.write(`${e?.stack ?? ''}\n`);
  else io.stderr.write('This is a bug. Please report it with the command you ran (set RECONCILE_DEBUG=1 for a stack trace).\n');
  return EXIT.INTERNAL;
}
