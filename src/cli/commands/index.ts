// The command registry: one module per command, registered in the order `--help` lists them.
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { registerDiff } from './diff.js';
import { registerEstimate } from './estimate.js';
import { registerEvaluate } from './evaluate.js';
import { registerExplain } from './explain.js';
import { registerMerge } from './merge.js';
import { registerNormalize } from './normalize.js';
import { registerReview } from './review.js';
import { registerSynth } from './synth.js';

export function registerCommands(program: Command, ctx: CommandContext): void {
  registerMerge(program, ctx);
  registerNormalize(program, ctx);
  registerExplain(program, ctx);
  registerReview(program, ctx);
  registerEstimate(program, ctx);
  registerDiff(program, ctx);
  registerSynth(program, ctx);
  registerEvaluate(program, ctx);
}
