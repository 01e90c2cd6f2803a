// The `normalize` command through commander with in-memory streams: tables, JSON, --compare, stdin, usage errors.
import { Command } from 'commander';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { registerNormalize } from '../../src/cli/commands/normalize.js';
import type { CliIO } from '../../src/cli/io.js';
import { ReconError } from '../../src/core/errors.js';

function memoryIO(stdinText?: string): { io: CliIO; out: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let text = '';
  stdout.on('data', (d: Buffer) => (text += d.toString('utf8')));
  const stdin = Object.assign(Readable.from(stdinText === undefined ? [] : [Buffer.from(stdinText, 'utf8')]), {
    isTTY: stdinText === undefined,
  });
  return { io: { stdout, stderr, stdin, env: { NO_COLOR: '1' }, cwd: process.cwd() }, out: () => text };
}

async function run(args: string[], stdinText?: string): Promise<{ code: number; out: string }> {
  const { io, out } = memoryIO(stdinText);
  let code = 0;
  const program = new Command('reconcile').exitOverride();
  registerNormalize(program, { io, setExitCode: (c) => (code = c) });
  await program.parseAsync(args, { from: 'user' });
  return { code, out: out() };
}

describe('reconcile normalize', () => {
  it('prints an aligned table per name', async () => {
    const { code, out } = await run(['normalize', 'Тоқаев Қасым-Жомарт Кемелұлы']);
    expect(code).toBe(0);
    expect(out).toContain('Tokayev Kasym-Zhomart Kemeluly');
    expect(out).toMatch(/surname\s+Тоқаев\s+tokaev\s+tUKAEv/);
    expect(out).toMatch(/patronymic\s+Кемелұлы\s+kemeluly/);
    expect(out).toMatch(/sex\s+M \(patronymic -uly: M/);
  });

  it('prints JSON for several names', async () => {
    const { out } = await run(['normalize', '--json', 'Kassym-Jomart Tokayev', 'Назарбаева Дарига']);
    const parsed = JSON.parse(out) as Array<{ latin: string; sex: string; blockingKeys: string[] }>;
    expect(parsed).toHaveLength(2);
    expect(parsed[0].latin).toBe('Tokayev Kassym-Jomart');
    expect(parsed[1].sex).toBe('F');
    expect(parsed[0].blockingKeys.length).toBeGreaterThan(0);
  });

  it('compares two names with levels and evidence', async () => {
    const { out } = await run(['normalize', '--compare', 'Назарбаев Нұрсұлтан Әбішұлы', 'Noursoultan Nazarbaïev']);
    expect(out).toMatch(/decision\s+same/);
    expect(out).toMatch(/surname\s+phonetic/);
    expect(out).toContain('evidence:');
    const j = await run(['normalize', '--compare', '--json', 'Назарбаев Нурсултан', 'Назарбаева Нурсултан']);
    const parsed = JSON.parse(j.out) as { comparison: { decision: string; sexConflict: boolean } };
    expect(parsed.comparison).toMatchObject({ decision: 'different', sexConflict: true });
  });

  it('reads one name per line from stdin', async () => {
    const { out } = await run(['normalize', '--json'], '\uFEFFАхметов Ерлан\r\n\r\nAkhmetov Yerlan\n');
    expect((JSON.parse(out) as unknown[]).length).toBe(2);
  });

  it('is deterministic', async () => {
    const a = await run(['normalize', 'Ахметов Е.С.', 'Qasym-Jomart Toqaev']);
    const b = await run(['normalize', 'Ахметов Е.С.', 'Qasym-Jomart Toqaev']);
    expect(a.out).toBe(b.out);
  });

  it.each([
    [['normalize', '--compare', 'only one']],
    [['normalize']],
  ])('rejects %j as a usage error', async (args) => {
    await expect(run(args)).rejects.toMatchObject({ code: 'USAGE' });
    await expect(run(args)).rejects.toBeInstanceOf(ReconError);
  });
});
