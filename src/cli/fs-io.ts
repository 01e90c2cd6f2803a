// File-system edge of the CLI: reading inputs with clear errors and writing outputs atomically
// (temporary files, then rename; temporary files removed on failure or Ctrl-C).
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ReconError } from '../core/errors.js';

/** Reads a whole input file, turning fs errors into messages that name the file. */
export function readInputFile(path: string, what = 'input file'): Buffer {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ReconError('FILE_NOT_FOUND', `${what} not found`, { file: path, hint: 'check the path; SOURCE is path.csv or name=path.csv' });
    throw new ReconError('FILE_UNREADABLE', `cannot read ${what} (${code ?? (e as Error).message})`, { file: path });
  }
  if (st.isDirectory()) throw new ReconError('FILE_UNREADABLE', `is a directory, not a ${what}`, { file: path, hint: 'pass the CSV files themselves, e.g. lists/*.csv' });
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? (e as Error).message);
    throw new ReconError('FILE_UNREADABLE', `cannot read ${what}: ${why}`, { file: path });
  }
}

const pendingTemps = new Set<string>();

/**
 * While a command runs, Ctrl-C (SIGINT) or SIGTERM removes any temporary output and exits 130 (143) with a message:
 * outputs are renamed into place only at the very end, so nothing half-written is ever left. Returns the uninstaller.
 */
export function installInterruptHandler(stderr: NodeJS.WritableStream = process.stderr): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    for (const t of pendingTemps) rmSync(t, { force: true });
    pendingTemps.clear();
    stderr.write(`\nreconcile: interrupted (${signal}); no output was written\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}

/**
 * Writes several files into `dir` as one step: each goes to a hidden temporary file first; only when all are written
 * are they renamed into place. On any failure the temporary files are removed and nothing is replaced.
 */
export function writeFilesAtomically(dir: string, files: ReadonlyArray<readonly [string, string | Uint8Array]>): string[] {
  const outDir = resolve(dir);
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (e) {
    throw new ReconError('OUTPUT', `cannot create the output folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { file: dir });
  }
  const temps: Array<[string, string]> = [];
  try {
    for (const [name, content] of files) {
      const target = join(outDir, name);
      mkdirSync(dirname(target), { recursive: true });
      const tmp = join(dirname(target), `.${name.split('/').pop()}.tmp-${process.pid}`);
      pendingTemps.add(tmp);
      temps.push([tmp, target]);
      writeFileSync(tmp, content);
    }
    for (const [tmp, target] of temps) {
      renameSync(tmp, target);
      pendingTemps.delete(tmp);
    }
  } catch (e) {
    for (const [tmp] of temps) {
      rmSync(tmp, { force: true });
      pendingTemps.delete(tmp);
    }
    if (e instanceof ReconError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOSPC' ? 'no space left on the device' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EROFS' ? 'read-only file system' : (code ?? (e as Error).message);
    throw new ReconError('OUTPUT', `cannot write the outputs: ${why}; nothing was written`, { file: dir });
  }
  return temps.map(([, t]) => t);
}

/** Names of files in `dir` that differ from `files` (missing counts as different). For `--check`. */
export function changedFiles(dir: string, files: ReadonlyArray<readonly [string, string | Uint8Array]>): string[] {
  const changed: string[] = [];
  for (const [name, content] of files) {
    let existing: Buffer | undefined;
    try {
      existing = readFileSync(join(dir, name));
    } catch {
      existing = undefined;
    }
    const wanted = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    if (!existing || !existing.equals(wanted)) changed.push(name);
  }
  return changed;
}

/** True when `dir` exists and holds at least one file. */
export function dirHasFiles(dir: string): boolean {
  try {
    return readdirSync(dir).length > 0;
  } catch {
    return false;
  }
}
