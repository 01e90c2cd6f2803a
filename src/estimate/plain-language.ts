// Plain-language statements of what an estimate assumes and how it can be wrong, filled in with a run's figures
// (estimation note §8). Pure.
import type { EstimateResult, EstimateSource } from './types.js';

/** Rounds a count for prose: whole people, no locale-dependent grouping. */
export function formatCount(value: number): string {
  return String(Math.round(value));
}

/**
 * Statements for readers who are not statisticians, one per line, in a fixed order.
 * @example describeAssumptions(result, sources)[0] // "212 people are named on at least one list. …"
 */
export function describeAssumptions(result: EstimateResult, sources: readonly EstimateSource[]): string[] {
  const out: string[] = [];
  const t = result.total;
  out.push(`${result.persons} people are named on at least one list. That is a minimum, not the death toll.`);
  if (t.estimable && t.N !== null) {
    const range =
      t.upper === null
        ? `the data support at least ${formatCount(t.lower ?? t.named)} but set no upper limit`
        : `the range we can support is ${formatCount(t.lower as number)} to ${formatCount(t.upper)}`;
    out.push(
      `The estimate of the total, including people no list recorded, is ${formatCount(t.N)}, and ${range} (95%, ${t.interval}). Quote the range, not the single number.`,
    );
    const official = result.officialTotal;
    if (official !== null && t.lower !== null) {
      const where =
        official < t.lower ? 'below this range' : t.upper !== null && official > t.upper ? 'above this range' : 'inside this range';
      out.push(`The official count, ${official}, lies ${where}. It has no names, so it cannot enter the estimate; it is only compared with it.`);
    }
    if (t.partial) out.push('Some groups could not be estimated and are counted only by their named people, so the total is a lower bound.');
  } else {
    out.push(`No estimate of the total can be made from these lists: ${t.reason ?? 'the data do not allow it'}.`);
  }
  out.push(
    'The estimate assumes the lists were compiled separately. Where one list copied another (for example an NGO list built from press reports) the real total is probably higher than our estimate; where lists deliberately skip people already recorded elsewhere, it is probably lower.',
  );
  out.push(
    'It also assumes all lists describe the same event, period, place and definition of who counts as a victim. A list with a wider or narrower definition distorts the estimate.',
  );
  out.push(
    'People that no list was likely to record at all (unidentified, foreign, rural, hidden by families) are only partly accounted for; for them the estimate is probably too low.',
  );
  for (const s of sources) {
    if (!s.covers) continue;
    let how: string;
    if (result.stratify === 'category') how = 'We estimate each group separately and add the results; this list is used only for its own group.';
    else if (result.lists.includes(s.name)) how = 'It was used for everyone anyway, as asked: that breaks the method and the estimate is biased.';
    else how = 'It was left out of the estimate; its names still count in the minimum above.';
    out.push(`The list ${s.name} covers only one group (${s.covers}), so it tells us nothing about other victims. ${how}`);
  }
  out.push(
    'Matching names across lists is imperfect. Merging two different people lowers the estimate; failing to recognise one person under two spellings raises it. Look at the estimate under stricter and looser matching before quoting it.',
  );
  const heterogeneous = t.estimable && (t.heterogeneity || result.strata.some((s) => s.estimate.heterogeneity));
  if (heterogeneous) {
    out.push(
      'Some people were much more likely than others to be recorded: people on one list are on the others more often than chance would allow (heterogeneity). The estimate allows for this with models in which each person has their own chance of being listed. Such models can fit the lists equally well and still disagree on how many people no list recorded, so the range covers all of them that the data support; the people least likely to be recorded are the ones the estimate is least sure about.',
    );
  }
  const fitted = result.strata.flatMap((s) => (s.models ? s.models.models.filter((m) => m.estimable && !m.saturated && m.N !== null) : []));
  if (result.stratify === null && result.strata[0]?.lists.length >= 3 && fitted.length > 1) {
    const values = fitted.map((m) => m.N as number);
    out.push(
      `Different reasonable statistical models give different totals, here from ${formatCount(Math.min(...values))} to ${formatCount(Math.max(...values))}. We show them side by side instead of picking the convenient one.`,
    );
  } else if (result.stratify !== null) {
    out.push('Different reasonable statistical models give different totals; each group’s table shows them side by side.');
  }
  if (result.strata.some((s) => s.lists.length === 2)) {
    out.push('With only two lists the key assumption (that the lists are independent) cannot be checked at all; treat such an estimate as indicative.');
  }
  out.push('The estimate says how many, not who: it cannot name the missing or say how any one person died.');
  return out;
}
