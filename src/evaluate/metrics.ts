// Linkage quality against a known truth: pairwise and B-cubed precision/recall/F1 from contingency counts (never by
// enumerating pairs), per script pair, blocking recall, relatives and namesakes merged, and the worst errors by name.
// Pure: takes parsed rows, returns plain data sorted deterministically.
import { compareRecordKeys, compareStrings } from '../core/compare.js';

/** One row of truth.csv: `source,row,true_person_id[,script]`. */
export interface TruthRow {
  key: string;
  personId: string;
  script?: string;
}

/** One row of records.csv as far as evaluation needs it. Rejected records have an empty person id. */
export interface PredictedRow {
  key: string;
  personId: string;
  status: string;
  name: string;
}

/** A candidate pair of record keys, as blocking produced it. */
export type CandidatePair = readonly [string, string];

/** What truth/persons.csv says about relations between true persons. */
export interface PersonRelation {
  personId: string;
  familyId?: string;
  similarTo?: string;
  similarKind?: string;
}

export interface EvaluateOptions {
  /** Candidate pairs for blocking recall. */
  pairs?: Iterable<CandidatePair>;
  relations?: PersonRelation[];
  /** How many worst false merges and missed links to list (default 10). */
  worst?: number;
}

export interface PrecisionRecall {
  precision: number;
  recall: number;
  f1: number;
}

export interface PairCounts extends PrecisionRecall {
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
}

export interface ScriptPairResult extends PairCounts {
  a: string;
  b: string;
}

export interface ErrorRecord {
  key: string;
  name: string;
  truePersonId: string;
  predictedPersonId: string;
}

export interface FalseMerge {
  predictedPersonId: string;
  truePersons: number;
  wrongPairs: number;
  records: ErrorRecord[];
}

export interface MissedLink {
  truePersonId: string;
  predictedPersons: number;
  missedPairs: number;
  records: ErrorRecord[];
}

export interface RelationMerges {
  /** Pairs of distinct true persons with this relation that are both in the evaluated records. */
  pairs: number;
  /** Of those, pairs put into one predicted person. */
  merged: number;
  examples: Array<{ a: string; b: string; kind: string }>;
}

export interface BlockingResult {
  candidatePairs: number;
  truePairs: number;
  coveredTruePairs: number;
  recall: number;
  /** Candidate pairs naming a record that is not in the truth. */
  unknownRecords: number;
}

export interface LinkageEvaluation {
  records: number;
  truePersons: number;
  predictedPersons: number;
  rejected: number;
  pairwise: PairCounts;
  bcubed: PrecisionRecall;
  byScriptPair: ScriptPairResult[];
  blocking?: BlockingResult;
  relatives?: RelationMerges;
  namesakes?: RelationMerges;
  falseMerges: FalseMerge[];
  missedLinks: MissedLink[];
  rejectedRecords: Array<{ key: string; name: string; truePersonId: string }>;
  warnings: string[];
}

const pairsOf = (n: number): number => (n * (n - 1)) / 2;

function ratio(num: number, den: number): number {
  return den === 0 ? 1 : num / den;
}

function prf(precision: number, recall: number): PrecisionRecall {
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function pairCounts(truePairs: number, predictedPairs: number, correctPairs: number): PairCounts {
  return { truePairs, predictedPairs, correctPairs, ...prf(ratio(correctPairs, predictedPairs), ratio(correctPairs, truePairs)) };
}

/** Counts same-script and cross-script pairs inside one cluster from its per-script record counts. */
function addScriptPairs(counts: Map<string, number>, into: Map<string, number>): void {
  const scripts = Array.from(counts.keys()).sort(compareStrings);
  for (let i = 0; i < scripts.length; i++) {
    const ci = counts.get(scripts[i]) ?? 0;
    const same = pairsOf(ci);
    if (same > 0) {
      const k = `${scripts[i]}\u0000${scripts[i]}`;
      into.set(k, (into.get(k) ?? 0) + same);
    }
    for (let j = i + 1; j < scripts.length; j++) {
      const k = `${scripts[i]}\u0000${scripts[j]}`;
      into.set(k, (into.get(k) ?? 0) + ci * (counts.get(scripts[j]) ?? 0));
    }
  }
}

function bump(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/**
 * Scores predicted persons against the truth. Records are those of the truth; a truth record missing from the
 * predictions, or rejected there, counts as a predicted singleton. Pairwise counts come from the contingency
 * table of predicted × true persons: correct = Σ C(n_ij, 2), predicted = Σ C(a_i, 2), true = Σ C(b_j, 2).
 * @example
 * evaluateLinkage(
 *   [{ key: 'a:1', personId: 'P1' }, { key: 'b:1', personId: 'P1' }],
 *   [{ key: 'a:1', personId: 'x', status: 'linked', name: 'Ахметов Ерлан' },
 *    { key: 'b:1', personId: 'x', status: 'linked', name: 'Akhmetov Yerlan' }],
 * ).pairwise.f1 // 1
 */
export function evaluateLinkage(truth: TruthRow[], predicted: PredictedRow[], opts: EvaluateOptions = {}): LinkageEvaluation {
  const worst = opts.worst ?? 10;
  const warnings: string[] = [];
  const predByKey = new Map<string, PredictedRow>();
  for (const p of predicted) predByKey.set(p.key, p);

  // Record → (true, predicted) ids; rejected or missing predictions become singleton ids that cannot collide.
  const n = truth.length;
  const trueIds: string[] = new Array(n);
  const predIds: string[] = new Array(n);
  const names: string[] = new Array(n);
  const truthKeys = new Set<string>();
  let missing = 0;
  let rejected = 0;
  const rejectedRecords: LinkageEvaluation['rejectedRecords'] = [];
  for (let i = 0; i < n; i++) {
    const t = truth[i];
    truthKeys.add(t.key);
    trueIds[i] = t.personId;
    const p = predByKey.get(t.key);
    if (!p) {
      missing++;
      predIds[i] = `\u0000missing:${t.key}`;
      names[i] = '';
    } else if (p.personId === '' || p.status === 'rejected') {
      rejected++;
      predIds[i] = `\u0000rejected:${t.key}`;
      names[i] = p.name;
      rejectedRecords.push({ key: t.key, name: p.name, truePersonId: t.personId });
    } else {
      predIds[i] = p.personId;
      names[i] = p.name;
    }
  }
  if (missing > 0) warnings.push(`${missing} truth record(s) not found in the records file; counted as singletons`);
  let extra = 0;
  for (const p of predicted) if (!truthKeys.has(p.key)) extra++;
  if (extra > 0) warnings.push(`${extra} record(s) of the records file are not in the truth; ignored`);

  // Contingency table.
  const cell = new Map<string, number>();
  const predSize = new Map<string, number>();
  const trueSize = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    bump(cell, predIds[i] + '\u0001' + trueIds[i]);
    bump(predSize, predIds[i]);
    bump(trueSize, trueIds[i]);
  }
  let correct = 0;
  let bPrecision = 0;
  let bRecall = 0;
  for (const [k, c] of cell) {
    const sep = k.indexOf('\u0001');
    const pid = k.slice(0, sep);
    const tid = k.slice(sep + 1);
    correct += pairsOf(c);
    bPrecision += (c * c) / (predSize.get(pid) ?? 1);
    bRecall += (c * c) / (trueSize.get(tid) ?? 1);
  }
  let predictedPairs = 0;
  for (const s of predSize.values()) predictedPairs += pairsOf(s);
  let truePairs = 0;
  for (const s of trueSize.values()) truePairs += pairsOf(s);

  // Per script pair (only when every truth row says its script).
  const byScriptPair: ScriptPairResult[] = [];
  const haveScripts = n > 0 && truth.every((t) => t.script !== undefined && t.script !== '');
  if (haveScripts) {
    const perCell = new Map<string, Map<string, number>>();
    const perPred = new Map<string, Map<string, number>>();
    const perTrue = new Map<string, Map<string, number>>();
    const add = (m: Map<string, Map<string, number>>, k: string, s: string): void => {
      let inner = m.get(k);
      if (!inner) m.set(k, (inner = new Map()));
      bump(inner, s);
    };
    for (let i = 0; i < n; i++) {
      const s = truth[i].script as string;
      add(perCell, predIds[i] + '\u0001' + trueIds[i], s);
      add(perPred, predIds[i], s);
      add(perTrue, trueIds[i], s);
    }
    const c = new Map<string, number>();
    const p = new Map<string, number>();
    const t = new Map<string, number>();
    for (const m of perCell.values()) addScriptPairs(m, c);
    for (const m of perPred.values()) addScriptPairs(m, p);
    for (const m of perTrue.values()) addScriptPairs(m, t);
    const keys = new Set([...p.keys(), ...t.keys()]);
    for (const k of Array.from(keys).sort(compareStrings)) {
      const [a, b] = k.split('\u0000');
      byScriptPair.push({ a, b, ...pairCounts(t.get(k) ?? 0, p.get(k) ?? 0, c.get(k) ?? 0) });
    }
  } else if (n > 0) {
    warnings.push('the truth has no script column (or empty values): no per-script results');
  }

  // Members of each predicted and true cluster, for error listings and relations.
  const predMembers = new Map<string, number[]>();
  const trueMembers = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    let a = predMembers.get(predIds[i]);
    if (!a) predMembers.set(predIds[i], (a = []));
    a.push(i);
    let b = trueMembers.get(trueIds[i]);
    if (!b) trueMembers.set(trueIds[i], (b = []));
    b.push(i);
  }
  const shownPred = (id: string): string => (id.startsWith('\u0000') ? '' : id);
  const errorRecord = (i: number): ErrorRecord => ({
    key: truth[i].key,
    name: names[i],
    truePersonId: trueIds[i],
    predictedPersonId: shownPred(predIds[i]),
  });
  const byKey = (a: number, b: number): number => compareRecordKeys(truth[a].key, truth[b].key);

  const falseMerges: FalseMerge[] = [];
  for (const [pid, members] of predMembers) {
    const persons = new Map<string, number>();
    for (const i of members) bump(persons, trueIds[i]);
    if (persons.size < 2) continue;
    let ok = 0;
    for (const c of persons.values()) ok += pairsOf(c);
    const sorted = members.slice().sort((a, b) => compareStrings(trueIds[a], trueIds[b]) || byKey(a, b));
    falseMerges.push({
      predictedPersonId: pid,
      truePersons: persons.size,
      wrongPairs: pairsOf(members.length) - ok,
      records: sorted.map(errorRecord),
    });
  }
  falseMerges.sort((x, y) => y.wrongPairs - x.wrongPairs || compareStrings(x.predictedPersonId, y.predictedPersonId));

  const missedLinks: MissedLink[] = [];
  for (const [tid, members] of trueMembers) {
    const parts = new Map<string, number>();
    for (const i of members) bump(parts, predIds[i]);
    if (parts.size < 2) continue;
    let ok = 0;
    for (const c of parts.values()) ok += pairsOf(c);
    const sorted = members.slice().sort((a, b) => compareStrings(predIds[a], predIds[b]) || byKey(a, b));
    missedLinks.push({
      truePersonId: tid,
      predictedPersons: parts.size,
      missedPairs: pairsOf(members.length) - ok,
      records: sorted.map(errorRecord),
    });
  }
  missedLinks.sort((x, y) => y.missedPairs - x.missedPairs || compareStrings(x.truePersonId, y.truePersonId));

  const result: LinkageEvaluation = {
    records: n,
    truePersons: trueSize.size,
    predictedPersons: predSize.size,
    rejected,
    pairwise: pairCounts(truePairs, predictedPairs, correct),
    bcubed: n === 0 ? prf(1, 1) : prf(bPrecision / n, bRecall / n),
    byScriptPair,
    falseMerges: falseMerges.slice(0, worst),
    missedLinks: missedLinks.slice(0, worst),
    rejectedRecords: rejectedRecords.sort((a, b) => compareRecordKeys(a.key, b.key)),
    warnings,
  };

  if (opts.pairs) result.blocking = blockingRecall(truth, opts.pairs, truePairs);
  if (opts.relations) {
    const { relatives, namesakes } = relationMerges(opts.relations, trueIds, predMembers, trueMembers);
    result.relatives = relatives;
    result.namesakes = namesakes;
  }
  return result;
}

/**
 * Share of true pairs (same true person) present among the candidate pairs. Each unordered true pair counts once;
 * candidate pairs are counted as given (self-pairs skipped), so the memory used grows only with the true pairs.
 */
function blockingRecall(truth: TruthRow[], pairs: Iterable<CandidatePair>, truePairs: number): BlockingResult {
  const person = new Map<string, string>();
  for (const t of truth) person.set(t.key, t.personId);
  const covered = new Set<string>();
  let candidates = 0;
  let unknown = 0;
  for (const [a, b] of pairs) {
    if (a === b) continue;
    candidates++;
    const pa = person.get(a);
    const pb = person.get(b);
    if (pa === undefined || pb === undefined) {
      unknown++;
      continue;
    }
    if (pa === pb) covered.add(compareStrings(a, b) < 0 ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  }
  return {
    candidatePairs: candidates,
    truePairs,
    coveredTruePairs: covered.size,
    recall: ratio(covered.size, truePairs),
    unknownRecords: unknown,
  };
}

function relationMerges(
  relations: PersonRelation[],
  trueIds: string[],
  predMembers: Map<string, number[]>,
  trueMembers: Map<string, number[]>,
): { relatives: RelationMerges; namesakes: RelationMerges } {
  const family = new Map<string, string>();
  const similar = new Map<string, { to: string; kind: string }>();
  const familyMembers = new Map<string, string[]>();
  for (const r of relations) {
    if (!trueMembers.has(r.personId)) continue;
    if (r.familyId) {
      family.set(r.personId, r.familyId);
      let m = familyMembers.get(r.familyId);
      if (!m) familyMembers.set(r.familyId, (m = []));
      m.push(r.personId);
    }
    if (r.similarTo && trueMembers.has(r.similarTo)) similar.set(r.personId, { to: r.similarTo, kind: r.similarKind ?? 'similar' });
  }
  const relatives: RelationMerges = { pairs: 0, merged: 0, examples: [] };
  for (const m of familyMembers.values()) relatives.pairs += pairsOf(m.length);
  const namesakes: RelationMerges = { pairs: similar.size, merged: 0, examples: [] };

  // Person pairs that share a predicted cluster.
  const together = new Set<string>();
  for (const members of predMembers.values()) {
    const persons = Array.from(new Set(members.map((i) => trueIds[i]))).sort(compareStrings);
    if (persons.length < 2 || persons.length > 200) continue;
    for (let i = 0; i < persons.length; i++) {
      for (let j = i + 1; j < persons.length; j++) together.add(`${persons[i]}\u0000${persons[j]}`);
    }
  }
  const pairKey = (a: string, b: string): string => (compareStrings(a, b) < 0 ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  for (const k of Array.from(together).sort(compareStrings)) {
    const [a, b] = k.split('\u0000');
    const fa = family.get(a);
    if (fa !== undefined && fa === family.get(b)) {
      relatives.merged++;
      relatives.examples.push({ a, b, kind: fa });
    }
  }
  for (const [a, s] of Array.from(similar).sort((x, y) => compareStrings(x[0], y[0]))) {
    const [x, y] = pairKey(a, s.to).split('\u0000');
    if (together.has(`${x}\u0000${y}`)) {
      namesakes.merged++;
      namesakes.examples.push({ a: x, b: y, kind: s.kind });
    }
  }
  return { relatives, namesakes };
}
