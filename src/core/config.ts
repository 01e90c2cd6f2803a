// The run configuration (`--config FILE`, JSON) and its validation. Pure: the CLI reads the file and passes the JSON.
import { ReconError } from './errors.js';
import type { Category } from './types.js';

/** One source list as configured. `path` is resolved against the config file's folder by the CLI. */
export interface SourceConfig {
  name: string;
  path: string;
  encoding?: string;
  delimiter?: string;
  /** Header as written → role (`full_name`, `surname`, ..., `ignore`). */
  columns?: Record<string, string>;
  /** Duplicate-free: one record per person at most (one-to-one linking). */
  unique?: boolean;
  /** The only category this list covers (e.g. an official list of security officers). */
  covers?: Category;
}

export interface RunConfig {
  officialTotal?: number;
  eventDate?: string;
  threshold?: number;
  sources: SourceConfig[];
}

const CATEGORIES = new Set(['civilian', 'security', 'other']);
const ROLES = new Set([
  'full_name', 'surname', 'given', 'patronymic', 'age', 'birth_year', 'birth_date', 'date_of_death',
  'place', 'region', 'category', 'sex', 'source_id', 'notes', 'ignore',
]);
const TOP_KEYS = new Set(['official_total', 'event_date', 'threshold', 'sources', '$schema', 'description']);
const SOURCE_KEYS = new Set(['name', 'path', 'encoding', 'delimiter', 'columns', 'unique', 'covers']);

/** Names a source may take: letters, digits, `_`, `-`, `.` (they appear in CSV cells and `source:row` keys). */
export const SOURCE_NAME = /^[\p{L}\p{N}_.-]+$/u;

/**
 * Validates parsed config JSON. Throws ReconError('BAD_CONFIG') naming the file and the offending key.
 * Example: parseConfig({official_total: 241, sources: [{name: 'media', path: 'media.csv'}]}, 'c.json')
 */
export function parseConfig(json: unknown, file: string): RunConfig {
  const fail = (msg: string, hint?: string): never => {
    throw new ReconError('BAD_CONFIG', msg, { file, hint });
  };
  if (json === null || typeof json !== 'object' || Array.isArray(json)) fail('the config must be a JSON object');
  const obj = json as Record<string, unknown>;
  for (const k of Object.keys(obj).sort()) {
    if (!TOP_KEYS.has(k)) fail(`unknown key "${k}"`, `known keys: ${[...TOP_KEYS].filter((x) => !x.startsWith('$')).join(', ')}`);
  }
  const config: RunConfig = { sources: [] };
  if (obj.official_total !== undefined) {
    const n = obj.official_total;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) fail('"official_total" must be a whole number ≥ 0');
    config.officialTotal = n as number;
  }
  if (obj.event_date !== undefined) {
    if (typeof obj.event_date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(obj.event_date)) {
      fail('"event_date" must be a date written YYYY-MM-DD');
    }
    config.eventDate = obj.event_date as string;
  }
  if (obj.threshold !== undefined) {
    const t = obj.threshold;
    if (typeof t !== 'number' || !(t > 0 && t < 1)) fail('"threshold" must be a probability between 0 and 1 (exclusive)');
    config.threshold = t as number;
  }
  if (obj.sources !== undefined) {
    if (!Array.isArray(obj.sources)) fail('"sources" must be an array of objects');
    (obj.sources as unknown[]).forEach((s, i) => config.sources.push(parseSourceConfig(s, `sources[${i}]`, fail)));
  }
  return config;
}

function parseSourceConfig(s: unknown, at: string, fail: (msg: string, hint?: string) => never): SourceConfig {
  if (s === null || typeof s !== 'object' || Array.isArray(s)) fail(`${at} must be an object with "path" (and "name")`);
  const o = s as Record<string, unknown>;
  for (const k of Object.keys(o).sort()) {
    if (!SOURCE_KEYS.has(k)) fail(`${at}: unknown key "${k}"`, `known keys: ${[...SOURCE_KEYS].join(', ')}`);
  }
  if (typeof o.path !== 'string' || o.path === '') fail(`${at}: "path" must be a file path`);
  const path = o.path as string;
  const name = o.name === undefined ? baseName(path) : o.name;
  if (typeof name !== 'string' || !SOURCE_NAME.test(name)) {
    fail(`${at}: "name" must be letters, digits, "_", "-" or "." (got ${JSON.stringify(name)})`);
  }
  const out: SourceConfig = { name: name as string, path };
  if (o.encoding !== undefined) {
    if (typeof o.encoding !== 'string') fail(`${at}: "encoding" must be a string such as "utf-8" or "windows-1251"`);
    out.encoding = o.encoding as string;
  }
  if (o.delimiter !== undefined) {
    if (typeof o.delimiter !== 'string' || ![',', ';', '\t', 'tab'].includes(o.delimiter)) {
      fail(`${at}: "delimiter" must be ",", ";" or "tab"`);
    }
    out.delimiter = o.delimiter === 'tab' ? '\t' : (o.delimiter as string);
  }
  if (o.columns !== undefined) {
    if (o.columns === null || typeof o.columns !== 'object' || Array.isArray(o.columns)) {
      fail(`${at}: "columns" must map header names to roles`);
    }
    const cols: Record<string, string> = {};
    for (const [header, role] of Object.entries(o.columns as Record<string, unknown>)) {
      if (typeof role !== 'string' || !ROLES.has(role)) {
        fail(`${at}: column "${header}" has unknown role ${JSON.stringify(role)}`, `roles: ${[...ROLES].join(', ')}`);
      }
      cols[header] = role as string;
    }
    out.columns = cols;
  }
  if (o.unique !== undefined) {
    if (typeof o.unique !== 'boolean') fail(`${at}: "unique" must be true or false`);
    out.unique = o.unique as boolean;
  }
  if (o.covers !== undefined) {
    if (typeof o.covers !== 'string' || !CATEGORIES.has(o.covers)) fail(`${at}: "covers" must be civilian, security or other`);
    out.covers = o.covers as Category;
  }
  return out;
}

/** `lists/media.csv` → `media`. */
export function baseName(path: string): string {
  const file = path.split(/[\\/]/).pop() ?? path;
  const dot = file.lastIndexOf('.');
  return dot > 0 ? file.slice(0, dot) : file;
}

/**
 * Parses a SOURCE argument: `path.csv` or `name=path.csv`.
 * Example: parseSourceArg('media=lists/m.csv') → {name: 'media', path: 'lists/m.csv'}
 */
export function parseSourceArg(arg: string): { name: string; path: string } {
  const eq = arg.indexOf('=');
  if (eq > 0 && SOURCE_NAME.test(arg.slice(0, eq))) return { name: arg.slice(0, eq), path: arg.slice(eq + 1) };
  return { name: baseName(arg), path: arg };
}
