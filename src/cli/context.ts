// What every command registration receives.
import type { CliIO } from './io.js';

export interface CommandContext {
  io: CliIO;
  /** Sets the process exit code the command ends with (default 0). */
  setExitCode(code: number): void;
}

/** Parses a non-negative integer option value or throws commander's InvalidArgumentError. */
export { InvalidArgumentError } from 'commander';
