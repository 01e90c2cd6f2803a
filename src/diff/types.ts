// The data `reconcile diff` produces: a list diff (two versions of one source) and an output diff (two merge outputs).
// Pure data, JSON-serialisable; renderers in this folder turn it into text, Markdown, CSV or JSON.

/** Semantic fields compared between two versions of a record (never raw cells). */
export const LIST_FIELDS = [
  'name', 'source_id', 'age', 'birth_year', 'birth_date', 'date_of_death', 'place', 'region', 'category', 'sex', 'notes',
] as const;
export type ListField = (typeof LIST_FIELDS)[number];

/** A field's values on both sides; `before` or `after` is absent when the field is empty on that side. */
export interface FieldChange {
  /** A ListField, a merged.csv column, or `column:<header>` for a column the tool does not interpret. */
  field: string;
  before?: string;
  after?: string;
}

/** One record of one version, as the diff shows it. Field values are canonical (place ids, ISO dates). */
export interface RecordView {
  row: number;
  line: number;
  name: string;
  fields: Partial<Record<ListField, string>>;
}

/** How two versions of a record were paired. */
export type PairedBy = 'id' | 'exact' | 'name' | 'names-engine' | 'fields';

export interface RecordPair {
  old: RecordView;
  new: RecordView;
  pairedBy: PairedBy;
  /** Names-engine similarity (0..1) when the names differ. */
  similarity?: number;
  /** The record is out of its former order (not merely renumbered by insertions or removals above it). */
  moved: boolean;
  changes: FieldChange[];
}

export interface RejectedView {
  row: number;
  line: number;
  name: string;
  reason: string;
}

export interface ListSide {
  path: string;
  sha256: string;
  encoding: string;
  delimiter: string;
  records: number;
  rejected: number;
  /** Header as written → role, in header order. */
  columns: Array<{ header: string; role: string }>;
}

export interface ListDiff {
  kind: 'list';
  old: ListSide;
  new: ListSide;
  /** Byte-identical files. */
  identicalBytes: boolean;
  /** Differences of form only (never counted as differences): encoding, delimiter, headers. */
  format: {
    encoding?: { before: string; after: string };
    delimiter?: { before: string; after: string };
    /** Same role (or same values), another header. */
    renamedColumns: Array<{ before: string; after: string; role: string }>;
    /** Columns present on one side only (their values show up as field changes when the tool interprets them). */
    addedColumns: Array<{ header: string; role: string }>;
    removedColumns: Array<{ header: string; role: string }>;
    reorderedColumns: boolean;
  };
  added: RecordView[];
  removed: RecordView[];
  /** Pairs with at least one field change, in new-row order. */
  changed: RecordPair[];
  /** Pairs with no change that are out of their former order, in new-row order. */
  moved: RecordPair[];
  /** Pairs with no change and in order (row numbers may have shifted). */
  unchanged: number;
  rejectedAdded: RejectedView[];
  rejectedRemoved: RejectedView[];
  /** Plain-words remarks about how the diff was made (e.g. ids ignored). */
  notes: string[];
  /** added + removed + changed + rejected rows added/removed + uninterpreted columns with data added/removed. Moves are not counted. */
  differences: number;
}

/** A person of a merge output as the diff shows it. */
export interface PersonView {
  id: string;
  name: string;
  /** Record keys `source:row`, sorted. */
  records: string[];
  sources: string[];
}

export interface PersonChange {
  old: PersonView;
  new: PersonView;
  changes: FieldChange[];
  /** Record keys (new run) that joined this person: new records or records that were rejected before. */
  recordsGained: string[];
  /** Record keys (old run) that left this person: records gone from the source or now rejected. */
  recordsLost: string[];
}

export interface RecordKeyView {
  key: string;
  name: string;
  person?: string;
}

export interface OutputSide {
  path: string;
  persons: number;
  records: number;
  rejected: number;
}

export interface OutputDiff {
  kind: 'outputs';
  old: OutputSide;
  new: OutputSide;
  /** Person ids were carried over between the runs (`merge --previous`): id changes then count as changes. */
  idsStable: boolean;
  persons: {
    added: PersonView[];
    removed: PersonView[];
    /** Several old persons are one new person. */
    merged: Array<{ from: PersonView[]; into: PersonView }>;
    /** One old person is several new persons. */
    split: Array<{ from: PersonView; into: PersonView[] }>;
    /** Several old persons regrouped into several new persons. */
    regrouped: Array<{ from: PersonView[]; into: PersonView[] }>;
    changed: PersonChange[];
    unchanged: number;
  };
  records: {
    added: RecordKeyView[];
    removed: RecordKeyView[];
    /** Same record, name written differently. */
    respelled: Array<{ old: RecordKeyView; new: RecordKeyView }>;
    nowRejected: Array<{ old: RecordKeyView; new: RecordKeyView; reason: string }>;
    nowLinked: Array<{ old: RecordKeyView; new: RecordKeyView }>;
    /** Same record under another `source:row` (rows above it added or removed). Not a difference. */
    rekeyed: number;
  };
  notes: string[];
  differences: number;
}

export type AnyDiff = ListDiff | OutputDiff;
