import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { Writable } from 'node:stream';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerSynth } from '../../src/cli/commands/synth.js';
import { ReconError } from '../../src/core/errors.js';
import type { CliIO } from '../../src/cli/io.js';

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void): void {
    this.text += chunk.toString('utf8');
    cb();
  }
}

async function run(args: string[], cwd: string): Promise<{ out: string; error?: unknown }> {
  const stdout = new Sink();
  const io: CliIO = { stdout, stderr: new Sink(), stdin: process.stdin, env: {}, cwd };
  const program = new Command('reconcile').exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {} });
  registerSynth(program, { io, setExitCode: () => {} });
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (error) {
    return { out: stdout.text, error };
  }
  return { out: stdout.text };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'synth-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reconcile synth', () => {
  it('writes the jan2022 preset and summarises it', async () => {
    const r = await run(['synth', '--preset', 'jan2022', '--seed', '2022', '--out', 'j'], dir);
    expect(r.error).toBeUndefined();
    expect(r.out).toContain('preset jan2022: 252 persons (235 listed), 468 records, official_total 241');
    expect(r.out).toMatch(/official\s+19\s+19\s+0\s+utf-8-bom/);
    expect(readdirSync(join(dir, 'j')).sort()).toEqual(['config.json', 'intl.csv', 'media.csv', 'ngo.csv', 'official.csv', 'truth']);
    expect(readdirSync(join(dir, 'j', 'truth')).sort()).toEqual(['persons.csv', 'truth.csv']);
    expect(readFileSync(join(dir, 'j', 'truth', 'truth.csv'), 'utf8').split('\n')[0]).toBe('source,row,true_person_id,script');
  });

  it('accepts --sources as a number or a preset name', async () => {
    const r = await run(['synth', '--seed', '5', '--persons', '300', '--sources', '3', '--out', 'g3'], dir);
    expect(r.error).toBeUndefined();
    const cfg = JSON.parse(readFileSync(join(dir, 'g3', 'config.json'), 'utf8'));
    expect(cfg.sources.map((s: { name: string }) => s.name)).toEqual(['ngo', 'media', 'official']);
    expect(cfg.official_total).toBe(300);
    const p = await run(['synth', '--seed', '5', '--sources', 'jan2022', '--out', 'pj'], dir);
    expect(p.error).toBeUndefined();
    expect(existsSync(join(dir, 'pj', 'intl.csv'))).toBe(true);
  });

  it('rejects an unknown preset and a bad --persons', async () => {
    const r = await run(['synth', '--preset', 'nope', '--out', 'x'], dir);
    expect(r.error).toBeInstanceOf(ReconError);
    expect((r.error as ReconError).message).toBe('unknown preset "nope"');
    const bad = await run(['synth', '--persons', '0', '--out', 'x'], dir);
    expect((bad.error as { code?: string }).code).toBe('commander.invalidArgument');
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });
});
