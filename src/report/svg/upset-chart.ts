// The UpSet chart of capture histories: one column per combination of sources, a bar of how many persons exactly
// that combination names, and below it a dot matrix showing which sources the combination contains. Pure.
import { escapeHtml, fitLabel, formatCount, px } from './escape.js';
import { svgLine, svgRect, svgText, wrapChart } from './frame.js';
import { axisTicks } from './scale.js';

export interface UpsetInput {
  /** Sources in display order, with the number of persons each names (set size). */
  sources: ReadonlyArray<{ name: string; persons: number }>;
  /** Capture histories in display order (usually most persons first). */
  histories: ReadonlyArray<{ sources: readonly string[]; persons: number }>;
  /** Draw at most this many columns (default 40); the rest are summarised in the description. */
  maxColumns?: number;
}

/**
 * Draws an UpSet chart: bars of capture-history counts over a dot matrix of sources, with each source's size on the left.
 * @example drawUpsetChart({ sources: [{ name: 'a', persons: 3 }, { name: 'b', persons: 2 }], histories: [{ sources: ['a', 'b'], persons: 2 }, { sources: ['a'], persons: 1 }] })
 */
export function drawUpsetChart(input: UpsetInput): string {
  const maxColumns = input.maxColumns ?? 40;
  const shown = input.histories.slice(0, maxColumns);
  const hidden = input.histories.length - shown.length;
  const setBarWidth = 80;
  const nameWidth = 120;
  const left = setBarWidth + nameWidth + 12;
  const colW = shown.length <= 8 ? 40 : shown.length <= 20 ? 28 : 20;
  const width = Math.max(420, left + shown.length * colW + 16);
  const top = 20;
  const barsH = 150;
  const rowH = 24;
  const matrixTop = top + barsH + 14;
  const height = matrixTop + input.sources.length * rowH + 30;
  const parts: string[] = [];

  const max = Math.max(1, ...shown.map((h) => h.persons));
  const ticks = axisTicks(max, 4);
  const scaleMax = ticks[ticks.length - 1];
  const base = top + barsH;
  for (const t of ticks) {
    const y = base - (t / scaleMax) * barsH;
    parts.push(svgLine(left, y, width - 8, y, t === 0 ? 'axis' : 'grid'), svgText(left - 6, y + 4, formatCount(t), 'tick', 'end'));
  }
  parts.push(svgText(left - 34, top - 6, 'persons', 'tick', 'start'));

  // Stripes and set sizes, one row per source.
  const setMax = Math.max(1, ...input.sources.map((s) => s.persons));
  input.sources.forEach((s, j) => {
    const cy = matrixTop + j * rowH + rowH / 2;
    if (j % 2 === 0) parts.push(svgRect(left - nameWidth - 4, cy - rowH / 2, width - 8 - (left - nameWidth - 4), rowH, 'stripe'));
    const w = (s.persons / setMax) * (setBarWidth - 30);
    parts.push(
      '<g class="set">',
      svgRect(setBarWidth - w, cy - 7, w, 14, 'bar setsize', `${s.name}: ${formatCount(s.persons)} persons in all`),
      svgText(setBarWidth - w - 4, cy + 4, formatCount(s.persons), 'value', 'end'),
      svgText(left - 8, cy + 4, fitLabel(s.name, nameWidth - 10, 14), 'label', 'end'),
      '</g>',
    );
  });
  parts.push(svgText(4, height - 8, 'persons per source', 'tick', 'start'));

  shown.forEach((h, i) => {
    const cx = left + i * colW + colW / 2;
    const bh = (h.persons / scaleMax) * barsH;
    const members = new Set(h.sources);
    const label = h.sources.length === 1 ? `only ${h.sources[0]}` : h.sources.join(' + ');
    parts.push(`<g class="history"><title>${escapeHtml(`${label}: ${formatCount(h.persons)} persons`)}</title>`);
    parts.push(svgRect(cx - colW / 2 + 4, base - bh, colW - 8, bh, 'bar upset'));
    parts.push(svgText(cx, base - bh - 4, formatCount(h.persons), 'value small', 'middle'));
    const rows = input.sources.map((s, j) => ({ on: members.has(s.name), cy: matrixTop + j * rowH + rowH / 2 }));
    const on = rows.filter((r) => r.on);
    if (on.length > 1) parts.push(svgLine(cx, on[0].cy, cx, on[on.length - 1].cy, 'connector'));
    for (const r of rows) parts.push(`<circle cx="${px(cx)}" cy="${px(r.cy)}" r="6" class="${r.on ? 'dot-on' : 'dot-off'}"/>`);
    parts.push('</g>');
  });

  const total = input.histories.reduce((n, h) => n + h.persons, 0);
  return wrapChart(
    {
      kind: 'upset',
      width,
      height,
      // Many columns would shrink to illegible dots on a phone: scroll sideways instead.
      minWidth: Math.min(width, Math.max(340, Math.round(width * 0.5))),
      title: 'Capture histories: which combinations of sources name each person',
      description:
        `${formatCount(total)} persons in ${input.histories.length} combinations of ${input.sources.length} sources. ` +
        shown.map((h) => `${h.sources.join(' + ')}: ${formatCount(h.persons)}`).join('; ') +
        (hidden > 0 ? `; ${hidden} smaller combinations not drawn.` : '.'),
    },
    parts.join(''),
  );
}
