// `reconcile diff`: options and help, and the I/O edge (read two lists or two merge outputs, print the diff).
// The comparison itself is pure, in src/diff/, loaded only when the command runs. Every trouble exits 2, as diff(1) does.
import { Command, Option } from 'commander';
import type { CommandContext } from '../context.js';
import type { CliIO } from '../io.js';

const DESCRIPTION = [
  'Show what changed between two versions of a casualty list, or between two outputs of merge.',
  "OLD and NEW are two CSV files (two versions of one source list) or two folders written by 'reconcile merge --out'.",
  "Two lists: records are paired across the versions by the list's own id column when it really identifies records " +
    '(a running number "№" that shifts when a row is inserted is recognised and not trusted), else by the same name and ' +
    'details, else by the names engine (a corrected spelling, a transliteration, Ё/Е, Kazakh letters), else by the other ' +
    'details. The report lists added and removed records, changed records with each field before and after (name ' +
    'respelled, age corrected, place added...), records that only moved, and the unchanged count. Values are compared ' +
    'as read (dates as dates, places as gazetteer places), so a copy that differs only in row order, column order, header ' +
    'names or language, delimiter or encoding shows no differences. Moves are listed but do not count as differences.',
  'Two outputs: records are lined up through records.csv (same source and row, else same name), and persons through ' +
    'the records they share: persons added, removed, merged (several old persons are one now), split (one old person ' +
    "is several now), and persons whose sources or attributes changed. When the new run used 'merge --previous', person " +
    'ids are compared too.',
  'The default view is for a terminal (coloured on a terminal; NO_COLOR or --no-color turns colour off). --format md ' +
    'gives Markdown for an article or a pull request, csv one row per change, json the full structure.',
].join('\n\n');

const EXAMPLES = `
Examples:
  $ reconcile diff lists/2022-01-20/media.csv lists/2022-02-15/media.csv
  $ reconcile diff --format md old/media.csv new/media.csv > changes.md
  $ reconcile diff --old-encoding windows-1251 old/ngo.csv new/ngo.csv
  $ reconcile diff --config config.json --source official old/official.csv official.csv
  $ reconcile diff out-january out-february             # two merge outputs
  $ reconcile diff --format csv out-january out-february > person-changes.csv

Exit status (as diff(1)): 0 no differences, 1 differences found, 2 trouble (a file that cannot be read,
a bad option, a file and a folder mixed); the message says what went wrong.`;

export interface DiffFlags {
  format: 'text' | 'md' | 'csv' | 'json';
  encoding?: string;
  oldEncoding?: string;
  newEncoding?: string;
  delimiter?: string;
  oldDelimiter?: string;
  newDelimiter?: string;
  config?: string;
  source?: string;
  color?: boolean;
}

export function registerDiff(program: Command, ctx: CommandContext): void {
  program
    .command('diff')
    .summary('what changed between two versions of a list, or between two merge outputs')
    .description(DESCRIPTION)
    .argument('<OLD>', 'the old version: a CSV file, or a folder written by merge --out')
    .argument('<NEW>', 'the new version: a CSV file, or a folder written by merge --out')
    .addOption(new Option('-f, --format <FORMAT>', 'output format').choices(['text', 'md', 'csv', 'json']).default('text'))
    .option('--encoding <ENC>', 'force the encoding of both lists: utf-8, utf-16le, utf-16be, windows-1251')
    .option('--old-encoding <ENC>', 'force the encoding of OLD only')
    .option('--new-encoding <ENC>', 'force the encoding of NEW only')
    .option('-d, --delimiter <CHAR>', 'force the delimiter of both lists: "," ";" or "tab"')
    .option('--old-delimiter <CHAR>', 'force the delimiter of OLD only')
    .option('--new-delimiter <CHAR>', 'force the delimiter of NEW only')
    .option('-c, --config <FILE>', 'a merge config: take the list\'s settings (columns, encoding, delimiter) from its source entry')
    .option('--source <NAME>', 'with --config: the source entry to use (default: the one whose file has NEW\'s or OLD\'s name)')
    .option('--no-color', 'no colour in the terminal view')
    .addHelpText('after', EXAMPLES)
    .action(async (oldPath: string, newPath: string, flags: DiffFlags) => {
      try {
        ctx.setExitCode(await runDiff(oldPath, newPath, flags, ctx.io));
      } catch (err) {
        ctx.setExitCode(await reportDiffTrouble(err, ctx.io));
      }
    });
}

/** Prints any failure the way every command does, but exits 2 for every trouble, as diff(1) does. */
async function reportDiffTrouble(err: unknown, io: CliIO): Promise<number> {
  try {
    const { reportError } = await import('../run-cli.js');
    reportError(err, io);
  } catch {
    io.stderr.write(`reconcile: error: ${(err as Error)?.message ?? String(err)}\n`);
  }
  return 2;
}

/** Reads both sides, diffs them, prints the result; returns 0 (no differences) or 1 (differences). */
export async function runDiff(oldArg: string, newArg: string, flags: DiffFlags, io: CliIO): Promise<number> {
  const { statSync } = await import('node:fs');
  const { resolve } = await import('node:path');
  const { ReconError } = await import('../../core/errors.js');
  const { useColor } = await import('../io.js');
  const diff = await import('../../diff/index.js');

  const kindOf = (arg: string): 'file' | 'dir' => {
    try {
      return statSync(resolve(io.cwd, arg)).isDirectory() ? 'dir' : 'file';
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new ReconError('FILE_NOT_FOUND', 'no such file or folder', { file: arg, hint: 'OLD and NEW are two CSV files or two folders written by reconcile merge --out' });
      throw new ReconError('FILE_UNREADABLE', `cannot read (${code ?? (e as Error).message})`, { file: arg });
    }
  };
  const ko = kindOf(oldArg);
  const kn = kindOf(newArg);
  if (ko !== kn) {
    throw new ReconError('USAGE', `cannot compare a ${ko === 'dir' ? 'folder' : 'file'} (${oldArg}) with a ${kn === 'dir' ? 'folder' : 'file'} (${newArg})`, {
      hint: 'give two CSV files (two versions of a list) or two folders written by reconcile merge --out',
    });
  }

  let result: import('../../diff/types.js').AnyDiff;
  if (ko === 'dir') {
    if (flags.config || flags.source || flags.encoding || flags.oldEncoding || flags.newEncoding || flags.delimiter || flags.oldDelimiter || flags.newDelimiter) {
      throw new ReconError('USAGE', '--config, --source, --encoding and --delimiter apply to two lists, not to two merge outputs');
    }
    result = diff.diffOutputs(await readOutputDir(oldArg, io), await readOutputDir(newArg, io));
  } else {
    const [a, b] = await readLists(oldArg, newArg, flags, io);
    result = diff.diffLists(a, b);
  }
  const color = flags.color !== false && useColor(io, 'stdout');
  io.stdout.write(diff.renderDiff(result, flags.format, { color }));
  return result.differences > 0 ? 1 : 0;
}

/** Reads a file relative to the working folder; messages name it as the user wrote it. */
async function readAsGiven(io: CliIO, path: string, what: string): Promise<Buffer> {
  const { resolve } = await import('node:path');
  const { readInputFile } = await import('../fs-io.js');
  const { ReconError } = await import('../../core/errors.js');
  try {
    return readInputFile(resolve(io.cwd, path), what);
  } catch (e) {
    if (e instanceof ReconError) throw new ReconError(e.code, e.message, { file: path, line: e.line, hint: e.hint });
    throw e;
  }
}

async function readOutputDir(dir: string, io: CliIO) {
  const { join } = await import('node:path');
  const { parseOutput } = await import('../../diff/read-output.js');
  const records = (await readAsGiven(io, join(dir, 'records.csv'), 'records.csv of a merge output')).toString('utf8');
  const merged = (await readAsGiven(io, join(dir, 'merged.csv'), 'merged.csv of a merge output')).toString('utf8');
  const text = (name: string) => (name === 'records.csv' ? records : merged);
  return parseOutput(dir, text('records.csv'), text('merged.csv'), { records: join(dir, 'records.csv'), merged: join(dir, 'merged.csv') });
}

async function readLists(oldArg: string, newArg: string, flags: DiffFlags, io: CliIO) {
  const { resolve, dirname, isAbsolute, join } = await import('node:path');
  const { ReconError } = await import('../../core/errors.js');
  const { baseName, parseConfig } = await import('../../core/config.js');
  const { decodeBytes, ingestSource } = await import('../../ingest/index.js');
  type Spec = Parameters<typeof ingestSource>[0];

  let base: Omit<Spec, 'path'> = { name: baseName(newArg) };
  /** The file the config's source entry describes: its encoding and delimiter apply to that file only. */
  let configFile: string | undefined;
  let configFormat: Pick<Spec, 'encoding' | 'delimiter'> = {};
  if (flags.config) {
    const bytes = await readAsGiven(io, flags.config, 'config file');
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new ReconError('BAD_CONFIG', `not valid JSON: ${(e as Error).message}`, { file: flags.config });
    }
    const config = parseConfig(json, flags.config);
    const fileOf = (p: string) => p.split(/[\\/]/).pop() ?? p;
    const configDir = dirname(resolve(io.cwd, flags.config));
    const abs = (p: string) => (isAbsolute(p) ? p : join(configDir, p));
    const found = flags.source
      ? config.sources.find((s) => s.name === flags.source)
      : (config.sources.find((s) => abs(s.path) === resolve(io.cwd, newArg) || abs(s.path) === resolve(io.cwd, oldArg)) ??
        config.sources.find((s) => fileOf(s.path) === fileOf(newArg) || fileOf(s.path) === fileOf(oldArg)) ??
        (config.sources.length === 1 ? config.sources[0] : undefined));
    if (!found) {
      throw new ReconError('USAGE', flags.source ? `the config has no source named "${flags.source}"` : 'cannot tell which source of the config these lists are', {
        file: flags.config,
        hint: `name it with --source: ${config.sources.map((s) => s.name).join(', ') || '(the config lists no sources)'}`,
      });
    }
    const { path, encoding, delimiter, ...rest } = found;
    base = rest;
    configFile = abs(path);
    configFormat = { ...(encoding ? { encoding } : {}), ...(delimiter ? { delimiter } : {}) };
  }
  const tab = (d: string | undefined) => (d === 'tab' ? '\t' : d);
  const spec = (arg: string, bytes: Uint8Array, encoding?: string, delimiter?: string): Spec => {
    const own = configFile === resolve(io.cwd, arg) ? configFormat : {};
    const s: Spec = { ...base, path: arg };
    const enc = encoding ?? flags.encoding ?? own.encoding;
    const del = tab(delimiter ?? flags.delimiter ?? own.delimiter);
    if (enc) s.encoding = enc;
    if (del) s.delimiter = del;
    if (s.columns) {
      // Another version may have other headers: keep the config's column names that this file has.
      let text = '';
      try {
        const d = decodeBytes(bytes, arg, enc);
        text = d.text ?? new TextDecoder().decode(d.utf8);
      } catch {
        text = '';
      }
      const kept = Object.entries(s.columns).filter(([h]) => text.includes(h));
      if (kept.length > 0) s.columns = Object.fromEntries(kept);
      else delete s.columns;
    }
    return s;
  };
  const oldBytes = await readAsGiven(io, oldArg, 'list');
  const newBytes = await readAsGiven(io, newArg, 'list');
  return [
    ingestSource(spec(oldArg, oldBytes, flags.oldEncoding, flags.oldDelimiter), oldBytes),
    ingestSource(spec(newArg, newBytes, flags.newEncoding, flags.newDelimiter), newBytes),
  ] as const;
}
