// Clerical review as a pure state machine: a queue of uncertain pairs, the decisions taken, and the keys that move it.
// The terminal loop (src/cli/review-run.ts) only draws the state and feeds keys in.

export interface ReviewPair {
  a: string;
  b: string;
  probability: number;
  /** Field name → [value of a, value of b], in display order. */
  fields: Array<[string, string, string]>;
}

export interface DecisionRow {
  record_a: string;
  record_b: string;
  decision: 'match' | 'distinct';
  note: string;
  decided_at: string;
}

export interface ReviewState {
  pairs: ReviewPair[];
  /** Index of the pair on screen; equals pairs.length when done. */
  cursor: number;
  /** Decisions taken in this session, in order (undo pops the last). */
  taken: Array<{ index: number; row: DecisionRow }>;
  /** History of visited indices, for undoing a skip. */
  history: number[];
  done: boolean;
  message: string;
}

export type ReviewAction =
  | { kind: 'decide'; row: DecisionRow }
  | { kind: 'undo'; row: DecisionRow }
  | { kind: 'none' };

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** Starts a session over the pairs not yet decided in `already` (decisions from earlier sessions). */
export function startReview(pairs: readonly ReviewPair[], already: ReadonlyArray<Pick<DecisionRow, 'record_a' | 'record_b'>>): ReviewState {
  const decided = new Set(already.map((d) => pairKey(d.record_a, d.record_b)));
  const open = pairs.filter((p) => !decided.has(pairKey(p.a, p.b)));
  return { pairs: open, cursor: 0, taken: [], history: [], done: open.length === 0, message: open.length === 0 ? 'No pairs left to review.' : '' };
}

/**
 * Applies one key: m/y match, d/n distinct, s skip, u undo, q quit. `now` stamps decisions (ISO time).
 * Example: pressKey(state, 'm', '2026-01-01T00:00:00Z') → a 'match' decision for the pair on screen.
 */
export function pressKey(state: ReviewState, key: string, now: string): { state: ReviewState; action: ReviewAction } {
  const none = { kind: 'none' } as const;
  if (key === 'q' || key === '\u0003') return { state: { ...state, done: true, message: 'Quit.' }, action: none };
  if (key === 'u') {
    const lastVisit = state.history[state.history.length - 1];
    if (lastVisit === undefined) return { state: { ...state, message: 'Nothing to undo.' }, action: none };
    const lastTaken = state.taken[state.taken.length - 1];
    const history = state.history.slice(0, -1);
    if (lastTaken && lastTaken.index === lastVisit) {
      return {
        state: { ...state, cursor: lastVisit, history, taken: state.taken.slice(0, -1), done: false, message: `Undid: ${lastTaken.row.decision} ${lastTaken.row.record_a} ${lastTaken.row.record_b}` },
        action: { kind: 'undo', row: lastTaken.row },
      };
    }
    return { state: { ...state, cursor: lastVisit, history, done: false, message: 'Back to the skipped pair.' }, action: none };
  }
  if (state.done || state.cursor >= state.pairs.length) return { state: { ...state, done: true }, action: none };
  const pair = state.pairs[state.cursor];
  const advance = (extra: Partial<ReviewState>): ReviewState => {
    const cursor = state.cursor + 1;
    return { ...state, ...extra, cursor, history: [...state.history, state.cursor], done: cursor >= state.pairs.length };
  };
  if (key === 'm' || key === 'y' || key === 'd' || key === 'n') {
    const decision = key === 'm' || key === 'y' ? 'match' : 'distinct';
    const row: DecisionRow = { record_a: pair.a, record_b: pair.b, decision, note: '', decided_at: now };
    return { state: advance({ taken: [...state.taken, { index: state.cursor, row }], message: `${decision}: ${pair.a} ${pair.b}` }), action: { kind: 'decide', row } };
  }
  if (key === 's' || key === ' ') return { state: advance({ message: `Skipped ${pair.a} ${pair.b}` }), action: none };
  return { state: { ...state, message: 'Keys: m match · d distinct · s skip · u undo · q quit' }, action: none };
}
