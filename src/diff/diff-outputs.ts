// diffOutputs: what changed between two outputs of `merge`. Records are lined up across the runs (same source and
// row, else same name, else the names engine), and persons are matched through the records they share; with ids
// carried over (`merge --previous`) persons are also matched by id. Pure.
import { compareRecordKeys, compareStrings } from '../core/compare.js';
import { nameKey, tidyText } from './fields.js';
import { NameMatcher, pairByKey, pairByNames } from './pair-records.js';
import type { OutputData, OutputPerson, OutputRecord } from './read-output.js';
import type { FieldChange, OutputDiff, PersonChange, PersonView, RecordKeyView } from './types.js';

/** merged.csv columns compared for a person found in both runs (confidence and record keys are not: see records). */
export const PERSON_FIELDS = [
  'name_cyrillic', 'name_latin', 'surname', 'given_name', 'patronymic', 'sex', 'age', 'date_of_death',
  'place', 'region', 'category', 'sources', 'conflicts',
] as const;

/** Lines up the records of two runs, source by source. Returns old key → new key. */
export function alignRecords(oldRecs: readonly OutputRecord[], newRecs: readonly OutputRecord[], matcher = new NameMatcher()): Map<string, string> {
  const bySource = (rs: readonly OutputRecord[]) => {
    const m = new Map<string, OutputRecord[]>();
    for (const r of rs) m.set(r.source, [...(m.get(r.source) ?? []), r]);
    for (const l of m.values()) l.sort((x, y) => x.row - y.row);
    return m;
  };
  const so = bySource(oldRecs);
  const sn = bySource(newRecs);
  const out = new Map<string, string>();
  for (const source of [...so.keys()].sort(compareStrings)) {
    const xs = so.get(source)!;
    const ys = sn.get(source) ?? [];
    const ua = new Array<boolean>(xs.length).fill(false);
    const ub = new Array<boolean>(ys.length).fill(false);
    const kx = xs.map((r) => nameKey(r.name));
    const ky = ys.map((r) => nameKey(r.name));
    const add = (i: number, j: number) => out.set(xs[i].key, ys[j].key);
    // Same row, same name; then same name anywhere (rows shifted); then same row, a respelled name; then the engine.
    for (const [i, j] of pairByKey(xs.map((r, k) => `${r.row}\u0001${kx[k]}`), ys.map((r, k) => `${r.row}\u0001${ky[k]}`), ua, ub)) add(i, j);
    for (const [i, j] of pairByKey(kx, ky, ua, ub)) add(i, j);
    const rowIndex = new Map(ys.map((r, j) => [r.row, j]));
    xs.forEach((r, i) => {
      const j = rowIndex.get(r.row);
      if (ua[i] || j === undefined || ub[j]) return;
      // A name erased (now rejected) or filled in (no longer rejected) stays the same record at the same row.
      const blank = !kx[i] || !ky[j] || xs[i].status !== ys[j].status;
      if (!blank && matcher.compare(r.name, ys[j].name).decision === 'different') return;
      ua[i] = ub[j] = true;
      add(i, j);
    });
    for (const c of pairByNames(xs.map((r) => r.name), ys.map((r) => r.name), ua, ub, matcher, (_i, _j, cmp) =>
      cmp.decision === 'same' ? cmp.similarity : undefined,
    )) {
      add(c.old, c.new);
    }
  }
  return out;
}

function personName(p: OutputPerson): string {
  const v = p.values;
  return v.name_cyrillic || v.name_latin || [v.surname, v.given_name, v.patronymic].filter(Boolean).join(' ');
}

function personView(p: OutputPerson): PersonView {
  const records = [...p.records].sort(compareRecordKeys);
  const sources = [...new Set(records.map((k) => k.slice(0, k.lastIndexOf(':'))))].sort(compareStrings);
  return { id: p.id, name: personName(p), records, sources };
}

/**
 * Compares two merge outputs.
 * Example: diffOutputs(parseOutput('old', ...), parseOutput('new', ...)) → {persons: {added, removed, merged: [{from:
 * [P0003, P0007], into: P0003}], split, changed: [{changes: [{field: 'age', before: '23', after: '24'}]}], ...}, ...}
 */
export function diffOutputs(oldOut: OutputData, newOut: OutputData): OutputDiff {
  const align = alignRecords(oldOut.records, newOut.records);
  const newRec = new Map(newOut.records.map((r) => [r.key, r]));
  const alignedNew = new Set(align.values());

  // Record-level changes.
  const view = (r: OutputRecord): RecordKeyView => (r.personId ? { key: r.key, name: tidyText(r.name), person: r.personId } : { key: r.key, name: tidyText(r.name) });
  const recAdded = newOut.records.filter((r) => !alignedNew.has(r.key)).map(view);
  const recRemoved = oldOut.records.filter((r) => !align.has(r.key)).map(view);
  const respelled: OutputDiff['records']['respelled'] = [];
  const nowRejected: OutputDiff['records']['nowRejected'] = [];
  const nowLinked: OutputDiff['records']['nowLinked'] = [];
  let rekeyed = 0;
  for (const r of oldOut.records) {
    const nk = align.get(r.key);
    if (nk === undefined) continue;
    const n = newRec.get(nk)!;
    if (nk !== r.key) rekeyed++;
    if (r.status === n.status && tidyText(r.name) !== tidyText(n.name)) respelled.push({ old: view(r), new: view(n) });
    if (r.status === 'linked' && n.status === 'rejected') nowRejected.push({ old: view(r), new: view(n), reason: n.reason });
    if (r.status === 'rejected' && n.status === 'linked') nowLinked.push({ old: view(r), new: view(n) });
  }

  // Persons: a graph between old and new persons that share a record; its connected components classify the change.
  const oldPersons = new Map(oldOut.persons.map((p) => [p.id, p]));
  const newPersons = new Map(newOut.persons.map((p) => [p.id, p]));
  const oldPersonOf = new Map<string, string>();
  const newPersonOf = new Map<string, string>();
  for (const p of oldOut.persons) for (const k of p.records) oldPersonOf.set(k, p.id);
  for (const p of newOut.persons) for (const k of p.records) newPersonOf.set(k, p.id);
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    let y = x;
    while (parent.get(y) !== r) {
      const nx = parent.get(y)!;
      parent.set(y, r);
      y = nx;
    }
    return r;
  };
  const union = (x: string, y: string) => {
    const rx = find(x);
    const ry = find(y);
    if (rx !== ry) parent.set(compareStrings(rx, ry) < 0 ? ry : rx, compareStrings(rx, ry) < 0 ? rx : ry);
  };
  for (const id of oldPersons.keys()) parent.set(`o\u0000${id}`, `o\u0000${id}`);
  for (const id of newPersons.keys()) parent.set(`n\u0000${id}`, `n\u0000${id}`);
  for (const [ok, nk] of align) {
    const po = oldPersonOf.get(ok);
    const pn = newPersonOf.get(nk);
    if (po !== undefined && pn !== undefined) union(`o\u0000${po}`, `n\u0000${pn}`);
  }
  const components = new Map<string, { olds: string[]; news: string[] }>();
  for (const node of parent.keys()) {
    const root = find(node);
    const c = components.get(root) ?? { olds: [], news: [] };
    const id = node.slice(2);
    if (node.startsWith('o')) c.olds.push(id);
    else c.news.push(id);
    components.set(root, c);
  }

  const oneToOne: Array<[string, string]> = [];
  const removedIds: string[] = [];
  const addedIds: string[] = [];
  const merged: OutputDiff['persons']['merged'] = [];
  const split: OutputDiff['persons']['split'] = [];
  const regrouped: OutputDiff['persons']['regrouped'] = [];
  const oldView = (id: string) => personView(oldPersons.get(id)!);
  const newView = (id: string) => personView(newPersons.get(id)!);
  const byId = (x: PersonView, y: PersonView) => compareStrings(x.id, y.id);
  for (const { olds, news } of components.values()) {
    olds.sort(compareStrings);
    news.sort(compareStrings);
    if (news.length === 0) removedIds.push(...olds);
    else if (olds.length === 0) addedIds.push(...news);
    else if (olds.length === 1 && news.length === 1) oneToOne.push([olds[0], news[0]]);
    else if (news.length === 1) merged.push({ from: olds.map(oldView), into: newView(news[0]) });
    else if (olds.length === 1) split.push({ from: oldView(olds[0]), into: news.map(newView) });
    else regrouped.push({ from: olds.map(oldView), into: news.map(newView) });
  }

  // Ids carried over (merge --previous): most persons found in both runs kept their id.
  const sameId = oneToOne.filter(([o, n]) => o === n).length;
  const idsStable = oneToOne.length > 0 && sameId * 2 >= oneToOne.length;
  const notes: string[] = [];
  if (idsStable) {
    const addedSet = new Set(addedIds);
    for (const id of [...removedIds]) {
      if (!addedSet.has(id)) continue;
      oneToOne.push([id, id]);
      removedIds.splice(removedIds.indexOf(id), 1);
      addedIds.splice(addedIds.indexOf(id), 1);
    }
  } else if (oneToOne.length > 0) {
    notes.push('most persons found in both runs have another id (merge keeps ids only with --previous): persons were matched through their records, and id changes are not reported');
  }

  const changed: PersonChange[] = [];
  let unchanged = 0;
  for (const [oid, nid] of oneToOne) {
    const po = oldPersons.get(oid)!;
    const pn = newPersons.get(nid)!;
    const changes: FieldChange[] = [];
    if (idsStable && oid !== nid) changes.push({ field: 'person_id', before: oid, after: nid });
    for (const f of PERSON_FIELDS) {
      const x = tidyText(po.values[f] ?? '');
      const y = tidyText(pn.values[f] ?? '');
      if (x === y) continue;
      const c: FieldChange = { field: f };
      if (x) c.before = x;
      if (y) c.after = y;
      changes.push(c);
    }
    const newKeysOfOld = new Set(po.records.map((k) => align.get(k)).filter((k): k is string => k !== undefined));
    const recordsGained = pn.records.filter((k) => !newKeysOfOld.has(k)).sort(compareRecordKeys);
    const pnSet = new Set(pn.records);
    const recordsLost = po.records.filter((k) => {
      const nk = align.get(k);
      return nk === undefined || !pnSet.has(nk);
    }).sort(compareRecordKeys);
    if (changes.length === 0 && recordsGained.length === 0 && recordsLost.length === 0) unchanged++;
    else changed.push({ old: personView(po), new: personView(pn), changes, recordsGained, recordsLost });
  }
  changed.sort((x, y) => compareStrings(x.new.id, y.new.id) || compareStrings(x.old.id, y.old.id));
  merged.sort((x, y) => byId(x.into, y.into));
  split.sort((x, y) => byId(x.from, y.from));
  regrouped.sort((x, y) => byId(x.from[0], y.from[0]));
  const added = addedIds.map(newView).sort(byId);
  const removed = removedIds.map(oldView).sort(byId);
  const byKey = (x: RecordKeyView, y: RecordKeyView) => compareRecordKeys(x.key, y.key);
  recAdded.sort(byKey);
  recRemoved.sort(byKey);
  respelled.sort((x, y) => byKey(x.new, y.new));
  nowRejected.sort((x, y) => byKey(x.new, y.new));
  nowLinked.sort((x, y) => byKey(x.new, y.new));

  const side = (o: OutputData) => ({
    path: o.path,
    persons: o.persons.length,
    records: o.records.filter((r) => r.status === 'linked').length,
    rejected: o.records.filter((r) => r.status === 'rejected').length,
  });
  return {
    kind: 'outputs',
    old: side(oldOut),
    new: side(newOut),
    idsStable,
    persons: { added, removed, merged, split, regrouped, changed, unchanged },
    records: { added: recAdded, removed: recRemoved, respelled, nowRejected, nowLinked, rekeyed },
    notes,
    differences:
      added.length + removed.length + merged.length + split.length + regrouped.length + changed.length +
      recAdded.length + recRemoved.length + respelled.length + nowRejected.length + nowLinked.length,
  };
}
