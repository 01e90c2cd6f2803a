// The population estimate from merged persons: chooses the lists (leaving out lists that cover one category
// unless stratified by category), stratifies, fits each stratum, and adds the strata. Pure; strata in codepoint order.
import { compareStrings } from '../core/compare.js';
import { ReconError } from '../core/errors.js';
import { bootstrapInterval } from './bootstrap.js';
import { countObserved, formatHistory, tabulateHistories, type CaptureTable } from './capture-table.js';
import { compareModels, type ModelComparison, type ModelRow } from './models.js';
import { describeAssumptions } from './plain-language.js';
import { estimateTwoLists, logTransformInterval } from './two-list.js';
import type {
  Estimate,
  EstimateOptions,
  EstimatePerson,
  EstimateResult,
  EstimateSource,
  ExcludedList,
  ModelSelection,
  StratumEstimate,
  Stratifier,
} from './types.js';

/** Stratum label for people without a value of the stratifying field. */
export const UNKNOWN_STRATUM = '(unknown)';

const notEstimable = (named: number, reason: string, method = 'none'): Estimate => ({
  estimable: false,
  reason,
  named,
  N: null,
  se: null,
  lower: null,
  upper: null,
  method,
  interval: 'none',
});

/** The headline estimate of a single log-linear model row. */
function estimateFromModel(row: ModelRow, named: number, why: string): Estimate {
  if (!row.estimable || row.N === null || row.se === null) return notEstimable(named, row.reason ?? 'the model could not be fitted', `log-linear ${row.name}`);
  const base = {
    estimable: true,
    named,
    N: row.N,
    se: row.se,
    method: `log-linear ${row.name} (${why})`,
    model: row.name,
    ...(row.heterogeneity !== null ? { heterogeneity: true } : {}),
  };
  if (row.profile) return { ...base, lower: row.profile.lower, upper: row.profile.upper, interval: 'profile likelihood' };
  const li = logTransformInterval(row.N, row.se * row.se, named);
  return { ...base, lower: li?.lower ?? null, upper: li?.upper ?? null, interval: 'log-transformed (Chao 1987)' };
}

/** Picks the headline for k ≥ 3 lists according to the selection rule. */
function chooseFromModels(c: ModelComparison, selection: ModelSelection, allowSaturated: boolean, warnings: string[]): Estimate {
  const find = (name: string | null) => (name === null ? undefined : c.models.find((m) => m.name === name));
  if (selection === 'robust') {
    const r = c.robust;
    if (r) {
      const label = { pairwise: 'pairwise', darroch: 'Mth Darroch', poisson2: 'Mth Poisson2', 'gamma3.5': 'Mth Gamma3.5' } as const;
      const families = r.members.map((m) => `${label[m.family]} ${m.weight.toFixed(2)}`).join(', ');
      const single = r.members.length === 1 ? c.models.find((m) => m.name === r.members[0].name) : undefined;
      return {
        estimable: true,
        named: c.n,
        N: r.N,
        se: r.se,
        lower: r.lower,
        upper: r.upper,
        method:
          r.members.length === 1
            ? `log-linear ${r.members[0].name} (the only model family within ΔAIC ${r.margin} of the best)`
            : `Akaike-weighted average of the best model of ${r.members.length} families within ΔAIC ${r.margin} (${families})`,
        interval: single
          ? single.profile
            ? 'profile likelihood'
            : 'log-transformed (Chao 1987)'
          : `from the lowest to the highest end of the ${r.members.length} models’ 95% intervals`,
        ...(r.members.length === 1 ? { model: r.members[0].name } : {}),
        members: r.members.map((m) => ({ name: m.name, N: m.N, weight: m.weight })),
        ...(r.heterogeneity ? { heterogeneity: true } : {}),
      };
    }
    selection = 'aic';
  }
  if (selection === 'average') {
    if (!c.average) return notEstimable(c.n, 'no model could be estimated from these counts', 'Akaike-weighted average');
    const count = c.models.filter((m) => m.estimable).length;
    return {
      estimable: true,
      named: c.n,
      N: c.average.N,
      se: c.average.se,
      lower: c.average.lower,
      upper: c.average.upper,
      method: `Akaike-weighted average of ${count} log-linear models`,
      interval: 'log-transformed (Chao 1987) with the model-averaged SE of Buckland et al. (1997)',
    };
  }
  if (selection === 'independence') {
    const row = find('independence');
    return row ? estimateFromModel(row, c.n, 'independence') : notEstimable(c.n, 'the independence model was not fitted');
  }
  const label = selection === 'aic' ? 'AIC' : 'BIC';
  const anyPick = find(selection === 'aic' ? c.aicPick : c.bicPick);
  const unsatPick = find(selection === 'aic' ? c.aicPickUnsaturated : c.bicPickUnsaturated);
  if (!anyPick) return notEstimable(c.n, 'no model could be estimated from these counts');
  if (allowSaturated || !anyPick.saturated) return estimateFromModel(anyPick, c.n, `lowest ${label}`);
  if (!unsatPick) {
    warnings.push(`Only the saturated model could be estimated; it is the headline, but it cannot be checked against the data.`);
    return estimateFromModel(anyPick, c.n, `the only estimable model, saturated`);
  }
  warnings.push(
    `The headline uses ${unsatPick.name}, the lowest-${label} model that is not saturated; the saturated model (N̂ ${anyPick.N?.toFixed(1)}) is shown in the table.`,
  );
  return estimateFromModel(unsatPick, c.n, `lowest ${label} among non-saturated models`);
}

/** Fits one stratum given its persons and the lists allowed in it. */
function estimateStratum(
  stratum: string,
  persons: readonly EstimatePerson[],
  candidates: readonly string[],
  excludedUpfront: readonly ExcludedList[],
  options: Required<Pick<EstimateOptions, 'selection' | 'allowSaturated' | 'profile' | 'heterogeneity'>> & Pick<EstimateOptions, 'interval' | 'bootstrap'>,
): StratumEstimate {
  const warnings: string[] = [];
  const sizes = new Map<string, number>(candidates.map((c) => [c, 0]));
  for (const p of persons) for (const s of new Set(p.sources)) if (sizes.has(s)) sizes.set(s, (sizes.get(s) as number) + 1);
  const lists = candidates.filter((c) => (sizes.get(c) as number) > 0);
  const excluded: ExcludedList[] = [
    ...excludedUpfront,
    ...candidates.filter((c) => sizes.get(c) === 0).map((name) => ({ name, reason: stratum === 'all' ? 'names nobody' : 'names nobody in this stratum' })),
  ];
  const table: CaptureTable = tabulateHistories(persons, lists);
  const named = countObserved(table);
  const histories: { history: string; count: number }[] = [];
  for (let mask = 1; mask < 1 << lists.length; mask++) histories.push({ history: formatHistory(mask, lists.length), count: table.counts[mask] });
  histories.sort((a, b) => compareStrings(a.history, b.history));
  const pairs: StratumEstimate['pairs'] = [];
  for (let j = 0; j < lists.length; j++) {
    for (let l = j + 1; l < lists.length; l++) {
      const both = histories.reduce((s, h) => s + (h.history[j] === '1' && h.history[l] === '1' ? h.count : 0), 0);
      pairs.push({ lists: [lists[j], lists[l]], result: estimateTwoLists(sizes.get(lists[j]) as number, sizes.get(lists[l]) as number, both) });
    }
  }
  const models = lists.length >= 2 ? compareModels(table, { profile: options.profile, heterogeneity: options.heterogeneity }) : null;
  if (models) warnings.push(...models.warnings);

  let estimate: Estimate;
  if (lists.length === 0) {
    estimate = notEstimable(named, 'no list used here names anyone in this group');
  } else if (lists.length === 1) {
    estimate = notEstimable(named, `only one list (${lists[0]}) names people in this group; capture–recapture needs at least two`);
  } else if (lists.length === 2) {
    const r = pairs[0].result;
    if (r.m === 0) {
      estimate = notEstimable(named, `the two lists (${lists[0]}, ${lists[1]}) share no one, so there is no overlap to estimate from`, 'Chapman (two lists)');
    } else {
      estimate = {
        estimable: true,
        named,
        N: r.chapman.N,
        se: r.chapman.se,
        lower: r.chapman.logInterval?.lower ?? null,
        upper: r.chapman.logInterval?.upper ?? null,
        method: 'Chapman (two lists)',
        interval: 'log-transformed (Chao 1987)',
      };
      warnings.push('With only two lists their independence cannot be checked; treat the estimate as indicative.');
      if (r.m < 10) warnings.push(`Only ${r.m} people are on both lists: the estimate is very unstable.`);
    }
  } else {
    estimate = chooseFromModels(models as ModelComparison, options.selection, options.allowSaturated, warnings);
    if (options.interval === 'bootstrap' && estimate.estimable && estimate.model === undefined && estimate.members) {
      warnings.push('The bootstrap interval applies to a single-model headline (--select aic, bic or independence); the robust headline keeps its range across model families.');
    }
    if (options.interval === 'bootstrap' && estimate.estimable && estimate.model !== undefined) {
      const row = (models as ModelComparison).models.find((m) => m.name === estimate.model) as ModelRow;
      const b = options.bootstrap ?? {};
      const boot = bootstrapInterval(table, row.termIndices, { ...b, heterogeneity: row.heterogeneity });
      if (boot) {
        estimate = {
          ...estimate,
          lower: boot.lower,
          upper: boot.upper,
          interval: `parametric bootstrap (${boot.replicates} replicates, seed ${boot.seed}${boot.reselect ? ', model re-selected by AIC in each' : ''})`,
        };
        if (boot.failed > 0) warnings.push(`${boot.failed} of ${boot.replicates} bootstrap replicates could not be fitted and were left out.`);
      } else {
        warnings.push('The bootstrap failed (too few replicates could be fitted); the interval shown is the profile likelihood.');
      }
    }
  }
  const onlyOnExcluded = persons.length - named;
  if (estimate.estimable && estimate.N !== null && estimate.N < persons.length) {
    warnings.push(
      `The estimate (${estimate.N.toFixed(1)}) is below the ${persons.length} people named on any list in this group: the lists used miss people that the others name, so their model does not hold.`,
    );
  }
  return {
    stratum,
    persons: persons.length,
    lists,
    excluded,
    onlyOnExcluded,
    listSizes: lists.map((name) => ({ name, count: sizes.get(name) as number })),
    histories,
    pairs,
    models,
    estimate,
    warnings,
  };
}

function stratumValue(p: EstimatePerson, by: Stratifier): string | undefined {
  const v = p[by];
  return v === undefined || v === '' ? undefined : v;
}

/**
 * Estimates the total number of people, named and unnamed, from merged persons and the lists that name them.
 * Two lists: Chapman with a log-transformed interval. Three or more: log-linear models compared by AIC/BIC, the
 * headline from `selection`, profile-likelihood interval. Stratified: each stratum fitted alone, totals added, interval
 * log-transformed on the total unseen. A list that covers one category is used only inside that category's stratum,
 * and left out of pooled estimates unless `includeCoverageLists`.
 * @example
 * estimatePopulation(persons, [{ name: 'media' }, { name: 'ngo' }, { name: 'official', covers: 'security' }], {})
 * // → official left out; Chapman estimate from media and ngo
 */
export function estimatePopulation(
  persons: readonly EstimatePerson[],
  sources: readonly EstimateSource[],
  options: EstimateOptions = {},
): EstimateResult {
  const warnings: string[] = [];
  const selection = options.selection ?? 'robust';
  const stratify = options.stratify ?? null;
  const fitOptions = {
    selection,
    allowSaturated: options.allowSaturated ?? false,
    profile: options.profile ?? true,
    heterogeneity: options.heterogeneity ?? true,
    interval: options.interval,
    bootstrap: options.bootstrap,
  };

  const known: EstimateSource[] = [];
  for (const s of sources) if (!known.some((k) => k.name === s.name)) known.push(s);
  const knownNames = new Set(known.map((s) => s.name));
  if (options.lists) {
    for (const name of options.lists) {
      if (!knownNames.has(name)) {
        throw new ReconError('USAGE', `unknown list "${name}" (the lists are: ${known.map((s) => s.name).join(', ')})`, {
          hint: 'give list names as in report.json, separated by commas',
        });
      }
    }
  }
  const strays = new Set<string>();
  for (const p of persons) for (const s of p.sources) if (!knownNames.has(s)) strays.add(s);
  if (strays.size > 0) warnings.push(`Persons name lists that are not declared, ignored: ${[...strays].sort(compareStrings).join(', ')}.`);

  const selected = options.lists ? known.filter((s) => options.lists?.includes(s.name)) : known;
  const excluded: ExcludedList[] = known
    .filter((s) => !selected.includes(s))
    .map((s) => ({ name: s.name, reason: 'not among the chosen lists' }));
  const coverage = selected.filter((s) => s.covers !== undefined && s.covers !== '');
  const general = selected.filter((s) => !coverage.includes(s));

  // Which coverage lists enter: inside their own stratum when stratified by category, pooled only on request.
  const pooledCoverage: string[] = [];
  for (const s of coverage) {
    if (stratify === 'category') continue;
    if (options.includeCoverageLists) {
      pooledCoverage.push(s.name);
      warnings.push(
        `${s.name} names only ${s.covers} victims but is used for everyone (as asked): everybody else has no chance to appear on it, which breaks the method and biases the estimate. Stratify by category instead.`,
      );
    } else {
      excluded.push({
        name: s.name,
        reason: `covers only ${s.covers}: no one else can appear on it, which breaks the method; left out (stratify by category to use it inside its stratum, or force it with --include-coverage-lists)`,
      });
    }
  }

  const lists = [...general.map((s) => s.name), ...pooledCoverage];
  const strata: StratumEstimate[] = [];
  if (stratify === null) {
    strata.push(estimateStratum('all', persons, lists, [], fitOptions));
  } else {
    const groups = new Map<string, EstimatePerson[]>();
    let imputed = 0;
    let contradictory = 0;
    for (const p of persons) {
      let value = stratumValue(p, stratify);
      if (stratify === 'category') {
        const covering = coverage.filter((s) => p.sources.includes(s.name));
        if (value === undefined && covering.length > 0) {
          value = covering[0].covers;
          imputed++;
        } else if (value !== undefined && covering.some((s) => s.covers !== value)) {
          contradictory++;
        }
      }
      const key = value ?? UNKNOWN_STRATUM;
      const group = groups.get(key);
      if (group) group.push(p);
      else groups.set(key, [p]);
    }
    if (imputed > 0) warnings.push(`${imputed} people without a category were put in the category of the one-category list that names them.`);
    if (contradictory > 0) {
      warnings.push(`${contradictory} people are named on a one-category list but carry another category; that list is not used for them.`);
    }
    const keys = [...groups.keys()].sort((a, b) => (a === UNKNOWN_STRATUM ? 1 : b === UNKNOWN_STRATUM ? -1 : compareStrings(a, b)));
    for (const key of keys) {
      const own = stratify === 'category' ? coverage.filter((s) => s.covers === key).map((s) => s.name) : [];
      const notHere: ExcludedList[] =
        stratify === 'category'
          ? coverage.filter((s) => s.covers !== key).map((s) => ({ name: s.name, reason: `covers only ${s.covers}` }))
          : [];
      strata.push(estimateStratum(key, groups.get(key) as EstimatePerson[], [...lists, ...own], notHere, fitOptions));
    }
    if (groups.has(UNKNOWN_STRATUM)) {
      warnings.push(
        `${(groups.get(UNKNOWN_STRATUM) as EstimatePerson[]).length} people have no ${stratify}; they are estimated as a separate group and added.`,
      );
    }
  }

  const total = stratify === null ? { ...strata[0].estimate } : addStrata(strata, warnings);
  const personsTotal = persons.length;
  if (total.estimable && total.N !== null && total.N < personsTotal) {
    warnings.push(`The total estimate (${total.N.toFixed(1)}) is below the ${personsTotal} distinct people named on any list.`);
  }
  for (const s of strata) for (const w of s.warnings) warnings.push(stratify === null ? w : `${s.stratum}: ${w}`);
  const usedLists = lists.concat(stratify === 'category' ? coverage.map((s) => s.name) : []);
  const result: EstimateResult = {
    persons: personsTotal,
    lists: usedLists,
    excluded,
    stratify,
    selection,
    officialTotal: options.officialTotal ?? null,
    strata,
    total,
    warnings,
    plainLanguage: [],
  };
  result.plainLanguage = describeAssumptions(result, known);
  return result;
}

/** Adds stratum estimates; strata that cannot be estimated enter at their named count and make the total partial. */
function addStrata(strata: readonly StratumEstimate[], warnings: string[]): Estimate {
  let N = 0;
  let variance = 0;
  let named = 0;
  const missing: string[] = [];
  for (const s of strata) {
    if (s.estimate.estimable && s.estimate.N !== null && s.estimate.se !== null) {
      N += s.estimate.N;
      variance += s.estimate.se * s.estimate.se;
      named += s.estimate.named;
    } else {
      N += s.persons;
      named += s.persons;
      missing.push(s.stratum);
    }
  }
  if (missing.length === strata.length) {
    return notEstimable(named, 'no stratum could be estimated', 'sum of strata');
  }
  const li = logTransformInterval(N, variance, named);
  if (missing.length > 0) {
    warnings.push(
      `Groups ${missing.join(', ')} could not be estimated and are counted at their named people only: the total is a lower bound. Merge small groups deliberately or estimate without stratifying.`,
    );
  }
  return {
    estimable: true,
    named,
    N,
    se: Math.sqrt(variance),
    lower: li?.lower ?? null,
    upper: li?.upper ?? null,
    method: `sum of ${strata.length} separately estimated strata`,
    interval: 'log-transformed (Chao 1987) on the total unseen, strata independent',
    ...(missing.length > 0 ? { partial: true } : {}),
  };
}
