// Cross-stage types. Pure data, no behaviour. Stage-private types live beside their stage.

export type Sex = 'M' | 'F';

/** Canonical victim category. `security` = police, military, national guard, special forces. */
export type Category = 'civilian' | 'security' | 'other';

/** One data record of one source list, after ingestion (cells parsed, nothing matched yet). */
export interface SourceRecord {
  /** Source name (unique per run). */
  source: string;
  /** 1-based number of the data record in its file, header excluded. */
  row: number;
  /** 1-based physical line where the record starts in the file (for messages). */
  line: number;
  /** `${source}:${row}`: the record's id everywhere in the tool. */
  key: string;
  /** The source's own record id, when it has one. */
  sourceId?: string;
  /** The name as written: the full-name cell, or the split cells joined as surname given patronymic. */
  rawName: string;
  /** Present when the source splits the name into columns. */
  nameParts?: { surname?: string; given?: string; patronymic?: string };
  age?: number;
  birthYear?: number;
  /** ISO date `YYYY-MM-DD` when the full date of birth is known. */
  birthDate?: string;
  /** ISO date `YYYY-MM-DD`. */
  dateOfDeath?: string;
  /** Canonical place id from the gazetteer (e.g. `almaty`), or `?` + folded text when unknown to it. */
  place?: string;
  /** Canonical region id (e.g. `almaty-city`, `mangystau`), when known. */
  region?: string;
  category?: Category;
  /** Sex from an explicit column of the source, when it has one. */
  sex?: Sex;
  notes?: string;
  /** The original cells, keyed by the header as written (for diff, review and reports). */
  cells: Record<string, string>;
  /** Non-fatal problems found in this row (unparseable age, unknown place...). */
  warnings: string[];
}

/** A row that could not be used as a record; it still appears in records.csv. */
export interface RejectedRow {
  source: string;
  row: number;
  line: number;
  key: string;
  rawName: string;
  reason: string;
  cells: Record<string, string>;
}

/** A parsed source: its records and its rejected rows, both in input order. */
export interface IngestedSource {
  name: string;
  path: string;
  /** SHA-256 of the file bytes, hex. */
  sha256: string;
  encoding: string;
  delimiter: string;
  /** Header cell → role, as detected or configured. */
  columns: Record<string, string>;
  records: SourceRecord[];
  rejected: RejectedRow[];
  /** Declared duplicate-free (one record per person at most). */
  unique?: boolean;
  /** The only category the list covers (e.g. an official list of security officers). */
  covers?: Category;
  warnings: string[];
}
