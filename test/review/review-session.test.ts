import { describe, expect, it } from 'vitest';
import { pressKey, startReview, type ReviewPair } from '../../src/review/review-session.js';

const pair = (a: string, b: string): ReviewPair => ({ a, b, probability: 0.5, fields: [['name', 'Ахметов Ерлан', 'Akhmetov Yerlan']] });
const NOW = '2026-01-01T00:00:00.000Z';

describe('review session', () => {
  const pairs = [pair('media:1', 'ngo:2'), pair('media:3', 'ngo:4'), pair('media:5', 'ngo:6')];

  it('skips pairs decided earlier (in either order)', () => {
    const s = startReview(pairs, [{ record_a: 'ngo:4', record_b: 'media:3' }]);
    expect(s.pairs.map((p) => p.a)).toEqual(['media:1', 'media:5']);
  });

  it('records match and distinct decisions, skips, and ends', () => {
    let s = startReview(pairs, []);
    const actions: string[] = [];
    for (const key of ['m', 's', 'd']) {
      const step = pressKey(s, key, NOW);
      s = step.state;
      actions.push(step.action.kind === 'decide' ? `${step.action.row.decision} ${step.action.row.record_a}` : step.action.kind);
    }
    expect(actions).toEqual(['match media:1', 'none', 'distinct media:5']);
    expect(s.done).toBe(true);
    expect(s.taken.map((t) => t.row.decision)).toEqual(['match', 'distinct']);
  });

  it('undo takes back the last decision and shows that pair again', () => {
    let s = startReview(pairs, []);
    s = pressKey(s, 'm', NOW).state;
    s = pressKey(s, 'd', NOW).state;
    const step = pressKey(s, 'u', NOW);
    expect(step.action).toMatchObject({ kind: 'undo', row: { record_a: 'media:3', decision: 'distinct' } });
    expect(step.state.cursor).toBe(1);
    expect(step.state.taken).toHaveLength(1);
    const again = pressKey(step.state, 'm', NOW);
    expect(again.action).toMatchObject({ kind: 'decide', row: { record_a: 'media:3', decision: 'match' } });
  });

  it('undo after a skip goes back without touching decisions; q quits', () => {
    let s = startReview(pairs, []);
    s = pressKey(s, 's', NOW).state;
    const back = pressKey(s, 'u', NOW);
    expect(back.action.kind).toBe('none');
    expect(back.state.cursor).toBe(0);
    expect(pressKey(back.state, 'q', NOW).state.done).toBe(true);
  });

  it('unknown keys show the key help', () => {
    const s = pressKey(startReview(pairs, []), 'x', NOW).state;
    expect(s.message).toContain('m match');
    expect(s.cursor).toBe(0);
  });
});
