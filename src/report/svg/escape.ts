// Text safety and number formatting shared by report.html and its SVG charts. Pure.

/**
 * Escapes text for HTML/SVG element content and double- or single-quoted attribute values. Control characters
 * other than tab and newline become U+FFFD so that untrusted CSV text cannot break the markup.
 * @example escapeHtml(`<script>"a" & 'b'`) // '&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;'
 */
export function escapeHtml(text: string | number): string {
  return String(text)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Shortens a label to at most `max` characters (code points), ending with an ellipsis when cut.
 * @example truncateLabel('Kyzylorda region', 8) // 'Kyzylor…'
 */
export function truncateLabel(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, Math.max(1, max - 1)).join('') + '…';
}

/**
 * Formats a count or an estimate for display: whole numbers as they are, others rounded to an integer.
 * @example formatCount(333.62) // '334'
 */
export function formatCount(n: number): string {
  return String(Math.round(n));
}

/**
 * Formats a share (0..1) as a percentage with one decimal.
 * @example formatPercent(0.4567) // '45.7%'
 */
export function formatPercent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/** Formats an SVG coordinate with at most one decimal, so output is short and stable. */
export function px(x: number): string {
  const r = Math.round(x * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}
