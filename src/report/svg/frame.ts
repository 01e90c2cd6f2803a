// The common wrapper of every chart: an accessible, responsive <svg class="chart" data-chart="…"> element. Pure.
import { escapeHtml, px } from './escape.js';

export interface ChartFrame {
  /** Value of data-chart, e.g. `headline`; also names the ids of the title and description. */
  kind: string;
  width: number;
  height: number;
  /** Short accessible name (becomes <title>). */
  title: string;
  /** One or two sentences read by screen readers (becomes <desc>). */
  description: string;
  /** Narrowest rendering in px before the figure scrolls sideways (default: 60% of width, at most 340). */
  minWidth?: number;
}

/**
 * Wraps chart content in an SVG element whose viewBox scales to the page width: never wider than drawn, and not
 * narrower than 60% of that (340 px at most, so that charts fit a phone; below that the figure scrolls).
 * @example wrapChart({ kind: 'by-date', width: 400, height: 200, title: 'Deaths by date', description: '…' }, '<rect …/>')
 */
export function wrapChart(frame: ChartFrame, body: string): string {
  const id = `chart-${frame.kind}`;
  return (
    // font-size and font-family as presentation attributes: a chart shown without the page's style sheet (copied out
    // as an image, a feed reader) keeps the 14px sans-serif text its labels were fitted for; the page's CSS wins.
    `<svg class="chart" data-chart="${escapeHtml(frame.kind)}" xmlns="http://www.w3.org/2000/svg" font-size="14" font-family="sans-serif" ` +
    `viewBox="0 0 ${px(frame.width)} ${px(frame.height)}" width="${px(frame.width)}" height="${px(frame.height)}" ` +
    `style="max-width:${px(frame.width)}px;min-width:${px(frame.minWidth ?? Math.min(340, Math.round(frame.width * 0.6)))}px" role="img" aria-labelledby="${id}-title ${id}-desc">` +
    `<title id="${id}-title">${escapeHtml(frame.title)}</title><desc id="${id}-desc">${escapeHtml(frame.description)}</desc>` +
    body +
    '</svg>'
  );
}

/** An SVG <text> element with escaped content. */
export function svgText(x: number, y: number, text: string, cls: string, anchor: 'start' | 'middle' | 'end' = 'start', extra = ''): string {
  return `<text x="${px(x)}" y="${px(y)}" class="${escapeHtml(cls)}" text-anchor="${anchor}"${extra ? ' ' + extra : ''}>${escapeHtml(text)}</text>`;
}

/** An SVG <rect>, optionally with a tooltip. Zero or negative sizes are drawn as zero. */
export function svgRect(x: number, y: number, w: number, h: number, cls: string, tooltip?: string): string {
  const attrs = `x="${px(x)}" y="${px(y)}" width="${px(Math.max(0, w))}" height="${px(Math.max(0, h))}" class="${escapeHtml(cls)}"`;
  return tooltip === undefined ? `<rect ${attrs}/>` : `<rect ${attrs}><title>${escapeHtml(tooltip)}</title></rect>`;
}

/** An SVG <line>. */
export function svgLine(x1: number, y1: number, x2: number, y2: number, cls: string): string {
  return `<line x1="${px(x1)}" y1="${px(y1)}" x2="${px(x2)}" y2="${px(y2)}" class="${escapeHtml(cls)}"/>`;
}
