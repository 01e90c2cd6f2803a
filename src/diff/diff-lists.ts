// diffLists: what changed between two versions of one source list, record by record and field by field.
// Pure. Pairing: own id (when it really identifies records) → exact name and fields → exact name → names engine
// (one-to-one, greedy by score) → other fields. Compares semantic values, never raw cells or row positions.
import { compareStrings } from '../core/compare.js';
import type { IngestedSource, SourceRecord } from '../core/types.js';
import type { NameInput } from '../names/types.js';
import { compareFields, fieldAgreement, idKey, nameKey, recordFields, tidyText } from './fields.js';
import { findMoved, NameMatcher, pairByKey, pairByNames } from './pair-records.js';
import type { FieldChange, ListDiff, ListField, ListSide, PairedBy, RecordPair, RecordView, RejectedView } from './types.js';

export interface ListDiffOptions {
  /** Share of id-paired records whose names must agree for the ids to be trusted (default 0.9). */
  idAgreement?: number;
}

const KNOWN_ROLES = new Set([
  'full_name', 'surname', 'given', 'patronymic', 'age', 'birth_year', 'birth_date', 'date_of_death',
  'place', 'region', 'category', 'sex', 'source_id', 'notes',
]);

interface Side {
  src: IngestedSource;
  views: RecordView[];
  names: NameInput[];
  nameKeys: string[];
}

function buildSide(src: IngestedSource): Side {
  const views = src.records.map((r) => ({ row: r.row, line: r.line, name: tidyText(r.rawName), fields: recordFields(r) }));
  return {
    src,
    views,
    names: src.records.map(nameInputOf),
    nameKeys: src.records.map((r) => nameKey(r.rawName)),
  };
}

function nameInputOf(r: SourceRecord): NameInput {
  const p = r.nameParts;
  if (p && (p.surname || p.given || p.patronymic)) return { surname: p.surname, given: p.given, patronymic: p.patronymic };
  return r.rawName;
}

/** Serialises every field but the name (and source_id when ids are not trusted) for exact pairing. */
function fieldsKey(v: RecordView, withId: boolean): string {
  const f = v.fields;
  return [withId ? (f.source_id ? idKey(f.source_id) : '') : '', f.age, f.birth_year, f.birth_date, f.date_of_death, f.place, f.region, f.category, f.sex, f.notes]
    .map((x) => x ?? '')
    .join('\u0001');
}

/**
 * Compares two versions of one source list.
 * Example: diffLists(ingest(old.csv), ingest(new.csv)) → {added: [...], removed: [...], changed: [{old, new, changes:
 * [{field: 'age', before: '23', after: '24'}]}], moved: [...], unchanged: 150, differences: 31, ...}
 */
export function diffLists(oldSrc: IngestedSource, newSrc: IngestedSource, options: ListDiffOptions = {}): ListDiff {
  const a = buildSide(oldSrc);
  const b = buildSide(newSrc);
  const usedA = new Array<boolean>(a.views.length).fill(false);
  const usedB = new Array<boolean>(b.views.length).fill(false);
  const matcher = new NameMatcher();
  const pairs: Array<{ i: number; j: number; by: PairedBy; similarity?: number }> = [];
  const notes: string[] = [];

  // 1. The source's own id, when both versions have one and it identifies the same records.
  let idsTrusted = false;
  const idHeader = (s: IngestedSource) => Object.keys(s.columns).find((h) => s.columns[h] === 'source_id');
  const hasIds = a.views.some((v) => v.fields.source_id) && b.views.some((v) => v.fields.source_id);
  if (hasIds) {
    const uniqueIds = (s: Side) => {
      const m = new Map<string, number>();
      const dup = new Set<string>();
      s.views.forEach((v, k) => {
        if (!v.fields.source_id) return;
        const id = idKey(v.fields.source_id);
        if (m.has(id)) dup.add(id);
        else m.set(id, k);
      });
      for (const d of dup) m.delete(d);
      return m;
    };
    const ia = uniqueIds(a);
    const ib = uniqueIds(b);
    const cands: Array<{ i: number; j: number; agree: boolean }> = [];
    for (const [id, i] of ia) {
      const j = ib.get(id);
      if (j === undefined) continue;
      const agree = a.nameKeys[i] === b.nameKeys[j] || matcher.compare(a.names[i], b.names[j]).decision !== 'different';
      cands.push({ i, j, agree });
    }
    const agreeing = cands.filter((c) => c.agree).length;
    if (cands.length > 0 && agreeing / cands.length >= (options.idAgreement ?? 0.9)) {
      idsTrusted = true;
      for (const c of cands) {
        if (!c.agree) continue;
        usedA[c.i] = usedB[c.j] = true;
        pairs.push({ i: c.i, j: c.j, by: 'id' });
      }
    } else if (cands.length > 0) {
      const h = idHeader(newSrc) ?? idHeader(oldSrc) ?? 'id';
      notes.push(
        `the id column "${h}" does not identify records across the versions (${cands.length - agreeing} of ${cands.length} ids carry another person's name; it looks like a running number): records were paired by name, and id changes are not reported`,
      );
    }
  }
  const skip = new Set<ListField>(hasIds && !idsTrusted ? ['source_id'] : []);

  // 2. Exact: same name and same fields, in order.
  for (const [i, j] of pairByKey(
    a.views.map((v, k) => `${a.nameKeys[k]}\u0002${fieldsKey(v, idsTrusted)}`),
    b.views.map((v, k) => `${b.nameKeys[k]}\u0002${fieldsKey(v, idsTrusted)}`),
    usedA,
    usedB,
  )) {
    pairs.push({ i, j, by: 'exact' });
  }

  // 3. Same name, where that name occurs once among the unpaired records of each version.
  const uniqueKeys = (keys: string[], used: boolean[]) => {
    const count = new Map<string, number>();
    keys.forEach((k, n) => {
      if (!used[n] && k) count.set(k, (count.get(k) ?? 0) + 1);
    });
    return keys.map((k, n) => (!used[n] && k && count.get(k) === 1 ? k : ''));
  };
  for (const [i, j] of pairByKey(uniqueKeys(a.nameKeys, usedA), uniqueKeys(b.nameKeys, usedB), usedA, usedB)) {
    pairs.push({ i, j, by: 'name' });
  }

  // 4. Names engine: one person's name written differently (respelled, transliterated, corrected).
  for (const c of pairByNames(a.names, b.names, usedA, usedB, matcher, (i, j, cmp) => {
    const { agree, conflict } = fieldAgreement(a.views[i].fields, b.views[j].fields);
    if (cmp.decision === 'same' || (cmp.decision === 'uncertain' && agree > conflict) || (a.nameKeys[i] === b.nameKeys[j] && a.nameKeys[i])) {
      return cmp.similarity + 0.05 * (agree - conflict);
    }
    return undefined;
  })) {
    pairs.push({ i: c.old, j: c.new, by: 'names-engine', similarity: round(c.similarity) });
  }

  // 5. Other fields: a name corrected beyond what the engine calls one spelling, with the personal details unchanged.
  for (const c of pairByNames(a.names, b.names, usedA, usedB, matcher, (i, j, cmp) => {
    const fa = a.views[i].fields;
    const fb = b.views[j].fields;
    const { agree, conflict } = fieldAgreement(fa, fb);
    const personal = (['age', 'birth_year', 'birth_date'] as const).some((f) => fa[f] !== undefined && fa[f] === fb[f]);
    if (cmp.sexConflict || conflict > 0 || !personal || agree < 3 || cmp.similarity < 0.6) return undefined;
    return cmp.similarity + 0.05 * agree;
  })) {
    pairs.push({ i: c.old, j: c.new, by: 'fields', similarity: round(c.similarity) });
  }

  // Columns the tool does not interpret, matched by header or, failing that, by their values on paired records.
  const cols = compareColumns(oldSrc, newSrc, pairs);

  const moved = findMoved(pairs.map((p) => [a.views[p.i].row, b.views[p.j].row] as const));
  const changed: RecordPair[] = [];
  const movedOnly: RecordPair[] = [];
  let unchanged = 0;
  pairs.forEach((p, k) => {
    const changes: FieldChange[] = compareFields(a.views[p.i].fields, b.views[p.j].fields, skip);
    for (const [oh, nh] of cols.matched) {
      const x = tidyText(oldSrc.records[p.i].cells[oh] ?? '');
      const y = tidyText(newSrc.records[p.j].cells[nh] ?? '');
      if (x === y) continue;
      const c: FieldChange = { field: `column:${nh}` };
      if (x) c.before = x;
      if (y) c.after = y;
      changes.push(c);
    }
    const pair: RecordPair = { old: a.views[p.i], new: b.views[p.j], pairedBy: p.by, moved: moved[k], changes };
    if (p.similarity !== undefined && a.nameKeys[p.i] !== b.nameKeys[p.j]) pair.similarity = p.similarity;
    if (changes.length > 0) changed.push(pair);
    else if (moved[k]) movedOnly.push(pair);
    else unchanged++;
  });
  const byNewRow = (x: RecordPair, y: RecordPair) => x.new.row - y.new.row || x.old.row - y.old.row;
  changed.sort(byNewRow);
  movedOnly.sort(byNewRow);
  const added = b.views.filter((_, j) => !usedB[j]);
  const removed = a.views.filter((_, i) => !usedA[i]);

  // Rejected rows (no usable name): paired by their cell values, whatever the headers or column order.
  const sig = (cells: Record<string, string>) => Object.values(cells).map(tidyText).filter(Boolean).sort(compareStrings).join('\u0001');
  const ra = new Array<boolean>(oldSrc.rejected.length).fill(false);
  const rb = new Array<boolean>(newSrc.rejected.length).fill(false);
  pairByKey(oldSrc.rejected.map((r) => sig(r.cells)), newSrc.rejected.map((r) => sig(r.cells)), ra, rb);
  const rejView = (r: IngestedSource['rejected'][number]): RejectedView => ({ row: r.row, line: r.line, name: tidyText(r.rawName), reason: r.reason });
  const rejectedAdded = newSrc.rejected.filter((_, k) => !rb[k]).map(rejView);
  const rejectedRemoved = oldSrc.rejected.filter((_, k) => !ra[k]).map(rejView);

  const format: ListDiff['format'] = {
    renamedColumns: cols.renamed,
    addedColumns: cols.added,
    removedColumns: cols.removed,
    reorderedColumns: cols.reordered,
  };
  if (oldSrc.encoding !== newSrc.encoding) format.encoding = { before: oldSrc.encoding, after: newSrc.encoding };
  if (oldSrc.delimiter !== newSrc.delimiter) format.delimiter = { before: oldSrc.delimiter, after: newSrc.delimiter };
  if (cols.dataColumns.length > 0) {
    notes.push(`columns the tool does not interpret were added or removed with data in them: ${cols.dataColumns.join(', ')}`);
  }

  return {
    kind: 'list',
    old: sideInfo(oldSrc),
    new: sideInfo(newSrc),
    identicalBytes: oldSrc.sha256 === newSrc.sha256,
    format,
    added,
    removed,
    changed,
    moved: movedOnly,
    unchanged,
    rejectedAdded,
    rejectedRemoved,
    notes,
    differences: added.length + removed.length + changed.length + rejectedAdded.length + rejectedRemoved.length + cols.dataColumns.length,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Headers in file order: the interpreted ones, then any others the records carry (ingestion keeps them in cells). */
function headersOf(src: IngestedSource): string[] {
  const hs = Object.keys(src.columns);
  const first = src.records[0] ?? src.rejected[0];
  if (first) for (const h of Object.keys(first.cells)) if (!hs.includes(h)) hs.push(h);
  return hs;
}

function sideInfo(src: IngestedSource): ListSide {
  return {
    path: src.path,
    sha256: src.sha256,
    encoding: src.encoding,
    delimiter: src.delimiter,
    records: src.records.length,
    rejected: src.rejected.length,
    columns: headersOf(src).map((header) => ({ header, role: src.columns[header] ?? '' })),
  };
}

interface ColumnComparison {
  renamed: Array<{ before: string; after: string; role: string }>;
  added: Array<{ header: string; role: string }>;
  removed: Array<{ header: string; role: string }>;
  reordered: boolean;
  /** Uninterpreted columns paired across versions: [old header, new header]. */
  matched: Array<[string, string]>;
  /** Uninterpreted columns on one side only that hold data (counted as differences). */
  dataColumns: string[];
}

/**
 * Lines up the columns of both versions: interpreted columns by role (a new header for the same role is a rename);
 * uninterpreted ones by header, else by agreeing values on at least 90% of the paired records.
 */
function compareColumns(oldSrc: IngestedSource, newSrc: IngestedSource, pairs: ReadonlyArray<{ i: number; j: number }>): ColumnComparison {
  const oh = headersOf(oldSrc);
  const nh = headersOf(newSrc);
  const roleOf = (src: IngestedSource, h: string) => src.columns[h] ?? '';
  const interpreted = (src: IngestedSource, h: string) => KNOWN_ROLES.has(roleOf(src, h));
  const ignored = (src: IngestedSource, h: string) => roleOf(src, h) === 'ignore';
  const out: ColumnComparison = { renamed: [], added: [], removed: [], reordered: false, matched: [], dataColumns: [] };

  // Interpreted columns: by role (several columns of one role are lined up in header order).
  const byRole = (src: IngestedSource, hs: string[]) => {
    const m = new Map<string, string[]>();
    for (const h of hs) if (interpreted(src, h)) m.set(roleOf(src, h), [...(m.get(roleOf(src, h)) ?? []), h]);
    return m;
  };
  const ro = byRole(oldSrc, oh);
  const rn = byRole(newSrc, nh);
  const roles = [...new Set([...ro.keys(), ...rn.keys()])].sort(compareStrings);
  for (const role of roles) {
    const xs = ro.get(role) ?? [];
    const ys = rn.get(role) ?? [];
    for (let k = 0; k < Math.max(xs.length, ys.length); k++) {
      if (k < xs.length && k < ys.length) {
        if (xs[k] !== ys[k]) out.renamed.push({ before: xs[k], after: ys[k], role });
      } else if (k < xs.length) out.removed.push({ header: xs[k], role });
      else out.added.push({ header: ys[k], role });
    }
  }
  const roleOrder = (src: IngestedSource, hs: string[]) => hs.filter((h) => interpreted(src, h)).map((h) => roleOf(src, h)).filter((r) => ro.has(r) && rn.has(r));
  out.reordered = roleOrder(oldSrc, oh).join(',') !== roleOrder(newSrc, nh).join(',');

  // Uninterpreted columns, and those the config says to ignore (lined up too, so that a renamed ignored column is
  // not mistaken for a new column with data; a pair with an ignored side is not compared).
  const uo = oh.filter((h) => !interpreted(oldSrc, h));
  const un = nh.filter((h) => !interpreted(newSrc, h));
  const skipped = (x: string, y: string) => ignored(oldSrc, x) || ignored(newSrc, y);
  const freeO = new Set(uo);
  const freeN = new Set(un);
  for (const h of uo) {
    if (freeN.has(h)) {
      if (!skipped(h, h)) out.matched.push([h, h]);
      freeO.delete(h);
      freeN.delete(h);
    }
  }
  const cands: Array<{ x: string; y: string; ratio: number }> = [];
  for (const x of freeO) {
    for (const y of freeN) {
      let agree = 0;
      let total = 0;
      for (const p of pairs) {
        const vx = tidyText(oldSrc.records[p.i].cells[x] ?? '');
        const vy = tidyText(newSrc.records[p.j].cells[y] ?? '');
        if (!vx && !vy) continue;
        total++;
        if (vx === vy) agree++;
      }
      if (total > 0 && agree / total >= 0.9) cands.push({ x, y, ratio: agree / total });
    }
  }
  cands.sort((p, q) => q.ratio - p.ratio || compareStrings(p.x, q.x) || compareStrings(p.y, q.y));
  for (const c of cands) {
    if (!freeO.has(c.x) || !freeN.has(c.y)) continue;
    freeO.delete(c.x);
    freeN.delete(c.y);
    if (!skipped(c.x, c.y)) out.matched.push([c.x, c.y]);
    out.renamed.push({ before: c.x, after: c.y, role: ignored(oldSrc, c.x) || ignored(newSrc, c.y) ? 'ignore' : '' });
  }
  // Ingestion drops the values of ignored columns, so they cannot be lined up by value: an ignored column left over on
  // one side is taken to be the one left over on the other side, in header order.
  const leftO = uo.filter((h) => freeO.has(h));
  const leftN = un.filter((h) => freeN.has(h));
  const ignoredO = leftO.filter((h) => ignored(oldSrc, h));
  const ignoredN = leftN.filter((h) => ignored(newSrc, h));
  const pairIgnored = (ig: string[], others: string[], oldSide: boolean) => {
    const rest = others.filter((h) => !(oldSide ? ignored(newSrc, h) : ignored(oldSrc, h)));
    for (let k = 0; k < Math.min(ig.length, rest.length); k++) {
      const [x, y] = oldSide ? [ig[k], rest[k]] : [rest[k], ig[k]];
      freeO.delete(x);
      freeN.delete(y);
      out.renamed.push({ before: x, after: y, role: 'ignore' });
    }
  };
  pairIgnored(ignoredO, leftN, true);
  pairIgnored(ignoredN, leftO.filter((h) => freeO.has(h)), false);

  const hasData = (src: IngestedSource, h: string) => src.records.some((r) => tidyText(r.cells[h] ?? '') !== '');
  for (const h of uo) {
    if (!freeO.has(h)) continue;
    out.removed.push({ header: h, role: roleOf(oldSrc, h) });
    if (!ignored(oldSrc, h) && hasData(oldSrc, h)) out.dataColumns.push(`"${h}" (removed)`);
  }
  for (const h of un) {
    if (!freeN.has(h)) continue;
    out.added.push({ header: h, role: roleOf(newSrc, h) });
    if (!ignored(newSrc, h) && hasData(newSrc, h)) out.dataColumns.push(`"${h}" (added)`);
  }
  return out;
}
