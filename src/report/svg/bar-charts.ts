// Bar charts of the report: horizontal bars (one or several series per row), stacked horizontal bars and vertical
// columns. Pure; rows are drawn in the order given. Colours come from CSS classes set by report.html.
import { escapeHtml, fitLabel, formatCount, textWidthEm } from './escape.js';
import { svgLine, svgRect, svgText, wrapChart, type ChartFrame } from './frame.js';
import { axisTicks } from './scale.js';

export interface Series {
  name: string;
  /** CSS class of the bars (e.g. `s0`, `s1`). */
  cls: string;
}

export interface BarRow {
  label: string;
  values: number[];
  /** Extra CSS class for the row's bars (e.g. `muted` for "unknown"). */
  cls?: string;
}

/** Font size of labels in px, as set by report.html's style sheet. */
const FONT = 14;

/** A legend line of coloured squares and series names, starting at (x, y). Returns markup. */
function drawLegend(series: readonly Series[], x: number, y: number, maxWidth: number): { svg: string; height: number } {
  let cx = x;
  let cy = y;
  const parts: string[] = [];
  for (const s of series) {
    const w = 17 + textWidthEm(s.name) * 12 + 16;
    if (cx + w > x + maxWidth && cx > x) {
      cx = x;
      cy += 20;
    }
    parts.push(svgRect(cx, cy - 10, 12, 12, `bar ${s.cls}`), svgText(cx + 17, cy, s.name, 'legend'));
    cx += w;
  }
  return { svg: parts.join(''), height: cy - y + 20 };
}

/** Opens a row group; a label too long for its column gets the full text as the group's tooltip. */
function openRow(label: string, labelWidth: number): string {
  return fitLabel(label, labelWidth - 6, FONT) === label ? '<g class="row">' : `<g class="row"><title>${escapeHtml(label)}</title>`;
}

/** Vertical grid lines and tick labels under a horizontal-bar plot. */
function drawXAxis(ticks: number[], x0: number, plotWidth: number, top: number, bottom: number): string {
  const max = ticks[ticks.length - 1];
  return ticks
    .map((t) => {
      const x = x0 + (t / max) * plotWidth;
      return svgLine(x, top, x, bottom, t === 0 ? 'axis' : 'grid') + svgText(x, bottom + 16, formatCount(t), 'tick', 'middle');
    })
    .join('');
}

/**
 * Horizontal bars, one group per row and one bar per series, with the value at the end of each bar.
 * @example drawBarChart({ kind: 'by-place', title: 'Deaths by place', description: '…' }, [{ name: 'persons', cls: 's0' }], [{ label: 'Almaty', values: [120] }])
 */
export function drawBarChart(frame: Omit<ChartFrame, 'width' | 'height'>, series: readonly Series[], rows: readonly BarRow[], unit = 'persons'): string {
  const width = 560;
  const labelWidth = 150;
  const x0 = labelWidth + 8;
  const plotWidth = width - x0 - 56;
  const barH = series.length === 1 ? 18 : 13;
  const rowH = series.length * barH + 10;
  const legend = series.length > 1 ? drawLegend(series, x0, 16, plotWidth) : { svg: '', height: 0 };
  const top = legend.height + 8;
  const max = Math.max(1, ...rows.flatMap((r) => r.values));
  const ticks = axisTicks(max, 5);
  const scaleMax = ticks[ticks.length - 1];
  const bottom = top + rows.length * rowH;
  const parts: string[] = [legend.svg, drawXAxis(ticks, x0, plotWidth, top, bottom)];
  rows.forEach((row, i) => {
    const y = top + i * rowH + 5;
    parts.push(openRow(row.label, labelWidth), svgText(labelWidth, y + (series.length * barH) / 2 + 4, fitLabel(row.label, labelWidth - 6, FONT), 'label', 'end'));
    series.forEach((s, j) => {
      const v = row.values[j] ?? 0;
      const w = (v / scaleMax) * plotWidth;
      const by = y + j * barH;
      const tip = series.length > 1 ? `${row.label}, ${s.name}: ${formatCount(v)} ${unit}` : `${row.label}: ${formatCount(v)} ${unit}`;
      parts.push(svgRect(x0, by, w, barH - 2, `bar ${s.cls}${row.cls ? ' ' + row.cls : ''}`, tip));
      parts.push(svgText(x0 + w + 4, by + barH - 5, formatCount(v), 'value'));
    });
    parts.push('</g>');
  });
  return wrapChart({ ...frame, width, height: bottom + 26 }, parts.join(''));
}

/**
 * Horizontal stacked bars: each row split into segments, one per series, with a legend.
 * @example drawStackedBarChart(frame, [{ name: 'security', cls: 'cat-security' }], [{ label: 'official', values: [19] }])
 */
export function drawStackedBarChart(frame: Omit<ChartFrame, 'width' | 'height'>, series: readonly Series[], rows: readonly BarRow[], unit = 'persons'): string {
  const width = 560;
  const labelWidth = 120;
  const x0 = labelWidth + 8;
  const plotWidth = width - x0 - 56;
  const barH = 22;
  const rowH = barH + 10;
  const legend = drawLegend(series, x0, 16, plotWidth);
  const top = legend.height + 8;
  const max = Math.max(1, ...rows.map((r) => r.values.reduce((a, b) => a + b, 0)));
  const ticks = axisTicks(max, 5);
  const scaleMax = ticks[ticks.length - 1];
  const bottom = top + rows.length * rowH;
  const parts: string[] = [legend.svg, drawXAxis(ticks, x0, plotWidth, top, bottom)];
  rows.forEach((row, i) => {
    const y = top + i * rowH + 5;
    parts.push(openRow(row.label, labelWidth), svgText(labelWidth, y + barH / 2 + 4, fitLabel(row.label, labelWidth - 6, FONT), 'label', 'end'));
    let x = x0;
    series.forEach((s, j) => {
      const v = row.values[j] ?? 0;
      if (v <= 0) return;
      const w = (v / scaleMax) * plotWidth;
      parts.push(svgRect(x, y, w, barH, `bar ${s.cls}`, `${row.label}, ${s.name}: ${formatCount(v)} ${unit}`));
      if (w >= 22) parts.push(svgText(x + w / 2, y + barH / 2 + 4, formatCount(v), 'inbar', 'middle'));
      x += w;
    });
    parts.push(svgText(x + 4, y + barH / 2 + 4, formatCount(row.values.reduce((a, b) => a + b, 0)), 'value'), '</g>');
  });
  return wrapChart({ ...frame, width, height: bottom + 26 }, parts.join(''));
}

export interface Column {
  /** Short label under the column (e.g. `5 Jan`). */
  label: string;
  /** Full description for the tooltip (e.g. `5 January 2022`). */
  tooltip: string;
  value: number;
  cls?: string;
}

/**
 * Vertical columns (e.g. deaths per day), labelled underneath; with many columns only every k-th label is shown.
 * @example drawColumnChart(frame, [{ label: '5 Jan', tooltip: '5 January 2022', value: 64 }])
 */
export function drawColumnChart(frame: Omit<ChartFrame, 'width' | 'height'>, columns: readonly Column[], unit = 'persons'): string {
  const left = 44;
  const minWidth = 480;
  const fit = (minWidth - left - 16) / Math.max(1, columns.length);
  const slot = Math.min(60, Math.max(columns.length <= 31 ? 26 : 14, fit));
  const width = Math.max(minWidth, left + columns.length * slot + 16);
  const top = 20;
  const plotH = 180;
  const bottom = top + plotH;
  const max = Math.max(1, ...columns.map((c) => c.value));
  const ticks = axisTicks(max, 4);
  const scaleMax = ticks[ticks.length - 1];
  // Label every k-th column so that labels do not overlap; the "unknown" column always (its neighbours then not).
  const widestLabel = Math.max(1, ...columns.map((c) => textWidthEm(c.label) * 12));
  const every = Math.max(1, Math.ceil((widestLabel + 6) / slot));
  const lastMuted = columns[columns.length - 1]?.cls === 'muted';
  const parts: string[] = [];
  for (const t of ticks) {
    const y = bottom - (t / scaleMax) * plotH;
    parts.push(svgLine(left, y, width - 8, y, t === 0 ? 'axis' : 'grid'), svgText(left - 6, y + 4, formatCount(t), 'tick', 'end'));
  }
  columns.forEach((c, i) => {
    const x = left + i * slot + 3;
    const h = (c.value / scaleMax) * plotH;
    parts.push('<g class="col">', svgRect(x, bottom - h, slot - 6, h, `bar s0${c.cls ? ' ' + c.cls : ''}`, `${c.tooltip}: ${formatCount(c.value)} ${unit}`));
    if (c.value > 0 && slot >= 20) parts.push(svgText(x + (slot - 6) / 2, bottom - h - 4, formatCount(c.value), slot < 34 ? 'value small' : 'value', 'middle'));
    const labelled = (i % every === 0 && !(lastMuted && i > columns.length - 1 - every)) || (lastMuted && i === columns.length - 1);
    if (labelled) {
      const label = fitLabel(c.label, every * slot - 4, 12);
      const half = (textWidthEm(label) * 12) / 2;
      const cx = Math.min(Math.max(x + (slot - 6) / 2, left + half), width - 2 - half);
      parts.push(svgText(cx, bottom + 16, label, 'tick', 'middle'));
    }
    parts.push('</g>');
  });
  return wrapChart({ ...frame, width, height: bottom + 28 }, parts.join(''));
}
