// The headline chart: the official total against the distinct named persons (with the range the matching threshold
// allows) and, when available, the population estimate with its 95% interval. Pure.
import { formatCount, px } from './escape.js';
import { svgLine, svgRect, svgText, wrapChart } from './frame.js';
import { axisTicks } from './scale.js';

export interface HeadlineInput {
  officialTotal: number | null;
  persons: number;
  /** Persons at the stricter and at the looser matching threshold. */
  range: { low: number; high: number };
  estimate?: { N: number; lower: number | null; upper: number | null; label: string } | null;
}

/**
 * Draws one horizontal bar per headline figure on a shared axis, with the named-count range and the estimate's
 * interval as error bars. An interval far beyond the other figures (or without an upper bound) is cut at the edge
 * and marked with an arrow.
 * @example drawHeadlineChart({ officialTotal: 241, persons: 221, range: { low: 214, high: 229 } })
 */
export function drawHeadlineChart(input: HeadlineInput): string {
  const width = 520;
  const labelWidth = 130;
  const x0 = labelWidth + 10;
  const plotWidth = width - x0 - 62;
  const rowH = 46;
  const top = 10;
  type Row = { label: string; sub: string; value: number; cls: string; lo?: number; hi?: number | null; tip: string };
  const rows: Row[] = [];
  if (input.officialTotal !== null) {
    rows.push({ label: 'Official total', sub: 'deaths counted', value: input.officialTotal, cls: 'official', tip: `Official total: ${formatCount(input.officialTotal)}` });
  }
  rows.push({
    label: 'Named persons',
    sub: 'a minimum',
    value: input.persons,
    cls: 'named',
    lo: input.range.low,
    hi: input.range.high,
    tip: `Distinct named persons: ${formatCount(input.persons)} (between ${formatCount(input.range.low)} and ${formatCount(input.range.high)} with stricter or looser matching)`,
  });
  const est = input.estimate;
  if (est) {
    const interval = est.lower !== null ? ` (95% interval ${formatCount(est.lower)} to ${est.upper === null ? 'no upper bound' : formatCount(est.upper)})` : '';
    rows.push({ label: 'Estimated total', sub: est.label, value: est.N, cls: 'estimate', lo: est.lower ?? undefined, hi: est.lower !== null ? est.upper : undefined, tip: `Estimated total: ${formatCount(est.N)}${interval}` });
  }
  // Keep the axis readable: an interval reaching beyond 2.5× the other figures is cut at the edge.
  const core = Math.max(1, input.officialTotal ?? 0, input.persons, input.range.high, est?.N ?? 0);
  const wanted = Math.max(core, est?.lower ?? 0, est?.upper ?? 0);
  const axisMax = Math.min(wanted, core * 2.5);
  const ticks = axisTicks(axisMax, 5);
  const scaleMax = ticks[ticks.length - 1];
  const xOf = (v: number): number => x0 + (Math.min(v, scaleMax) / scaleMax) * plotWidth;
  const bottom = top + rows.length * rowH;
  const parts: string[] = [];
  for (const t of ticks) parts.push(svgLine(xOf(t), top, xOf(t), bottom, t === 0 ? 'axis' : 'grid'), svgText(xOf(t), bottom + 16, formatCount(t), 'tick', 'middle'));
  rows.forEach((r, i) => {
    const y = top + i * rowH + 8;
    const h = 24;
    parts.push(`<g class="row">`);
    parts.push(svgText(labelWidth, y + 11, r.label, 'label strong', 'end'), svgText(labelWidth, y + 26, r.sub, 'sublabel', 'end'));
    parts.push(svgRect(x0, y, xOf(r.value) - x0, h, `bar ${r.cls}`, r.tip));
    let end = xOf(r.value);
    if (r.lo !== undefined && r.hi !== undefined) {
      const cy = y + h / 2;
      const xl = xOf(r.lo);
      const cut = r.hi === null || r.hi > scaleMax;
      const xh = cut ? x0 + plotWidth + 8 : xOf(r.hi!);
      parts.push(`<g class="whisker">`, svgLine(xl, cy, xh, cy, 'whisker'), svgLine(xl, cy - 7, xl, cy + 7, 'whisker'));
      if (cut) parts.push(`<path d="M${px(xh)} ${px(cy)} l-8 -5 v10 z" class="whisker-arrow"/>`);
      else parts.push(svgLine(xh, cy - 7, xh, cy + 7, 'whisker'));
      parts.push('</g>');
      end = Math.max(end, xh);
    }
    parts.push(svgText(end + 6, y + 17, formatCount(r.value), 'value strong'), '</g>');
  });
  if (input.officialTotal !== null) {
    const x = xOf(input.officialTotal);
    parts.push(svgLine(x, top, x, bottom, 'reference'));
  }
  return wrapChart(
    {
      kind: 'headline',
      width,
      height: bottom + 28,
      title: 'Named persons against the official total',
      description:
        (input.officialTotal !== null ? `Official total ${formatCount(input.officialTotal)}; ` : '') +
        `${formatCount(input.persons)} distinct persons named (${formatCount(input.range.low)} to ${formatCount(input.range.high)} depending on matching)` +
        (est ? `; estimated total ${formatCount(est.N)}` : '') +
        '.',
    },
    parts.join(''),
  );
}
