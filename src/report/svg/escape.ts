// Text safety, label fitting and number formatting shared by report.html and its SVG charts. Pure.

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
 * Rough width of a text in a sans-serif font, in ems: wide letters count 1, narrow ones 0.34, the rest 0.62–0.76
 * (close to DejaVu Sans, a wide fallback font). Generous on purpose, so that labels cut with {@link fitLabel} stay inside their chart.
 * @example textWidthEm('Almaty') // 3.96
 */
export function textWidthEm(text: string): number {
  let w = 0;
  for (const ch of text) {
    if (/[ilIjJ.,:;'|!()\[\] ]/.test(ch)) w += 0.34;
    else if (/[MWШЩЖМЮФmwшщжмюф@%&…]/.test(ch)) w += 1;
    else if (/[0-9]/.test(ch)) w += 0.64;
    else if (ch !== ch.toLowerCase()) w += 0.76;
    else w += 0.62;
  }
  return Math.round(w * 100) / 100;
}

/**
 * Cuts a label so that it fits `maxPx` at `fontPx`, ending with an ellipsis when cut.
 * @example fitLabel('Petropavl and the villages around it', 120, 14) // 'Petropavl an…'
 */
export function fitLabel(text: string, maxPx: number, fontPx: number): string {
  const maxEm = maxPx / fontPx;
  if (textWidthEm(text) <= maxEm) return text;
  const chars = [...text];
  let n = chars.length;
  while (n > 1 && textWidthEm(chars.slice(0, n).join('') + '…') > maxEm) n--;
  return chars.slice(0, n).join('') + '…';
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
