// `reconcile synth`: writes a synthetic scenario (source lists, config.json and the truth) for testing and measuring.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { resolve } from 'node:path';
import type { CommandContext } from '../context.js';

const EXAMPLES = `
Examples:
  reconcile synth --preset jan2022 --seed 2022 --out fixtures/jan2022
  reconcile synth --seed 7 --persons 20000 --out /tmp/s20k
  reconcile synth --seed 7 --persons 5000 --sources 7 --out /tmp/s7
  reconcile synth --seed 7 --persons 20000 --noise 2 --out /tmp/hard  # twice the typos and look-alikes
  reconcile synth --seed 1 --persons 485000 --out /tmp/big     # about a million records

Files written in DIR:
  <source>.csv          one list per source, each with its own header language, delimiter and encoding
  config.json           the merge config (official_total, sources with unique/covers/encoding/delimiter)
  truth/truth.csv       source,row,true_person_id,script for every record (row = data record number)
  truth/persons.csv     the true population: names, age, place, category, families and namesakes
`;

function parsePositiveInt(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('expected a positive whole number.');
  return Number(value);
}

function parseNoise(value: string): number {
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || x < 0 || x > 10) throw new InvalidArgumentError('expected a number from 0 to 10.');
  return x;
}

interface SynthOptions {
  noise: number;
  seed: string;
  persons?: number;
  sources?: string;
  preset?: string;
  out: string;
}

export function registerSynth(program: Command, ctx: CommandContext): void {
  program
    .command('synth')
    .description(
      [
        'Write a synthetic scenario: a true population of dead persons (Kazakh, Russian, Uzbek, Uyghur,',
        'Tatar, Korean, German... names, with families and namesakes) and several source lists that each',
        'capture part of it in their own way: script (Kazakh or Russian Cyrillic, Latin in English, Kazakh,',
        'ICAO, German or French romanisation), name order, patronymic forms, initials, typos, look-alike',
        'letters, missing fields, date and age formats, header language, delimiter and encoding, plus a few',
        'within-source duplicates. The truth (which record is which person) goes to truth/, out of the way of',
        'a glob of the lists. The same seed and options always give the same bytes. Every name is synthetic.',
      ].join(' '),
    )
    .requiredOption('-o, --out <DIR>', 'folder to write into (created if missing; existing files are replaced)')
    .option('--seed <S>', 'random seed (any text); the same seed gives the same scenario', '1')
    .option('--persons <N>', 'true number of dead persons (default 252 for jan2022, 1000 otherwise)', parsePositiveInt)
    .option('--sources <N|PRESET>', 'number of sources (generic scenario, default 5) or a preset name')
    .option('--preset <NAME>', 'jan2022 (official 19 security officers, media 188, ngo 221, intl 40) or generic')
    .option('--noise <X>', 'multiply every noise rate (typos, look-alike letters, initials, field errors); 0 = clean', parseNoise, 1)
    .addHelpText('after', EXAMPLES)
    .action(async (opts: SynthOptions) => {
      const { ReconError } = await import('../../core/errors.js');
      const { planScenario, PRESETS, SCRIPT_IDS } = await import('../../synth/index.js');
      const { writeScenario } = await import('../../synth/write-scenario.js');
      let preset = opts.preset;
      let sources: number | undefined;
      if (opts.sources !== undefined) {
        if (/^\d+$/.test(opts.sources)) sources = Number(opts.sources);
        else preset = preset ?? opts.sources;
      }
      preset = preset ?? 'generic';
      if (!(PRESETS as readonly string[]).includes(preset)) {
        throw new ReconError('USAGE', `unknown preset "${preset}"`, { hint: `use one of: ${PRESETS.join(', ')}` });
      }
      if (sources !== undefined && (sources < 1 || sources > 50)) {
        throw new ReconError('USAGE', `--sources must be between 1 and 50, got ${sources}`);
      }
      if (preset === 'jan2022' && sources !== undefined) {
        throw new ReconError('USAGE', 'the jan2022 preset has its own four sources; drop --sources', {
          hint: 'use --sources N without --preset for a generic scenario',
        });
      }
      const scenario = planScenario({
        seed: opts.seed,
        persons: opts.persons,
        preset: preset as 'jan2022' | 'generic',
        sources,
        noise: opts.noise,
      });
      const dir = resolve(ctx.io.cwd, opts.out);
      const summary = writeScenario(scenario, dir);
      const out = ctx.io.stdout;
      out.write(
        `scenario seed ${JSON.stringify(scenario.seed)}, preset ${preset}${opts.noise !== 1 ? `, noise ${opts.noise}` : ''}: ` +
          `${summary.persons} persons ` +
          `(${summary.listedPersons} listed), ${summary.records} records, official_total ${scenario.officialTotal}\n`,
      );
      const w = Math.max(6, ...summary.sources.map((s) => s.name.length));
      out.write(`${'source'.padEnd(w)}  records  persons  dups  encoding      delim  scripts\n`);
      for (const s of summary.sources) {
        const scripts = SCRIPT_IDS.filter((k) => s.scripts[k] !== undefined)
          .map((k) => `${k} ${s.scripts[k]}`)
          .join(', ');
        const delim = s.delimiter === '\t' ? 'tab' : s.delimiter;
        out.write(
          `${s.name.padEnd(w)}  ${String(s.records).padStart(7)}  ${String(s.persons).padStart(7)}  ` +
            `${String(s.duplicates).padStart(4)}  ${s.encoding.padEnd(12)}  ${delim.padEnd(5)}  ${scripts}\n`,
        );
      }
      out.write(`wrote ${opts.out}/{${summary.sources.map((s) => s.name).join(',')}}.csv, config.json, truth/truth.csv, truth/persons.csv\n`);
    });
}
