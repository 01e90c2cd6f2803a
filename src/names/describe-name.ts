// Plain descriptions of parsed names and comparisons (for `reconcile normalize` and reports): JSON-ready objects and
// aligned text tables. Pure and deterministic.
import { nameBlockingKeys, nameSkeletonsForFrequency } from './blocking-keys.js';
import type { RichToken } from './parse-name.js';
import type { NameComparison, ParsedName } from './types.js';

export interface TokenDescription {
  written: string;
  role: string;
  initial: boolean;
  canon: string;
  skeleton: string;
  stem: string;
  suffix: string;
}

export interface NameDescription {
  input: string;
  empty: boolean;
  script: ParsedName['script'];
  sex: string | null;
  sexEvidence: string[];
  cyrillic: string;
  latin: string;
  normalized: string;
  tokens: TokenDescription[];
  blockingKeys: string[];
  frequencyKeys: { surname?: string; given?: string };
  warnings: string[];
}

/**
 * A JSON-ready description of a parsed name: parts with their keys, sex hint, display forms and blocking keys.
 *
 * @example describeName(parseName('Kassym-Jomart Tokayev')).latin // 'Tokayev Kassym-Jomart'
 */
export function describeName(p: ParsedName): NameDescription {
  const tokens = (p.tokens as RichToken[]).map((t) => ({
    written: t.raw,
    role: t.role,
    initial: t.initial,
    canon: t.canon,
    skeleton: t.skel,
    stem: t.stem ?? t.skel,
    suffix: t.suffix ?? '',
  }));
  return {
    input: p.raw,
    empty: p.empty,
    script: p.script,
    sex: p.sex,
    sexEvidence: p.sexEvidence,
    cyrillic: p.cyrillic,
    latin: p.latin,
    normalized: p.normalized,
    tokens,
    blockingKeys: nameBlockingKeys(p),
    frequencyKeys: nameSkeletonsForFrequency(p),
    warnings: p.warnings,
  };
}

/** Display width of a string in a terminal (code points; combining marks take no cell). */
function width(s: string): number {
  let n = 0;
  for (const ch of s) if (!/\p{M}/u.test(ch)) n++;
  return n;
}

function pad(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}

/** Left-aligned columns separated by two spaces; trailing spaces trimmed. */
export function formatTable(rows: string[][]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, width(c))));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i]))).join('  ').trimEnd()).join('\n');
}

const ROLE_ORDER: Record<string, number> = { surname: 0, given: 1, patronymic: 2, unknown: 3 };

/**
 * Human view of one name: a table of its words (role, as written, canonical Latin, skeleton, stem, suffix) followed
 * by the name's script, sex hint, display forms and keys.
 */
export function formatNameDescription(d: NameDescription): string {
  const lines: string[] = [d.input === '' ? '(empty)' : d.input];
  if (d.empty) {
    lines.push('  no usable letter: the name is empty');
    return lines.join('\n');
  }
  const tokens = [...d.tokens].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
  const rows = [['role', 'written', 'canon', 'skeleton', 'stem', 'suffix']];
  for (const t of tokens) {
    rows.push([t.initial ? `${t.role} (initial)` : t.role, t.written, t.canon, t.skeleton, t.stem, t.suffix ? `-${t.suffix}` : '']);
  }
  lines.push(
    formatTable(rows)
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n'),
  );
  const facts = [
    ['script', d.script],
    ['sex', d.sex ? `${d.sex} (${d.sexEvidence.join('; ')})` : d.sexEvidence.length > 0 ? `unknown (${d.sexEvidence.join('; ')})` : 'unknown'],
    ['cyrillic', d.cyrillic],
    ['latin', d.latin],
    ['normalized', d.normalized],
    ['blocking keys', d.blockingKeys.join(' ')],
    ['frequency keys', [d.frequencyKeys.surname ? `surname ${d.frequencyKeys.surname}` : '', d.frequencyKeys.given ? `given ${d.frequencyKeys.given}` : ''].filter((x) => x).join(', ')],
  ];
  if (d.warnings.length > 0) facts.push(['warnings', d.warnings.join('; ')]);
  lines.push(
    formatTable(facts)
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n'),
  );
  return lines.join('\n');
}

/** Human view of a comparison: both names' display forms, the level of each part, sex, similarity, decision, evidence. */
export function formatComparison(a: NameDescription, b: NameDescription, c: NameComparison): string {
  const head = formatTable([
    ['A', a.input, a.latin, a.cyrillic],
    ['B', b.input, b.latin, b.cyrillic],
  ]);
  const levels = formatTable([
    ['part', 'level'],
    ['surname', c.surname],
    ['given', c.given],
    ['patronymic', c.patronymic],
    ['sex', c.sexConflict ? `conflict (${a.sex ?? '?'} / ${b.sex ?? '?'})` : `no conflict (${a.sex ?? '?'} / ${b.sex ?? '?'})`],
    ['similarity', c.similarity.toFixed(3)],
    ['decision', c.decision],
  ]);
  const ev = c.evidence.length > 0 ? c.evidence.map((e) => `  ${e}`).join('\n') : '  (none)';
  return `${head}\n\n${levels}\n\nevidence:\n${ev}`;
}
