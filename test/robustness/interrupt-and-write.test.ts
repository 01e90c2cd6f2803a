// Outputs are all or nothing: a disk that fills up, a write that fails half-way, Ctrl-C before or during the write.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stageFiles, writeFilesAtomically } from '../../src/cli/fs-io.js';
import { ReconError } from '../../src/core/errors.js';
import { BIN, ROOT, runBin, listing, scratchDirs } from '../support/run-cli.js';

const scratch = scratchDirs();

function thrown(fn: () => unknown): ReconError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ReconError) return e;
    throw e;
  }
  throw new Error('expected a ReconError');
}

const OUTPUTS: Array<[string, string]> = [
  ['records.csv', 'new records\n'],
  ['merged.csv', 'new merged\n'],
  ['report.md', '# new report\n'],
];

describe('a write that fails leaves the earlier outputs as they were and no temporary files', () => {
  it.skipIf(!existsSync('/dev/full'))('disk full (a temporary file that is /dev/full): exit-4 error, old outputs kept', () => {
    const out = scratch();
    writeFileSync(join(out, 'records.csv'), 'old records\n');
    // The second temporary file is a link to /dev/full, where every write fails with ENOSPC.
    symlinkSync('/dev/full', join(out, `.merged.csv.tmp-${process.pid}`));
    const err = thrown(() => writeFilesAtomically(out, OUTPUTS));
    expect(err.code).toBe('OUTPUT');
    expect(err.exitCode).toBe(4);
    expect(err.format()).toBe(`${out}: cannot write the outputs: no space left on the device; nothing was written`);
    expect(listing(out)).toEqual(['records.csv']);
    expect(readFileSync(join(out, 'records.csv'), 'utf8')).toBe('old records\n');
  });

  it('a content that cannot be written half-way: the folders created for the outputs are removed too', () => {
    const base = scratch();
    const out = join(base, 'new/deeper');
    const bad = [OUTPUTS[0], ['merged.csv', 42 as unknown as string] as [string, string], OUTPUTS[2]];
    const err = thrown(() => stageFiles(out, bad));
    expect(err.code).toBe('OUTPUT');
    expect(err.message).toMatch(/^cannot write the outputs: .*; nothing was written$/);
    expect(listing(base)).toEqual([]);
  });

  it('succeeds into a new nested folder and leaves no temporary file', () => {
    const base = scratch();
    const out = join(base, 'a/b');
    writeFilesAtomically(out, OUTPUTS);
    expect(listing(out)).toEqual(['merged.csv', 'records.csv', 'report.md']);
  });
});

/** Runs a script with the built fs-io module; returns exit code, signal and stderr. */
function runScript(source: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', source], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('close', (code, signal) => done({ code, signal, stderr }));
  });
}

describe('Ctrl-C', () => {
  it('during the write: temporary files removed, earlier outputs untouched, exit 130 with a message', async () => {
    const out = scratch();
    writeFileSync(join(out, 'records.csv'), 'old records\n');
    // The signal is sent while the second file is being written (from the getter that hands it over).
    const script = `
      import { writeFilesInterruptibly } from ${JSON.stringify(join(ROOT, 'dist/cli/fs-io.js'))};
      const files = [['records.csv', 'new\\n'], null, ['report.md', 'new\\n']];
      Object.defineProperty(files, 1, { get() { process.kill(process.pid, 'SIGINT'); return ['merged.csv', 'new\\n']; } });
      await writeFilesInterruptibly(${JSON.stringify(out)}, files, process.stderr);
      process.stderr.write('written\\n');
    `;
    const r = await runScript(script);
    expect(r.stderr).toBe('\nreconcile: interrupted (SIGINT); no output was written\n');
    expect(r.code).toBe(130);
    expect(listing(out)).toEqual(['records.csv']);
    expect(readFileSync(join(out, 'records.csv'), 'utf8')).toBe('old records\n');
  });

  it('during the write into a new folder: the folder is removed', async () => {
    const base = scratch();
    const out = join(base, 'fresh');
    const script = `
      import { writeFilesInterruptibly } from ${JSON.stringify(join(ROOT, 'dist/cli/fs-io.js'))};
      const files = [['records.csv', 'new\\n'], null];
      Object.defineProperty(files, 1, { get() { process.kill(process.pid, 'SIGTERM'); return ['merged.csv', 'new\\n']; } });
      await writeFilesInterruptibly(${JSON.stringify(out)}, files, process.stderr);
    `;
    const r = await runScript(script);
    expect(r.stderr).toBe('\nreconcile: interrupted (SIGTERM); no output was written\n');
    expect(r.code).toBe(143);
    expect(listing(base)).toEqual([]);
  });

  it('while merge is matching: it stops at once and writes nothing', async () => {
    const work = scratch();
    const synth = runBin(['synth', '--seed', '7', '--persons', '4000', '--out', join(work, 'lists')]);
    expect(synth.code).toBe(0);
    const out = join(work, 'out');
    const child = spawn(process.execPath, [BIN, 'merge', '-q', '--config', join(work, 'lists/config.json'), '--out', out], {
      cwd: work,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    // Wait until the lists are being read: the merge has started (start-up alone takes a few hundred ms).
    await new Promise((r) => setTimeout(r, 2500));
    child.kill('SIGINT');
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) => child.on('close', (c, s) => done([c, s])));
    // Matching runs synchronously, so the default action applies: the process ends by the signal (a shell reports
    // exit status 130) before anything is written.
    expect({ code, signal, stderr }).toEqual({ code: null, signal: 'SIGINT', stderr: '' });
    expect(existsSync(out)).toBe(false);
    expect(listing(work).filter((f) => f.includes('.tmp-'))).toEqual([]);
  }, 60_000);
});

describe('a folder for outputs that exists already is reused, other files in it are left alone', () => {
  it('keeps unrelated files', () => {
    const out = scratch();
    mkdirSync(join(out, 'notes'));
    writeFileSync(join(out, 'notes/decisions.csv'), 'mine\n');
    writeFilesAtomically(out, OUTPUTS);
    expect(listing(out)).toEqual(['merged.csv', 'notes', 'notes/decisions.csv', 'records.csv', 'report.md']);
  });
});
