// `reconcile review OUT`: clerical review of uncertain pairs in the terminal.
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';

const DESCRIPTION = `Review the uncertain pairs of a merge in the terminal, one pair at a time.

Shows the two records side by side (equal values in green, different ones in yellow), with the match probability.
Keys: m match, d distinct, s skip, u undo, q quit. Each decision is appended at once to the decisions file
(CSV: record_a,record_b,decision,note,decided_at), so quitting keeps what you decided. Pairs already decided in that
file are not asked again. Apply the decisions with merge --decisions FILE: "match" links the two records whatever the
model says, "distinct" keeps them apart; decisions survive reruns.

Without a terminal (CI, pipes) the command refuses with exit 2: edit a decisions file by hand instead.`;

const EXAMPLES = `
Examples:
  $ reconcile review out
  $ reconcile review out --decisions decisions/jan2022.csv
  $ reconcile merge --config fixtures/jan2022/config.json --decisions decisions/jan2022.csv`;

export function registerReview(program: Command, ctx: CommandContext): void {
  program
    .command('review')
    .summary('decide uncertain pairs interactively; decisions feed merge --decisions')
    .description(DESCRIPTION)
    .argument('<OUT>', 'output folder of a merge run (reads OUT/review.csv)')
    .option('--decisions <FILE>', 'decisions file to append to (default: OUT/decisions.csv)')
    .addHelpText('after', EXAMPLES)
    .action(async (out: string, flags: { decisions?: string }) => {
      const { runReview } = await import('../review-run.js');
      ctx.setExitCode(await runReview(out, flags, ctx.io));
    });
}
