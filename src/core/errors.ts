// Error type shared by every stage. The CLI turns it into a message and an exit code.

/** Exit codes; documented in the README (EXIT STATUS). */
export const EXIT = {
  OK: 0,
  /** `diff`: differences found; `merge --check`: outputs would change; `--fail-on`: condition met. */
  FINDINGS: 1,
  /** Usage error: unknown flag, missing argument, bad option value, bad config. */
  USAGE: 2,
  /** Bad input: a source file that cannot be read or parsed. */
  INPUT: 3,
  /** Output could not be written. */
  OUTPUT: 4,
  /** Internal error: a bug or a failed invariant check. Please report. */
  INTERNAL: 70,
  /** Interrupted (SIGINT). */
  INTERRUPTED: 130,
} as const;

export type ErrorCode =
  | 'USAGE'
  | 'BAD_CONFIG'
  | 'FILE_NOT_FOUND'
  | 'FILE_UNREADABLE'
  | 'EMPTY_FILE'
  | 'ENCODING'
  | 'CSV_MALFORMED'
  | 'MISSING_COLUMN'
  | 'DUPLICATE_SOURCE'
  | 'LIMIT'
  | 'OUTPUT'
  | 'INVARIANT'
  | 'INTERNAL';

const EXIT_BY_CODE: Record<ErrorCode, number> = {
  USAGE: EXIT.USAGE,
  BAD_CONFIG: EXIT.USAGE,
  DUPLICATE_SOURCE: EXIT.USAGE,
  FILE_NOT_FOUND: EXIT.INPUT,
  FILE_UNREADABLE: EXIT.INPUT,
  EMPTY_FILE: EXIT.INPUT,
  ENCODING: EXIT.INPUT,
  CSV_MALFORMED: EXIT.INPUT,
  MISSING_COLUMN: EXIT.INPUT,
  LIMIT: EXIT.INPUT,
  OUTPUT: EXIT.OUTPUT,
  INVARIANT: EXIT.INTERNAL,
  INTERNAL: EXIT.INTERNAL,
};

export interface ReconErrorOptions {
  file?: string;
  line?: number;
  hint?: string;
}

/**
 * A known failure with a message for people. Rendered as
 * `reconcile: error: FILE:LINE: MESSAGE` then `hint: HINT`.
 */
export class ReconError extends Error {
  readonly code: ErrorCode;
  readonly file?: string;
  readonly line?: number;
  readonly hint?: string;

  constructor(code: ErrorCode, message: string, options: ReconErrorOptions = {}) {
    super(message);
    this.name = 'ReconError';
    this.code = code;
    this.file = options.file;
    this.line = options.line;
    this.hint = options.hint;
  }

  get exitCode(): number {
    return EXIT_BY_CODE[this.code];
  }

  /** `FILE:LINE: message` (parts present only when known). */
  format(): string {
    const where = this.file ? `${this.file}${this.line ? `:${this.line}` : ''}: ` : '';
    return `${where}${this.message}`;
  }
}
