// `reconcile explain OUT A B`: the evidence for and against linking two records, as a text waterfall or JSON.
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';

const DESCRIPTION = `Explain the match score of two records of an earlier merge.

Re-reads the run's sources (OUT/run.json) and model (OUT/model.json), compares the two records and shows each
comparison (surname, given name, patronymic, sex, age, date of death, place, category) with its level, its m and u
probabilities, its weight in bits (log2 m/u), the term-frequency adjustment for shared rare or common names, the prior,
the total weight and the final match probability. Positive weights are evidence for a match, negative against.

A and B are records written SOURCE:ROW, as in records.csv (ROW is the 1-based data row, header excluded).`;

const EXAMPLES = `
Examples:
  $ reconcile explain out media:12 ngo:40
  $ reconcile explain out media:12 ngo:40 --json | jq .probability`;

export function registerExplain(program: Command, ctx: CommandContext): void {
  program
    .command('explain')
    .summary('show why two records are (or are not) the same person')
    .description(DESCRIPTION)
    .argument('<OUT>', 'output folder of a merge run')
    .argument('<A>', 'first record, SOURCE:ROW')
    .argument('<B>', 'second record, SOURCE:ROW')
    .option('--json', 'print the explanation as JSON')
    .addHelpText('after', EXAMPLES)
    .action(async (out: string, a: string, b: string, flags: { json?: boolean }) => {
      const { loadRun, recordIndex } = await import('../load-run.js');
      const { explainPair, renderExplanation } = await import('../../match/index.js');
      const loaded = loadRun(out, ctx.io.cwd);
      for (const w of loaded.warnings) ctx.io.stderr.write(`reconcile: warning: ${w}\n`);
      const ia = recordIndex(loaded, a);
      const ib = recordIndex(loaded, b);
      const uniqueSources = loaded.run.sources.filter((s) => s.unique).map((s) => s.name);
      const expl = explainPair(loaded.records, ia, ib, loaded.model, { eventDate: loaded.run.event_date ?? undefined, uniqueSources });
      const { pairPlacement, describePlacement } = await import('../output-files.js');
      const placement = await pairPlacement(ctx.io.cwd, out, loaded.records[ia].record.key, loaded.records[ib].record.key);
      if (flags.json) {
        const names = { [a]: loaded.records[ia].record.rawName, [b]: loaded.records[ib].record.rawName };
        const run = placement ? { person_a: placement.personA, person_b: placement.personB, linked_by: placement.linkedBy ?? null } : {};
        ctx.io.stdout.write(JSON.stringify({ ...expl, names, threshold: loaded.run.threshold, ...run }, null, 2) + '\n');
        return;
      }
      const label = (i: number) => `${loaded.records[i].record.key}  ${loaded.records[i].record.rawName}`;
      ctx.io.stdout.write(renderExplanation(expl, [label(ia), label(ib)]));
      const verdict = expl.probability >= loaded.run.threshold ? 'above' : 'below';
      ctx.io.stdout.write(`\nThe run's threshold is ${loaded.run.threshold}: this pair is ${verdict} it.\n`);
      if (placement) ctx.io.stdout.write(describePlacement(placement, verdict === 'above'));
    });
}
