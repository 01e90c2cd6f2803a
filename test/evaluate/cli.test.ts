import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { Writable } from 'node:stream';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerEvaluate } from '../../src/cli/commands/evaluate.js';
import { ReconError } from '../../src/core/errors.js';
import type { CliIO } from '../../src/cli/io.js';

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void): void {
    this.text += chunk.toString('utf8');
    cb();
  }
}

async function run(args: string[], cwd: string): Promise<{ out: string; err: string; code: number; error?: unknown }> {
  const stdout = new Sink();
  const stderr = new Sink();
  const io: CliIO = { stdout, stderr, stdin: process.stdin, env: { NO_COLOR: '1' }, cwd };
  let code = 0;
  const program = new Command('reconcile').exitOverride().configureOutput({
    writeOut: (s) => stdout.write(s),
    writeErr: (s) => stderr.write(s),
  });
  registerEvaluate(program, { io, setExitCode: (c) => (code = c) });
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (error) {
    return { out: stdout.text, err: stderr.text, code: error instanceof ReconError ? error.exitCode : 2, error };
  }
  return { out: stdout.text, err: stderr.text, code };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'evaluate-cli-'));
  mkdirSync(join(dir, 'truth'));
  mkdirSync(join(dir, 'out'));
  writeFileSync(
    join(dir, 'truth', 'truth.csv'),
    'source,row,true_person_id,script\nmedia,1,P1,ru-cyrl\nmedia,2,P2,ru-cyrl\nngo,1,P1,kk-cyrl\nngo,2,P3,kk-cyrl\nintl,1,P2,latin-en\n',
  );
  writeFileSync(
    join(dir, 'truth', 'persons.csv'),
    'true_person_id,family_id,similar_to,similar_kind\nP1,F1,,\nP2,,,\nP3,F1,,\n',
  );
  writeFileSync(
    join(dir, 'out', 'records.csv'),
    'source,row,person_id,status,name,normalized_name,score,reason\n' +
      'media,1,p-a,linked,Ахметов Ерлан,akhmetov erlan,0.99,\n' +
      'media,2,p-b,linked,Сапаров Мурат,saparov murat,,\n' +
      'ngo,1,p-a,linked,Ахметов Ерлан Серікұлы,akhmetov erlan serikuly,0.99,\n' +
      'ngo,2,p-a,linked,Ахметов Данияр,akhmetov daniyar,0.91,\n' +
      'intl,1,,rejected,???,,,no letters\n',
  );
  writeFileSync(join(dir, 'pairs.csv'), 'record_a,record_b\nmedia:1,ngo:1\nmedia:2,ngo:2\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reconcile evaluate', () => {
  it('prints aligned figures, relations, errors with names and rejected records', async () => {
    const r = await run(['evaluate', '--truth', 'truth/truth.csv', '--pairs', 'pairs.csv', 'out'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('records 5, true persons 3, predicted persons 3 (difference +0), rejected 1');
    expect(r.out).toMatch(/pairwise\s+0\.3333\s+0\.5000\s+0\.4000\s+true pairs 2, predicted 3, correct 1/);
    expect(r.out).toMatch(/blocking recall\s+0\.5000\s+candidate pairs 2, true pairs covered 1 of 2/);
    expect(r.out).toContain('relatives             1 merged of 1 pairs (P1+P3)');
    expect(r.out).toContain('ngo:2          P3         "Ахметов Данияр"');
    expect(r.out).toContain('intl:1         (none)     "???"');
    expect(r.out).toMatch(/kk-cyrl ~ ru-cyrl\s+1\s+2\s+1\s+0\.5000\s+1\.0000/);
    expect(r.out).toContain('true pairs blocking never proposed (1 shown of 1)\n  P2: intl:1 "???" ~ media:2 "Сапаров Мурат"');
  });

  it('prints JSON with --json', async () => {
    const r = await run(['evaluate', '--json', '--truth', 'truth/truth.csv', 'out/records.csv'], dir);
    const j = JSON.parse(r.out);
    expect(j.pairwise).toMatchObject({ truePairs: 2, predictedPairs: 3, correctPairs: 1 });
    expect(j.rejectedRecords).toEqual([{ key: 'intl:1', name: '???', truePersonId: 'P2' }]);
    expect(j.blocking).toBeUndefined();
  });

  it('exits 1 below --min-f1', async () => {
    const r = await run(['evaluate', '--truth', 'truth/truth.csv', '--min-f1', '0.9', '--no-persons', 'out'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toBe('reconcile: pairwise F1 0.4000 is below --min-f1 0.9\n');
    expect(r.out).not.toContain('relatives');
  });

  it('names the file and the column when the truth is wrong', async () => {
    writeFileSync(join(dir, 'bad.csv'), 'source,line,person\nmedia,1,P1\n');
    const r = await run(['evaluate', '--truth', 'bad.csv', 'out'], dir);
    expect(r.error).toBeInstanceOf(ReconError);
    expect((r.error as ReconError).format()).toBe('bad.csv:1: missing column "row" (found: source, line, person)');
    const missing = await run(['evaluate', '--truth', 'nope.csv', 'out'], dir);
    expect((missing.error as ReconError).code).toBe('FILE_NOT_FOUND');
    writeFileSync(join(dir, 'badrow.csv'), 'source,row,true_person_id\nmedia,x,P1\n');
    const badRow = await run(['evaluate', '--truth', 'badrow.csv', 'out'], dir);
    expect((badRow.error as ReconError).format()).toBe('badrow.csv:2: row "x" is not a positive whole number');
  });
});

describe('reconcile evaluate on the jan2022 fixture', () => {
  it('scores the truth itself as perfect and reads persons.csv beside the truth', async () => {
    const root = join(__dirname, '..', '..');
    const truth = readFileSync(join(root, 'fixtures', 'jan2022', 'truth', 'truth.csv'), 'utf8').trim().split('\n').slice(1);
    const lines = truth.map((l) => {
      const [source, row, person] = l.split(',');
      return `${source},${row},x${person},linked,,,,`;
    });
    writeFileSync(join(dir, 'perfect.csv'), 'source,row,person_id,status,name,normalized_name,score,reason\n' + lines.join('\n') + '\n');
    const r = await run(['evaluate', '--json', '--truth', join(root, 'fixtures', 'jan2022', 'truth', 'truth.csv'), 'perfect.csv'], dir);
    const j = JSON.parse(r.out);
    expect(j.records).toBe(468);
    expect(j.pairwise.f1).toBe(1);
    expect(j.bcubed.f1).toBe(1);
    expect(j.truePersons).toBe(j.predictedPersons);
    expect(j.relatives.pairs).toBeGreaterThan(10);
    expect(j.relatives.merged).toBe(0);
    expect(j.namesakes.merged).toBe(0);
  });
});
