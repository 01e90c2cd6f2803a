// Renders an estimate result as an aligned plain-text report (terminal) or Markdown (report.md). Pure.
import type { ModelRow } from './models.js';
import type { ClusteringSpread, LinkageRange, SensitivityRow } from './sensitivity.js';
import type { Estimate, EstimateResult, StratumEstimate } from './types.js';

export interface RenderOptions {
  /** Models shown per stratum (lowest AIC first; the independence model and the headline always shown). Default 12. */
  maxModels?: number;
  /** Estimates under other linkages (thresholds). */
  thresholds?: readonly SensitivityRow[];
  /** Spread over sampled clusterings. */
  clusterings?: ClusteringSpread | null;
  /** The headline interval widened by linkage uncertainty (shown when it is wider than the headline's). */
  linkage?: LinkageRange | null;
}

/** One sentence on the interval widened by linkage uncertainty, or null when no other linkage widens it. */
function linkageSentence(l: LinkageRange | null | undefined): string | null {
  if (!l || !l.widened) return null;
  return (
    `With linkage uncertainty: 95% ${intervalText(l.lower, l.upper)} (lowest end from ${l.lowerFrom}, highest from ${l.upperFrom}). ` +
    'The interval above assumes every link is right; this one spans the estimates under the stricter and looser matching and the sampled clusterings too. ' +
    'Records of one person left unlinked push every estimate up, so the total is more likely near the lower end than the upper.'
  );
}

const num = (v: number | null | undefined, digits = 1): string => (v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(digits));

function intervalText(lower: number | null, upper: number | null, estimable = true): string {
  if (!estimable || lower === null) return '–';
  return `${num(lower)}–${upper === null ? 'unbounded' : num(upper)}`;
}

function estimateLine(e: Estimate): string {
  if (!e.estimable || e.N === null) return `not estimable: ${e.reason ?? 'unknown reason'}`;
  return `${num(e.N)} (SE ${num(e.se)}; 95% ${intervalText(e.lower, e.upper)}, ${e.interval}); method: ${e.method}${e.partial ? '; partial (lower bound)' : ''}`;
}

/** Pads cells into aligned columns; `right` marks numeric columns. */
function alignTable(header: readonly string[], rows: readonly (readonly string[])[], right: readonly boolean[], indent = '  '): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) =>
    indent + cells.map((c, i) => (right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** The model rows to show: the best by AIC, plus independence and the headline model when they fall outside. */
function visibleModels(s: StratumEstimate, maxModels: number): ModelRow[] {
  if (!s.models) return [];
  const all = s.models.models;
  const shown = all.slice(0, maxModels);
  const headlineName = s.estimate.method.startsWith('log-linear ') ? s.estimate.method.slice('log-linear '.length).replace(/ \(.*$/, '') : null;
  const members = new Set((s.estimate.members ?? []).map((m) => m.name));
  for (const r of all) {
    if (shown.includes(r)) continue;
    if (r.name === 'independence' || r.name === headlineName || members.has(r.name)) shown.push(r);
  }
  return shown;
}

const MODEL_HEADER = ['model', 'N̂', 'SE', '95% profile', 'deviance', 'df', 'AIC', 'ΔAIC', 'weight', 'BIC'];
const MODEL_RIGHT = [false, true, true, true, true, true, true, true, true, true];

function modelCells(r: ModelRow): string[] {
  if (!r.estimable) return [r.name + (r.saturated ? ' (saturated)' : ''), '–', '–', 'not estimable', '–', String(r.df), '–', '–', '–', '–'];
  return [
    r.name + (r.saturated ? ' (saturated)' : ''),
    num(r.N),
    num(r.se),
    r.profile ? intervalText(r.profile.lower, r.profile.upper) : '–',
    num(r.deviance, 2),
    String(r.df),
    num(r.aic, 2),
    num(r.deltaAic, 2),
    num(r.weight, 3),
    num(r.bic, 2),
  ];
}

/** One line per model that could not be estimated, with the reason in plain words. */
function notEstimableLines(models: readonly ModelRow[]): string[] {
  return models.filter((r) => !r.estimable).map((r) => `not estimable: ${r.name}: ${r.reason ?? 'the fit failed'}`);
}

const PAIR_HEADER = ['lists', 'n1', 'n2', 'both', 'Lincoln–Petersen', 'Chapman', 'SE', '95% log'];
const PAIR_RIGHT = [false, true, true, true, true, true, true, true];

function pairCells(p: StratumEstimate['pairs'][number]): string[] {
  const r = p.result;
  return [
    `${p.lists[0]}×${p.lists[1]}`,
    String(r.n1),
    String(r.n2),
    String(r.m),
    num(r.lincolnPetersen.N),
    num(r.chapman.N),
    num(r.chapman.se),
    r.chapman.logInterval ? intervalText(r.chapman.logInterval.lower, r.chapman.logInterval.upper) : '–',
  ];
}

function pickLine(s: StratumEstimate): string | null {
  const c = s.models;
  if (!c || s.lists.length < 3) return null;
  const parts = [`AIC picks ${c.aicPick ?? '–'}`, `BIC picks ${c.bicPick ?? '–'}`];
  if (c.aicPick !== c.aicPickUnsaturated) parts.push(`lowest AIC without the saturated model: ${c.aicPickUnsaturated ?? '–'}`);
  if (c.average) parts.push(`Akaike-weighted average of all models ${num(c.average.N)} (95% ${intervalText(c.average.lower, c.average.upper)})`);
  return parts.join('; ') + '.';
}

/** The best model of each family behind the robust headline, and the heterogeneity coefficients. */
function familyLine(s: StratumEstimate): string | null {
  const r = s.models?.robust;
  if (!r || s.lists.length < 3) return null;
  const members = r.members.map(
    (m) => `${m.name}: ${num(m.N)} (${intervalText(m.lower, m.upper)}; ΔAIC ${num(m.deltaAic, 2)}, weight ${num(m.weight, 2)})`,
  );
  const het = (s.models?.models ?? []).filter((m) => r.members.some((x) => x.name === m.name) && m.heterogeneityCoefficient);
  const coef = het.map((m) => `${m.name} ${num(m.heterogeneityCoefficient?.value, 3)} (SE ${num(m.heterogeneityCoefficient?.se, 3)})`);
  return (
    `Best model of each family within ΔAIC ${r.margin} (the robust headline averages them; its range spans their intervals): ${members.join('; ')}.` +
    (coef.length > 0 ? ` Heterogeneity coefficients (> 0: people differ in how likely lists are to name them): ${coef.join('; ')}.` : '')
  );
}

function sensitivityRows(rows: readonly SensitivityRow[]): string[][] {
  return rows.map((r) => [r.label, String(r.persons), num(r.estimate.N), intervalText(r.estimate.lower, r.estimate.upper, r.estimate.estimable), r.estimate.estimable ? r.estimate.method : `not estimable: ${r.estimate.reason ?? ''}`]);
}
const SENS_HEADER = ['linkage', 'persons', 'N̂', '95%', 'method'];
const SENS_RIGHT = [false, true, true, true, false];

/** Plain-text report with aligned tables, for the terminal. Deterministic. */
export function renderEstimateText(result: EstimateResult, options: RenderOptions = {}): string {
  const maxModels = options.maxModels ?? 12;
  const out: string[] = [];
  out.push('Population estimate (multiple systems estimation)');
  out.push(`Named on at least one list: ${result.persons} (a minimum)`);
  out.push(`Lists used: ${result.lists.join(', ') || 'none'}`);
  for (const x of result.excluded) out.push(`Left out: ${x.name}: ${x.reason}`);
  if (result.stratify) out.push(`Stratified by ${result.stratify}: ${result.strata.length} strata, each fitted separately and added.`);
  out.push(`Estimated total: ${estimateLine(result.total)}`);
  const linkage = linkageSentence(options.linkage);
  if (linkage) out.push(linkage);
  if (result.officialTotal !== null) out.push(`Official total: ${result.officialTotal}`);
  for (const s of result.strata) {
    out.push('');
    out.push(result.stratify ? `Stratum ${s.stratum}: ${s.persons} people` : `All people: ${s.persons}`);
    out.push(`  lists: ${s.listSizes.map((l) => `${l.name} ${l.count}`).join(', ') || 'none'}`);
    if (result.stratify) for (const x of s.excluded) out.push(`  not used here: ${x.name} (${x.reason})`);
    if (s.onlyOnExcluded > 0) out.push(`  named only on lists not used here: ${s.onlyOnExcluded}`);
    out.push(`  estimate: ${estimateLine(s.estimate)}`);
    if (s.lists.length >= 1) {
      out.push(`  capture histories (${s.lists.join(' ')}):`);
      out.push(...alignTable(['history', 'people'], s.histories.map((h) => [h.history, String(h.count)]), [false, true], '    '));
    }
    if (s.pairs.length > 0) {
      out.push('  two-list estimates:');
      out.push(...alignTable(PAIR_HEADER, s.pairs.map(pairCells), PAIR_RIGHT, '    '));
    }
    const models = visibleModels(s, maxModels);
    if (models.length > 0) {
      const hidden = (s.models?.models.length ?? 0) - models.length;
      out.push(`  log-linear models, lowest AIC first${hidden > 0 ? ` (${hidden} more not shown)` : ''}:`);
      out.push(...alignTable(MODEL_HEADER, models.map(modelCells), MODEL_RIGHT, '    '));
      for (const line of notEstimableLines(models)) out.push(`    ${line}`);
    }
    const picks = pickLine(s);
    if (picks) out.push(`  ${picks}`);
    const families = familyLine(s);
    if (families) out.push(`  ${families}`);
  }
  if (options.thresholds && options.thresholds.length > 0) {
    out.push('');
    out.push('Estimate under stricter and looser matching:');
    out.push(...alignTable(SENS_HEADER, sensitivityRows(options.thresholds), SENS_RIGHT));
  }
  if (options.clusterings) out.push('', ...clusteringLines(options.clusterings));
  if (result.warnings.length > 0) {
    out.push('');
    out.push('Warnings:');
    for (const w of result.warnings) out.push(`  - ${w}`);
  }
  out.push('');
  out.push('What this means:');
  for (const p of result.plainLanguage) out.push(`  - ${p}`);
  return out.join('\n') + '\n';
}

function clusteringLines(c: ClusteringSpread): string[] {
  const spread = c.N ? `N̂ ${num(c.N.p2_5)} to ${num(c.N.p97_5)} (median ${num(c.N.median)})` : 'no estimable draw';
  return [
    `Over ${c.draws} clusterings sampled from the link probabilities (seed ${c.seed}): ${spread}; ` +
      `persons ${c.persons.min}–${c.persons.max}; ${c.estimable} of ${c.draws} draws estimable. This spread is from linkage alone, not sampling error.`,
  ];
}

const mdEscape = (s: string): string => s.replace(/\|/g, '\\|');

function mdTable(header: readonly string[], rows: readonly (readonly string[])[], right: readonly boolean[]): string[] {
  return [
    `| ${header.map(mdEscape).join(' | ')} |`,
    `|${right.map((r) => (r ? '---:' : '---')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(mdEscape).join(' | ')} |`),
  ];
}

/** Markdown section for report.md (starts with a level-2 heading). Deterministic. */
export function renderEstimateMarkdown(result: EstimateResult, options: RenderOptions = {}): string {
  const maxModels = options.maxModels ?? 12;
  const out: string[] = [];
  out.push('## Population estimate (multiple systems estimation)');
  out.push('');
  for (const p of result.plainLanguage) out.push(`- ${p}`);
  out.push('');
  out.push(`**Estimated total:** ${estimateLine(result.total)}.`);
  const linkage = linkageSentence(options.linkage);
  if (linkage) out.push('', linkage);
  out.push('');
  out.push(`Named on at least one list: ${result.persons}. Lists used: ${result.lists.join(', ') || 'none'}.`);
  if (result.excluded.length > 0) {
    out.push('');
    for (const x of result.excluded) out.push(`- Left out: **${x.name}**: ${x.reason}.`);
  }
  if (result.stratify) {
    out.push('');
    out.push(`Stratified by ${result.stratify}; each stratum is fitted separately and the totals are added.`);
    out.push('');
    out.push(
      ...mdTable(
        ['stratum', 'people', 'lists', 'N̂', '95%', 'method'],
        result.strata.map((s) => [
          s.stratum,
          String(s.persons),
          s.lists.join(', '),
          num(s.estimate.N),
          intervalText(s.estimate.lower, s.estimate.upper, s.estimate.estimable),
          s.estimate.estimable ? `${s.estimate.method}; ${s.estimate.interval}` : `not estimable: ${s.estimate.reason ?? ''}`,
        ]),
        [false, true, false, true, true, false],
      ),
    );
  }
  for (const s of result.strata) {
    out.push('');
    out.push(result.stratify ? `### Stratum ${s.stratum}` : '### Lists and models');
    out.push('');
    out.push(`People: ${s.persons}; lists: ${s.listSizes.map((l) => `${l.name} ${l.count}`).join(', ') || 'none'}.` + (s.onlyOnExcluded > 0 ? ` Named only on lists not used here: ${s.onlyOnExcluded}.` : ''));
    out.push('');
    out.push(`Estimate: ${estimateLine(s.estimate)}.`);
    if (s.lists.length >= 2) {
      out.push('');
      out.push(...mdTable(['history (' + s.lists.join(' ') + ')', 'people'], s.histories.map((h) => [`\`${h.history}\``, String(h.count)]), [false, true]));
    }
    if (s.pairs.length > 0) {
      out.push('');
      out.push(...mdTable(PAIR_HEADER, s.pairs.map(pairCells), PAIR_RIGHT));
    }
    const models = visibleModels(s, maxModels);
    if (models.length > 0) {
      out.push('');
      out.push(...mdTable(MODEL_HEADER, models.map(modelCells), MODEL_RIGHT));
      const reasons = notEstimableLines(models);
      if (reasons.length > 0) out.push('', ...reasons.map((l) => `- ${l}`));
      const hidden = (s.models?.models.length ?? 0) - models.length;
      if (hidden > 0) out.push('', `${hidden} further models not shown.`);
    }
    const picks = pickLine(s);
    if (picks) out.push('', picks);
    const families = familyLine(s);
    if (families) out.push('', families);
  }
  if (options.thresholds && options.thresholds.length > 0) {
    out.push('');
    out.push('### Estimate under stricter and looser matching');
    out.push('');
    out.push(...mdTable(SENS_HEADER, sensitivityRows(options.thresholds), SENS_RIGHT));
  }
  if (options.clusterings) out.push('', ...clusteringLines(options.clusterings));
  if (result.warnings.length > 0) {
    out.push('');
    out.push('### Warnings');
    out.push('');
    for (const w of result.warnings) out.push(`- ${w}`);
  }
  return out.join('\n') + '\n';
}
