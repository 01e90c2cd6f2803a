// `reconcile review OUT`: the interactive loop. Draws the pair on screen, reads single keys, appends decisions to the
// decisions file at once (so quitting or a crash keeps them), rewrites it atomically on undo.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Chalk } from 'chalk';
import { EXIT, ReconError } from '../core/errors.js';
import { toCsv } from '../report/csv.js';
import { pressKey, startReview, type DecisionRow, type ReviewPair, type ReviewState } from '../review/review-session.js';
import { readInputFile, writeFilesAtomically } from './fs-io.js';
import { useColor, type CliIO } from './io.js';

export const DECISIONS_HEADER = ['record_a', 'record_b', 'decision', 'note', 'decided_at'] as const;

export interface ReviewFlags {
  decisions?: string;
}

/** Reads OUT/review.csv into pairs with their side-by-side fields. */
export function readReviewPairs(out: string): ReviewPair[] {
  const file = join(out, 'review.csv');
  const rows = parse(readInputFile(file, 'review.csv of a merge output folder').toString('utf8').replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
  const fields: Array<[string, string]> = [['record', 'record'], ['name', 'name'], ['age', 'age'], ['date of death', 'date_of_death'], ['place', 'place'], ['category', 'category']];
  return rows.map((r) => ({
    a: r.record_a,
    b: r.record_b,
    probability: Number(r.probability),
    fields: fields.map(([label, col]) => [label, r[`${col}_a`] ?? '', r[`${col}_b`] ?? ''] as [string, string, string]),
  }));
}

export function readDecisionRows(file: string): DecisionRow[] {
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  return parse(text, { columns: true, skip_empty_lines: true }) as DecisionRow[];
}

function render(state: ReviewState, io: CliIO, decisionsFile: string): string {
  const c = new Chalk({ level: useColor(io) ? 1 : 0 });
  const lines: string[] = [];
  const total = state.pairs.length;
  if (state.cursor < total) {
    const p = state.pairs[state.cursor];
    lines.push(c.bold(`Pair ${state.cursor + 1} of ${total}`) + `   match probability ${p.probability.toFixed(3)}   decided this session: ${state.taken.length}`);
    const w0 = Math.max(...p.fields.map((f) => f[0].length));
    const w1 = Math.max(12, ...p.fields.map((f) => [...f[1]].length));
    for (const [label, va, vb] of p.fields) {
      const same = va.trim().toLowerCase() === vb.trim().toLowerCase();
      const paint = (s: string) => (va === '' || vb === '' ? c.dim(s) : same ? c.green(s) : c.yellow(s));
      const mark = va === '' || vb === '' ? ' ' : same ? '=' : '≠';
      lines.push(`  ${label.padEnd(w0)}  ${paint(va.padEnd(w1))}  ${mark}  ${paint(vb)}`);
    }
  }
  if (state.message) lines.push('', state.message);
  lines.push('', c.dim(`[m] match  [d] distinct  [s] skip  [u] undo  [q] quit      decisions → ${decisionsFile}`));
  return lines.join('\n') + '\n';
}

function writeDecisions(file: string, rows: readonly DecisionRow[]): void {
  const csv = toCsv(DECISIONS_HEADER, rows.map((r) => DECISIONS_HEADER.map((h) => r[h])), { neutralize: false });
  const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  writeFilesAtomically(slash >= 0 ? file.slice(0, slash) : '.', [[file.slice(slash + 1), csv]]);
}

export async function runReview(out: string, flags: ReviewFlags, io: CliIO, now: () => string = () => new Date().toISOString()): Promise<number> {
  const decisionsFile = flags.decisions ?? join(out, 'decisions.csv');
  if (!io.stdin.isTTY || !io.stdout.isTTY) {
    throw new ReconError('USAGE', 'review is interactive and needs a terminal (stdin and stdout are not a TTY)', {
      hint: `without a terminal, write decisions by hand: a CSV with header ${DECISIONS_HEADER.join(',')} (decision = match or distinct), ` +
        `one row per pair from ${join(out, 'review.csv')}, then run merge with --decisions FILE`,
    });
  }
  const pairs = readReviewPairs(out);
  const existing = readDecisionRows(decisionsFile);
  let state = startReview(pairs, existing);
  if (state.done) {
    io.stdout.write(`Nothing to review: ${pairs.length} uncertain pair(s) in ${out}/review.csv, all decided in ${decisionsFile}.\n`);
    return EXIT.OK;
  }
  if (!existsSync(decisionsFile)) writeDecisions(decisionsFile, []);
  const stdin = io.stdin as NodeJS.ReadStream;
  stdin.setRawMode?.(true);
  stdin.resume();
  stdin.setEncoding?.('utf8');
  io.stdout.write(render(state, io, decisionsFile));
  await new Promise<void>((resolveLoop) => {
    const onData = (chunk: string | Buffer) => {
      for (const key of String(chunk)) {
        const step = pressKey(state, key.toLowerCase(), now());
        state = step.state;
        if (step.action.kind === 'decide') {
          const r = step.action.row;
          appendFileSync(decisionsFile, toCsv(DECISIONS_HEADER, [DECISIONS_HEADER.map((h) => r[h])], { neutralize: false }).split('\n').slice(1).join('\n'));
        } else if (step.action.kind === 'undo') {
          const undone = step.action.row;
          const rows = readDecisionRows(decisionsFile);
          const at = rows.map((x) => `${x.record_a}|${x.record_b}|${x.decided_at}`).lastIndexOf(`${undone.record_a}|${undone.record_b}|${undone.decided_at}`);
          if (at >= 0) rows.splice(at, 1);
          writeDecisions(decisionsFile, rows);
        }
        io.stdout.write('\n' + render(state, io, decisionsFile));
        if (state.done) break;
      }
      if (state.done) {
        stdin.off('data', onData);
        stdin.setRawMode?.(false);
        stdin.pause();
        resolveLoop();
      }
    };
    stdin.on('data', onData);
  });
  const left = state.pairs.length - state.taken.length;
  io.stdout.write(`\n${state.taken.length} decision(s) recorded in ${decisionsFile}; ${left} pair(s) not decided.\n`);
  io.stdout.write(`Apply them: reconcile merge ... --decisions ${decisionsFile}\n`);
  return EXIT.OK;
}
