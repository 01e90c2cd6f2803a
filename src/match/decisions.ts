// Clerical decisions (`merge --decisions FILE`, CSV `record_a,record_b,decision,note,decided_at`): validation of
// the parsed rows into must-link / cannot-link constraints. Pure: the CLI reads and CSV-parses the file.
import { ReconError } from '../core/errors.js';
import type { Decision } from './types.js';

const MATCH = new Set(['match', 'same', 'yes', 'y', 'link', 'must-link']);
const DISTINCT = new Set(['distinct', 'different', 'no', 'n', 'non-match', 'cannot-link']);
const KEY = /^.+:[1-9]\d*$/;

/**
 * Turns decision rows (header → cell, in file order) into decisions. Rows with an empty decision are skipped (a
 * copied review.csv not yet filled in); the last decision on a pair wins. Throws ReconError('BAD_CONFIG') naming
 * the file and line of the first bad row.
 * Example: parseDecisions([{record_a: 'media:3', record_b: 'ngo:7', decision: 'match'}], 'd.csv')
 *   → [{ a: 'media:3', b: 'ngo:7', decision: 'match' }]
 */
export function parseDecisions(rows: ReadonlyArray<Record<string, string | undefined>>, file?: string): Decision[] {
  const byPair = new Map<string, Decision>();
  rows.forEach((row, i) => {
    const line = i + 2;
    const a = (row.record_a ?? '').trim();
    const b = (row.record_b ?? '').trim();
    const raw = (row.decision ?? '').trim().toLowerCase();
    if (raw === '' && a === '' && b === '') return;
    if (raw === '') return;
    const fail = (msg: string, hint?: string): never => {
      throw new ReconError('BAD_CONFIG', msg, { file, line, hint });
    };
    if (!KEY.test(a) || !KEY.test(b)) {
      fail(`record_a and record_b must be record keys written source:row (found "${a}", "${b}")`, 'copy the pairs from review.csv');
    }
    let decision: Decision['decision'];
    if (MATCH.has(raw)) decision = 'match';
    else if (DISTINCT.has(raw)) decision = 'distinct';
    else return fail(`decision must be "match" or "distinct" (found "${row.decision}")`);
    const note = (row.note ?? '').trim();
    const d: Decision = { a, b, decision };
    if (note) d.note = note;
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    byPair.delete(key);
    byPair.set(key, d);
  });
  return [...byPair.values()];
}
