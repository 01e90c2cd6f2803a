// File-system edge of the CLI: reading inputs with clear errors and writing outputs atomically
// (temporary files, then rename; temporary files and created folders removed on failure or Ctrl-C).
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync, writeSync, readdirSync } from 'node:fs';
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
/** Folders this process created for outputs not yet in place: removed (when still empty) on failure or Ctrl-C. */
const pendingDirs: string[] = [];

/** Removes temporary outputs and the folders created for them. */
function removePending(): void {
  for (const t of pendingTemps) rmSync(t, { force: true });
  pendingTemps.clear();
  for (const d of pendingDirs.splice(0).reverse()) {
    try {
      rmdirSync(d);
    } catch {
      // Not empty (something else was put there) or already gone: leave it.
    }
  }
}

/**
 * While outputs are being written, Ctrl-C (SIGINT) or SIGTERM removes the temporary files (and any folder created for
 * them) and exits 130 (143) with a message. Returns the uninstaller. Install it only around code that yields to the
 * event loop (see writeFilesInterruptibly): a handler cannot run during synchronous work, and a signal that arrives
 * then is lost when the handler is removed, so outside the write the default applies (the process stops at once, and
 * has written nothing).
 */
export function installInterruptHandler(stderr: NodeJS.WritableStream = process.stderr): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    removePending();
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

/** Plain words for a file-system error code. */
function explainWriteError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOSPC': return 'no space left on the device';
    case 'EDQUOT': return 'the disk quota is used up';
    case 'EACCES':
    case 'EPERM':
    case 'ERR_ACCESS_DENIED': return 'permission denied';
    case 'EROFS': return 'read-only file system';
    case 'ENOTDIR': return 'a part of the path is a file, not a folder';
    case 'EEXIST': return 'it is a file, not a folder';
    case 'EISDIR': return 'a folder is in the way of an output file';
    case 'ENAMETOOLONG': return 'the path is too long';
    default: return code ?? (e as Error).message;
  }
}

/** Creates `dir` and its missing parents, remembering the folders created so that a failed write can remove them. */
function makeDir(dir: string): void {
  const first = mkdirSync(dir, { recursive: true });
  if (first === undefined) return;
  const created: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    created.push(d);
    if (d === first || dirname(d) === d) break;
  }
  pendingDirs.push(...created.reverse());
}

/** Temporary file → its final path. */
export type StagedFiles = Array<[string, string]>;

/**
 * What an output file holds: a text, bytes, or texts made while the file is written (each iteration makes them
 * anew), so that a large CSV never has to be held whole.
 */
export type FileContent = string | Uint8Array | Iterable<string>;

/** Texts are gathered up to this many characters before each write. */
const WRITE_CHUNK_CHARS = 1 << 20;

/** An error thrown while making a file's content (not by the file system): passed on as it is. */
class ContentError {
  constructor(readonly cause: unknown) {}
}

function isPieces(content: FileContent): content is Iterable<string> {
  return typeof content === 'object' && content !== null && !(content instanceof Uint8Array) && typeof (content as Iterable<string>)[Symbol.iterator] === 'function';
}

/** Writes the texts one after another into `file` (created or truncated), in writes of about WRITE_CHUNK_CHARS. */
function writePieces(file: string, pieces: Iterable<string>): void {
  const fd = openSync(file, 'w');
  try {
    let pending = '';
    const iterator = pieces[Symbol.iterator]();
    for (;;) {
      let next: IteratorResult<string>;
      try {
        next = iterator.next();
      } catch (e) {
        throw new ContentError(e);
      }
      if (next.done) break;
      pending += next.value;
      if (pending.length >= WRITE_CHUNK_CHARS) {
        writeSync(fd, pending);
        pending = '';
      }
    }
    if (pending.length > 0) writeSync(fd, pending);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes each file to a hidden temporary file beside its final path (`.records.csv.tmp-PID`). Nothing is replaced
 * yet. On failure every temporary file (and any folder created) is removed and ReconError('OUTPUT') is thrown; an
 * error thrown while making a content (not a file-system error) is thrown again as it is, after the same cleanup.
 */
export function stageFiles(dir: string, files: ReadonlyArray<readonly [string, FileContent]>): StagedFiles {
  const outDir = resolve(dir);
  try {
    makeDir(outDir);
  } catch (e) {
    removePending();
    throw new ReconError('OUTPUT', `cannot create the output folder: ${explainWriteError(e)}`, { file: dir });
  }
  const temps: StagedFiles = [];
  try {
    for (const [name, content] of files) {
      const target = join(outDir, name);
      makeDir(dirname(target));
      if (isDirectory(target)) {
        throw new ReconError('OUTPUT', `cannot write ${name}: a folder of that name is in the way; nothing was written`, { file: dir });
      }
      const tmp = join(dirname(target), `.${name.split('/').pop()}.tmp-${process.pid}`);
      pendingTemps.add(tmp);
      temps.push([tmp, target]);
      if (isPieces(content)) writePieces(tmp, content);
      else writeFileSync(tmp, content);
    }
  } catch (e) {
    removePending();
    if (e instanceof ContentError) throw e.cause;
    if (e instanceof ReconError) throw e;
    throw new ReconError('OUTPUT', `cannot write the outputs: ${explainWriteError(e)}; nothing was written`, { file: dir });
  }
  return temps;
}

/** Renames staged files into place (each rename is atomic); returns the final paths. */
export function commitFiles(staged: StagedFiles, dir: string): string[] {
  try {
    for (const [tmp, target] of staged) {
      renameSync(tmp, target);
      pendingTemps.delete(tmp);
    }
  } catch (e) {
    removePending();
    throw new ReconError('OUTPUT', `cannot put the outputs in place: ${explainWriteError(e)}`, { file: dir });
  }
  pendingDirs.length = 0;
  return staged.map(([, t]) => t);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Writes several files into `dir` as one step: each goes to a hidden temporary file first; only when all are written
 * are they renamed into place. On any failure the temporary files are removed and nothing is replaced.
 */
export function writeFilesAtomically(dir: string, files: ReadonlyArray<readonly [string, FileContent]>): string[] {
  return commitFiles(stageFiles(dir, files), dir);
}

/**
 * writeFilesAtomically with Ctrl-C handled: after the temporary files are written the event loop gets a turn, so an
 * interrupt that came during the writes removes them and exits 130 before anything is replaced.
 */
export async function writeFilesInterruptibly(dir: string, files: ReadonlyArray<readonly [string, FileContent]>, stderr: NodeJS.WritableStream): Promise<string[]> {
  const uninstall = installInterruptHandler(stderr);
  try {
    const staged = stageFiles(dir, files);
    // Two turns: the first lets the loop poll for the signal, the second runs after its handler.
    await new Promise<void>((done) => setImmediate(() => setImmediate(done)));
    return commitFiles(staged, dir);
  } finally {
    uninstall();
  }
}

/** Names of files in `dir` that differ from `files` (missing counts as different). For `--check`. */
export function changedFiles(dir: string, files: ReadonlyArray<readonly [string, FileContent]>): string[] {
  const changed: string[] = [];
  for (const [name, content] of files) {
    let existing: Buffer | undefined;
    try {
      existing = readFileSync(join(dir, name));
    } catch {
      existing = undefined;
    }
    if (!existing || !sameContent(existing, content)) changed.push(name);
  }
  return changed;
}

/** True when `content` encodes (UTF-8) to exactly `bytes`; pieces are compared one by one. */
function sameContent(bytes: Buffer, content: FileContent): boolean {
  if (!isPieces(content)) return bytes.equals(typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content));
  let at = 0;
  for (const piece of content) {
    const b = Buffer.from(piece, 'utf8');
    if (at + b.length > bytes.length || !b.equals(bytes.subarray(at, at + b.length))) return false;
    at += b.length;
  }
  return at === bytes.length;
}

/** True when `dir` exists and holds at least one file. */
export function dirHasFiles(dir: string): boolean {
  try {
    return readdirSync(dir).length > 0;
  } catch {
    return false;
  }
}
