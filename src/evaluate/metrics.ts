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
  /** The first true pairs (by true person, then record) that blocking never proposed, with names. */
  missed: Array<{ truePersonId: string; a: { key: string; name: string }; b: { key: string; name: string } }>;
  recall: number;
  /** Candidate pairs naming a record that is not in the truth (not counted as covering anything). */
  unknownPairs: number;
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

function intern(index: Map<string, number>, key: string): number {
  let i = index.get(key);
  if (i === undefined) index.set(key, (i = index.size));
  return i;
}

/** Groups record indexes by cluster (compressed rows): members of cluster c are order[start[c] .. start[c+1]). */
function groupBy(cluster: Int32Array, clusters: number): { start: Int32Array; order: Int32Array } {
  const start = new Int32Array(clusters + 1);
  for (let i = 0; i < cluster.length; i++) start[cluster[i] + 1]++;
  for (let c = 0; c < clusters; c++) start[c + 1] += start[c];
  const fill = start.slice(0, clusters);
  const order = new Int32Array(cluster.length);
  for (let i = 0; i < cluster.length; i++) order[fill[cluster[i]]++] = i;
  return { start, order };
}

/** Adds the same-script and cross-script pairs of a group with per-script counts `count` to matrix `into` (S×S). */
function addScriptPairs(count: Int32Array, touched: number[], into: Float64Array, scripts: number): void {
  for (let x = 0; x < touched.length; x++) {
    const a = touched[x];
    const ca = count[a];
    into[a * scripts + a] += pairsOf(ca);
    for (let y = x + 1; y < touched.length; y++) {
      const b = touched[y];
      const lo = Math.min(a, b);
      const hi = Math.max(a, b);
      into[lo * scripts + hi] += ca * count[b];
    }
  }
}

/**
 * Scores predicted persons against the truth. Records are those of the truth; a truth record missing from the
 * predictions, or rejected there, counts as a predicted singleton. Pairwise counts come from the contingency
 * table of predicted × true persons: correct = Σ C(n_ij, 2), predicted = Σ C(a_i, 2), true = Σ C(b_j, 2).
 * Linear in the number of records.
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

  // Record → (true, predicted) cluster numbers; rejected or missing predictions become singletons.
  const n = truth.length;
  const names: string[] = new Array(n);
  const predIndex = new Map<string, number>();
  const trueIndex = new Map<string, number>();
  const P = new Int32Array(n);
  const T = new Int32Array(n);
  const truthKeys = new Set<string>();
  let missing = 0;
  let rejected = 0;
  const rejectedRecords: LinkageEvaluation['rejectedRecords'] = [];
  for (let i = 0; i < n; i++) {
    const t = truth[i];
    truthKeys.add(t.key);
    T[i] = intern(trueIndex, t.personId);
    const p = predByKey.get(t.key);
    if (!p) {
      missing++;
      P[i] = intern(predIndex, `\u0000missing:${t.key}`);
      names[i] = '';
    } else if (p.personId === '' || p.status === 'rejected') {
      rejected++;
      P[i] = intern(predIndex, `\u0000rejected:${t.key}`);
      names[i] = p.name;
      rejectedRecords.push({ key: t.key, name: p.name, truePersonId: t.personId });
    } else {
      P[i] = intern(predIndex, p.personId);
      names[i] = p.name;
    }
  }
  if (missing > 0) warnings.push(`${missing} truth record(s) not found in the records file; counted as singletons`);
  let extra = 0;
  for (const p of predicted) if (!truthKeys.has(p.key)) extra++;
  if (extra > 0) warnings.push(`${extra} record(s) of the records file are not in the truth; ignored`);
  const predNames = Array.from(predIndex.keys());
  const trueNames = Array.from(trueIndex.keys());
  const nP = predNames.length;
  const nT = trueNames.length;
  const byPred = groupBy(P, nP);
  const byTrue = groupBy(T, nT);
  const trueSize = (t: number): number => byTrue.start[t + 1] - byTrue.start[t];

  // Scripts, when every truth row has one.
  const haveScripts = n > 0 && truth.every((t) => t.script !== undefined && t.script !== '');
  if (!haveScripts && n > 0) warnings.push('the truth has no script column (or empty values): no per-script results');
  const scriptIndex = new Map<string, number>();
  const S = new Int32Array(n);
  if (haveScripts) for (let i = 0; i < n; i++) S[i] = intern(scriptIndex, truth[i].script as string);
  const nS = scriptIndex.size;
  const sPred = new Float64Array(nS * nS);
  const sTrue = new Float64Array(nS * nS);
  const sCorrect = new Float64Array(nS * nS);
  const sCount = new Int32Array(Math.max(1, nS));
  const sTouched: number[] = [];
  const countScripts = (members: ArrayLike<number>, from: number, to: number, into: Float64Array): void => {
    sTouched.length = 0;
    for (let k = from; k < to; k++) {
      const sc = S[members[k]];
      if (sCount[sc]++ === 0) sTouched.push(sc);
    }
    addScriptPairs(sCount, sTouched, into, nS);
    for (const sc of sTouched) sCount[sc] = 0;
  };

  // One pass over predicted clusters: members sorted by true person give the contingency cells as runs.
  let correct = 0;
  let predictedPairs = 0;
  let bPrecision = 0;
  let bRecall = 0;
  const falseMergeCandidates: Array<{ p: number; members: number[]; persons: number; wrong: number }> = [];
  for (let p = 0; p < nP; p++) {
    const from = byPred.start[p];
    const to = byPred.start[p + 1];
    const size = to - from;
    predictedPairs += pairsOf(size);
    if (haveScripts && size > 1) countScripts(byPred.order, from, to, sPred);
    const members = Array.from(byPred.order.subarray(from, to));
    if (size > 1) members.sort((a, b) => T[a] - T[b] || a - b);
    let ok = 0;
    let persons = 0;
    for (let k = 0; k < size; ) {
      let e = k + 1;
      while (e < size && T[members[e]] === T[members[k]]) e++;
      const c = e - k;
      persons++;
      ok += pairsOf(c);
      bPrecision += (c * c) / size;
      bRecall += (c * c) / trueSize(T[members[k]]);
      if (haveScripts && c > 1) countScripts(members, k, e, sCorrect);
      k = e;
    }
    correct += ok;
    if (persons > 1) falseMergeCandidates.push({ p, members, persons, wrong: pairsOf(size) - ok });
  }
  let truePairs = 0;
  const missedCandidates: Array<{ t: number; members: number[]; parts: number; missed: number }> = [];
  for (let t = 0; t < nT; t++) {
    const from = byTrue.start[t];
    const to = byTrue.start[t + 1];
    const size = to - from;
    truePairs += pairsOf(size);
    if (size < 2) continue;
    if (haveScripts) countScripts(byTrue.order, from, to, sTrue);
    const members = Array.from(byTrue.order.subarray(from, to)).sort((a, b) => P[a] - P[b] || a - b);
    let ok = 0;
    let parts = 0;
    for (let k = 0; k < size; ) {
      let e = k + 1;
      while (e < size && P[members[e]] === P[members[k]]) e++;
      ok += pairsOf(e - k);
      parts++;
      k = e;
    }
    if (parts > 1) missedCandidates.push({ t, members, parts, missed: pairsOf(size) - ok });
  }

  const byScriptPair: ScriptPairResult[] = [];
  if (haveScripts) {
    const scriptNames = Array.from(scriptIndex.keys());
    const cells: Array<{ a: string; b: string; i: number }> = [];
    for (let x = 0; x < nS; x++) {
      for (let y = x; y < nS; y++) {
        const [a, b] = compareStrings(scriptNames[x], scriptNames[y]) <= 0 ? [scriptNames[x], scriptNames[y]] : [scriptNames[y], scriptNames[x]];
        const i = x * nS + y;
        if (sTrue[i] > 0 || sPred[i] > 0) cells.push({ a, b, i });
      }
    }
    cells.sort((u, v) => compareStrings(u.a, v.a) || compareStrings(u.b, v.b));
    for (const c of cells) byScriptPair.push({ a: c.a, b: c.b, ...pairCounts(sTrue[c.i], sPred[c.i], sCorrect[c.i]) });
  }

  const shownPred = (id: string): string => (id.startsWith('\u0000') ? '' : id);
  const errorRecord = (i: number): ErrorRecord => ({
    key: truth[i].key,
    name: names[i],
    truePersonId: trueNames[T[i]],
    predictedPersonId: shownPred(predNames[P[i]]),
  });
  const byKey = (a: number, b: number): number => compareRecordKeys(truth[a].key, truth[b].key);

  falseMergeCandidates.sort((x, y) => y.wrong - x.wrong || compareStrings(predNames[x.p], predNames[y.p]));
  const falseMerges: FalseMerge[] = falseMergeCandidates.slice(0, worst).map((m) => ({
    predictedPersonId: predNames[m.p],
    truePersons: m.persons,
    wrongPairs: m.wrong,
    records: m.members
      .slice()
      .sort((a, b) => compareStrings(trueNames[T[a]], trueNames[T[b]]) || byKey(a, b))
      .map(errorRecord),
  }));
  missedCandidates.sort((x, y) => y.missed - x.missed || compareStrings(trueNames[x.t], trueNames[y.t]));
  const missedLinks: MissedLink[] = missedCandidates.slice(0, worst).map((m) => ({
    truePersonId: trueNames[m.t],
    predictedPersons: m.parts,
    missedPairs: m.missed,
    records: m.members
      .slice()
      .sort((a, b) => compareStrings(predNames[P[a]], predNames[P[b]]) || byKey(a, b))
      .map(errorRecord),
  }));

  const result: LinkageEvaluation = {
    records: n,
    truePersons: nT,
    predictedPersons: nP,
    rejected,
    pairwise: pairCounts(truePairs, predictedPairs, correct),
    bcubed: n === 0 ? prf(1, 1) : prf(bPrecision / n, bRecall / n),
    byScriptPair,
    falseMerges,
    missedLinks,
    rejectedRecords: rejectedRecords.sort((a, b) => compareRecordKeys(a.key, b.key)),
    warnings,
  };

  if (opts.pairs) {
    const { coveredKeys: covered, ...blocking } = blockingRecall(truth, opts.pairs, truePairs);
    result.blocking = blocking;
    // List missed true pairs with their names, walking true persons in id order.
    const order = Array.from({ length: nT }, (_, t) => t).sort((x, y) => compareStrings(trueNames[x], trueNames[y]));
    for (const t of order) {
      if (result.blocking.missed.length >= worst) break;
      const members = Array.from(byTrue.order.subarray(byTrue.start[t], byTrue.start[t + 1])).sort(byKey);
      for (let x = 0; x < members.length && result.blocking.missed.length < worst; x++) {
        for (let y = x + 1; y < members.length && result.blocking.missed.length < worst; y++) {
          const ka = truth[members[x]].key;
          const kb = truth[members[y]].key;
          if (covered.has(pairKey(ka, kb))) continue;
          result.blocking.missed.push({
            truePersonId: trueNames[t],
            a: { key: ka, name: names[members[x]] },
            b: { key: kb, name: names[members[y]] },
          });
        }
      }
    }
  }
  if (opts.relations) {
    // True persons that share a predicted person (only clusters holding several persons).
    const together = new Set<string>();
    for (const m of falseMergeCandidates) {
      const persons = Array.from(new Set(m.members.map((i) => trueNames[T[i]]))).sort(compareStrings);
      if (persons.length > 200) continue;
      for (let i = 0; i < persons.length; i++) {
        for (let j = i + 1; j < persons.length; j++) together.add(`${persons[i]}\u0000${persons[j]}`);
      }
    }
    const { relatives, namesakes } = relationMerges(opts.relations, trueIndex, together);
    result.relatives = relatives;
    result.namesakes = namesakes;
  }
  return result;
}

/** Unordered key of a record pair. */
function pairKey(a: string, b: string): string {
  return compareStrings(a, b) < 0 ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/**
 * Share of true pairs (same true person) present among the candidate pairs. Each unordered true pair counts once;
 * candidate pairs are counted as given (self-pairs skipped), so the memory used grows only with the true pairs.
 */
function blockingRecall(
  truth: TruthRow[],
  pairs: Iterable<CandidatePair>,
  truePairs: number,
): BlockingResult & { coveredKeys: Set<string> } {
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
    if (pa === pb) covered.add(pairKey(a, b));
  }
  return {
    candidatePairs: candidates,
    truePairs,
    coveredTruePairs: covered.size,
    recall: ratio(covered.size, truePairs),
    unknownPairs: unknown,
    missed: [],
    coveredKeys: covered,
  };
}

function relationMerges(
  relations: PersonRelation[],
  trueIndex: Map<string, number>,
  together: Set<string>,
): { relatives: RelationMerges; namesakes: RelationMerges } {
  const family = new Map<string, string>();
  const similar = new Map<string, { to: string; kind: string }>();
  const familyMembers = new Map<string, string[]>();
  for (const r of relations) {
    if (!trueIndex.has(r.personId)) continue;
    if (r.familyId) {
      family.set(r.personId, r.familyId);
      let m = familyMembers.get(r.familyId);
      if (!m) familyMembers.set(r.familyId, (m = []));
      m.push(r.personId);
    }
    if (r.similarTo && trueIndex.has(r.similarTo)) similar.set(r.personId, { to: r.similarTo, kind: r.similarKind ?? 'similar' });
  }
  const relatives: RelationMerges = { pairs: 0, merged: 0, examples: [] };
  for (const m of familyMembers.values()) relatives.pairs += pairsOf(m.length);
  const namesakes: RelationMerges = { pairs: similar.size, merged: 0, examples: [] };

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
