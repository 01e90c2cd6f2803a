// Reading the files an earlier `merge` wrote into its output folder (merged.csv, links.csv, records.csv...), for the
// commands that work on a finished run (estimate, explain). Errors name the file and the line.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ReconError } from '../core/errors.js';

/** Whether `file` (relative to `cwd`) exists. */
export const outputExists = (cwd: string, file: string): boolean => existsSync(resolve(cwd, file));

/** The text of an output file; a missing file is explained as a folder that is not a merge output. */
export function readOutputText(cwd: string, file: string, what: string, command: string): string {
  if (!outputExists(cwd, file)) {
    throw new ReconError('FILE_NOT_FOUND', `${what} not found: is this the output folder of "reconcile merge"?`, {
      file,
      hint: `run reconcile merge --out DIR first, then reconcile ${command} DIR`,
    });
  }
  try {
    return readFileSync(resolve(cwd, file), 'utf8');
  } catch (e) {
    throw new ReconError('FILE_UNREADABLE', `cannot read ${what} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { file });
  }
}

/** Parses a CSV output of merge into header-keyed rows (line numbers as in the file); `required` columns must exist. */
export async function readOutputCsv(
  cwd: string,
  file: string,
  what: string,
  required: readonly string[],
  command: string,
): Promise<Array<{ line: number; cells: Record<string, string> }>> {
  const text = readOutputText(cwd, file, what, command);
  const { parse } = await import('csv-parse/sync');
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, relax_column_count: false, skip_empty_lines: true }) as string[][];
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw new ReconError('CSV_MALFORMED', `${what} is not valid CSV (${err.message})`, { file, line: err.lines });
  }
  if (rows.length === 0) throw new ReconError('EMPTY_FILE', `${what} is empty`, { file });
  const header = rows[0].map((h) => h.trim());
  for (const col of required) {
    if (!header.includes(col)) {
      throw new ReconError('MISSING_COLUMN', `${what} has no "${col}" column (found: ${header.join(', ')})`, { file, line: 1 });
    }
  }
  return rows.slice(1).map((r, i) => {
    const cells: Record<string, string> = {};
    header.forEach((h, j) => (cells[h] = r[j] ?? ''));
    return { line: i + 2, cells };
  });
}

/** Where a run put two records: their persons and, when the run linked them directly, what made the link. */
export interface PairPlacement {
  personA: string;
  personB: string;
  /** links.csv `linked_by` of the pair (model, exclusive, decision), when the run linked the two directly. */
  linkedBy?: string;
}

/**
 * Looks the two records up in the run's records.csv and links.csv. Undefined when the folder has no records.csv or
 * either record is not in it.
 */
export async function pairPlacement(cwd: string, outDir: string, a: string, b: string): Promise<PairPlacement | undefined> {
  const recordsFile = resolve(cwd, outDir, 'records.csv');
  if (!outputExists(cwd, recordsFile)) return undefined;
  const persons = new Map<string, string>();
  for (const { cells } of await readOutputCsv(cwd, recordsFile, 'records.csv', ['source', 'row', 'person_id'], 'explain')) {
    const key = `${cells.source}:${cells.row}`;
    if (key === a || key === b) persons.set(key, cells.person_id);
  }
  const personA = persons.get(a);
  const personB = persons.get(b);
  if (personA === undefined || personB === undefined) return undefined;
  const placement: PairPlacement = { personA, personB };
  const linksFile = resolve(cwd, outDir, 'links.csv');
  if (personA === personB && outputExists(cwd, linksFile)) {
    for (const { cells } of await readOutputCsv(cwd, linksFile, 'links.csv', ['record_a', 'record_b'], 'explain')) {
      if ((cells.record_a === a && cells.record_b === b) || (cells.record_a === b && cells.record_b === a)) {
        placement.linkedBy = cells.linked_by || 'model';
        break;
      }
    }
  }
  return placement;
}

const LINK_RULES: Record<string, string> = {
  model: 'its probability is at or above the threshold',
  exclusive:
    'exclusive candidates: each was the other\'s only candidate person (every other candidate already held a record of the same list), so the link was made just below the threshold',
  decision: 'a must-link decision',
};

/** One paragraph saying where the run put the two records. Example: "In this run both records are person P-1, …" */
export function describePlacement(p: PairPlacement, aboveThreshold: boolean): string {
  if (p.personA === p.personB) {
    if (p.linkedBy) return `In this run both records are person ${p.personA}, linked directly: ${LINK_RULES[p.linkedBy] ?? p.linkedBy}.\n`;
    return `In this run both records are person ${p.personA}, joined through its other records.\n`;
  }
  const refused = aboveThreshold
    ? ' The link was refused by a clustering guard (one record per duplicate-free list, the chain guard, two records of one list, or names judged different).'
    : '';
  return `In this run they are different persons: ${p.personA} and ${p.personB}.${refused}\n`;
}
