// Runs `reconcile diff ...` in-process with captured streams, the way src/cli/run-cli.ts wires a command.
import { Command, CommanderError } from 'commander';
import { Writable } from 'node:stream';
import { registerDiff } from '../../src/cli/commands/diff.js';
import type { CliIO } from '../../src/cli/io.js';

export const ROOT = new URL('../../', import.meta.url).pathname;

function sink(isTTY: boolean): Writable & { isTTY?: boolean; text: () => string } {
  const chunks: string[] = [];
  const w = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  }) as Writable & { isTTY?: boolean; text: () => string };
  w.isTTY = isTTY;
  w.text = () => chunks.join('');
  return w;
}

export async function runDiffCli(
  args: string[],
  options: { env?: Record<string, string | undefined>; tty?: boolean; cwd?: string } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = sink(options.tty ?? false);
  const stderr = sink(options.tty ?? false);
  const io: CliIO = { stdout, stderr, stdin: process.stdin, env: options.env ?? { NO_COLOR: '1' }, cwd: options.cwd ?? ROOT };
  let code = 0;
  const program = new Command('reconcile')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  registerDiff(program, { io, setExitCode: (c) => (code = c) });
  program.commands.forEach((c) => c.exitOverride().configureOutput(program.configureOutput()));
  try {
    await program.parseAsync(['diff', ...args], { from: 'user' });
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    code = e.code === 'commander.helpDisplayed' ? 0 : 2;
  }
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
