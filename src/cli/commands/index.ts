// The command registry: one module per command, registered in the order `--help` lists them.
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { registerMerge } from './merge.js';

export function registerCommands(program: Command, ctx: CommandContext): void {
  registerMerge(program, ctx);
}
