// One data row → a SourceRecord (values parsed, warnings collected) or a RejectedRow (no usable name). Pure; parsed
// values are cached per distinct cell text because dates, ages and places repeat a lot.
import type { Category, RejectedRow, Sex, SourceRecord } from '../core/types.js';
import { foldCyrillic } from '../places/fold-text.js';
import { resolvePlace, type PlaceResolution } from '../places/resolve-place.js';
import type { ColumnPlan } from './plan-columns.js';
import { parseAge } from './parse-age.js';
import { parseBirthYear } from './parse-birth-year.js';
import { parseCategory } from './parse-category.js';
import { parseDate } from './parse-date.js';
import { parseSex } from './parse-sex.js';

/** Cell values that mean "not known": the field stays empty, without a warning. */
const UNKNOWN_VALUES: ReadonlySet<string> = new Set([
  '-', '--', '—', '–', '?', '??', '???', 'н/д', 'нд', 'н.д.', 'нет данных', 'нет', 'неизвестно', 'не известно', 'неизв',
  'неизв.', 'не установлено', 'не указано', 'unknown', 'n/a', 'na', 'none', 'null', 'x', 'х', 'белгісіз', 'белгисиз',
  'мәлімет жоқ', 'малимет жок',
]);

/** Words that, alone or together, are no one's name (`неизвестный мужчина`, `аты белгісіз`, `unknown`). */
const PLACEHOLDER_WORDS: ReadonlySet<string> = new Set([
  'неизвестно', 'неизвестный', 'неизвестная', 'неизвестен', 'неизвестного', 'неизв', 'неустановленный',
  'неустановленная', 'неустановленное', 'неустановленного', 'неопознанный', 'неопознанная', 'неопознанное', 'не',
  'установлен', 'установлена', 'установлено', 'опознан', 'опознана', 'нет', 'данных', 'н', 'д', 'нд', 'лицо', 'мужчина',
  'женщина', 'мужчины', 'женщины', 'тело', 'имя', 'фио', 'без', 'аноним', 'аты', 'жони', 'есими', 'белгисиз', 'unknown', 'unidentified', 'unnamed', 'anonymous', 'man', 'woman', 'male', 'female', 'person',
  'body', 'name', 'n', 'a', 'na', 'x', 'xx', 'xxx', 'х', 'хх', 'ххх',
]);

/** Whole phrases that mean an unnamed person but whose words can be names on their own (Адам = Adam). */
const PLACEHOLDER_PHRASES: ReadonlySet<string> = new Set(['ер адам', 'айел адам', 'бир адам', 'белгисиз адам', 'адам белгисиз']);

/** First words of a line that sums up a list rather than naming someone. */
const TOTAL_WORDS: ReadonlySet<string> = new Set(['итого', 'всего', 'total', 'totals', 'барлыгы', 'жиыны', 'барлык']);


const WORD = /\p{L}+/gu;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LONGEST_UNKNOWN_VALUE = 16;

/** True for an empty cell, an "unknown" marker, or punctuation only. */
function isUnknownValue(s: string): boolean {
  if (s === '') return true;
  if (s.length <= LONGEST_UNKNOWN_VALUE && UNKNOWN_VALUES.has(s.toLowerCase())) return true;
  const c = s.charCodeAt(0);
  // Fast path: a value starting with a digit or a Latin/Cyrillic letter has content.
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x400 && c <= 0x4ff)) return false;
  return !LETTER_OR_DIGIT.test(s);
}

/** First words of the placeholder phrases, so that other names skip the full check. */
const PHRASE_FIRST_WORDS: ReadonlySet<string> = new Set([...PLACEHOLDER_PHRASES].map((p) => p.split(' ')[0]));

const FIRST_WORD = /\p{L}+/u;

/**
 * Why a name cannot be used, or undefined when it can: empty, no letters, a placeholder for an unknown name, a
 * total line. Example: rejectNameReason('н/д') === 'name "н/д" says the name is unknown'
 */
export function rejectNameReason(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'no name';
  const first = FIRST_WORD.exec(trimmed);
  if (!first) return `name "${trimmed}" has no letters`;
  const firstWord = foldCyrillic(first[0]);
  if (TOTAL_WORDS.has(firstWord)) return `"${trimmed}" looks like a total line, not a name`;
  // Fast path: a first word that is a real name settles it.
  if (!PLACEHOLDER_WORDS.has(firstWord) && !PHRASE_FIRST_WORDS.has(firstWord)) return undefined;
  const words = foldCyrillic(trimmed).match(WORD) ?? [];
  const unknown = words.every((w) => PLACEHOLDER_WORDS.has(w)) || (words.length <= 3 && PLACEHOLDER_PHRASES.has(words.join(' ')));
  return unknown ? `name "${trimmed}" says the name is unknown` : undefined;
}

interface Cached<T> {
  value: T | undefined;
  extra?: { birthYear?: number; birthDate?: string };
}

/** Per-source memo of parsed cell values. */
export class ValueCache {
  private readonly maps = new Map<string, Map<string, unknown>>();
  private readonly texts = new Map<string, string>();
  /**
   * One shared copy of a cell text that recurs from row to row (a date, a place, a given name): a million records
   * otherwise hold a million copies of each, hundreds of MiB in all.
   */
  text(value: string): string {
    const shared = this.texts.get(value);
    if (shared !== undefined) return shared;
    this.texts.set(value, value);
    return value;
  }

  get<T>(kind: string, text: string, parse: (text: string) => T): T {
    let map = this.maps.get(kind);
    if (!map) this.maps.set(kind, (map = new Map()));
    if (map.has(text)) return map.get(text) as T;
    const value = parse(text);
    map.set(text, value);
    return value;
  }
}

/** Excel's date serial numbers (days since 1899-12-30), as a date column exported without its format shows them. */
const EXCEL_SERIAL = /^(\d{5})(?:[.,]0+)?$/;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** A date cell: any written form parseDate knows, or an Excel serial number between 1930 and 2099. */
export function parseDateCell(text: string): string | undefined {
  const iso = parseDate(text);
  if (iso !== undefined) return iso;
  const m = EXCEL_SERIAL.exec(text.trim());
  if (!m) return undefined;
  const serial = Number(m[1]);
  if (serial < 10959 || serial > 73050) return undefined;
  return new Date(EXCEL_EPOCH_MS + serial * DAY_MS).toISOString().slice(0, 10);
}

function parseAgeCell(text: string): Cached<number> {
  const age = parseAge(text);
  if (age !== undefined) return { value: age };
  const year = parseBirthYear(text);
  if (year !== undefined) return { value: undefined, extra: { birthYear: year } };
  const date = parseDate(text);
  if (date !== undefined) return { value: undefined, extra: { birthYear: Number(date.slice(0, 4)), birthDate: date } };
  return { value: undefined };
}

function parseBirthCell(text: string): Cached<never> {
  const date = parseDateCell(text);
  if (date !== undefined) return { value: undefined, extra: { birthYear: Number(date.slice(0, 4)), birthDate: date } };
  const year = parseBirthYear(text);
  if (year !== undefined) return { value: undefined, extra: { birthYear: year } };
  return { value: undefined };
}

/** Columns whose texts recur across rows, kept once (see ValueCache.text); names as a whole, ids and notes do not. */
const SHARED_ROLES: ReadonlySet<string | undefined> = new Set(['surname', 'given', 'patronymic', 'age', 'birth_year', 'birth_date', 'date_of_death', 'place', 'region', 'category', 'sex']);

export interface RowInput {
  source: string;
  row: number;
  line: number;
  fields: readonly string[];
}

/** Builds the record of one data row, or its rejection when the row has no usable name. */
export function buildRecord(input: RowInput, plan: ColumnPlan, cache: ValueCache): { record?: SourceRecord; rejected?: RejectedRow } {
  const { source, row, line, fields } = input;
  const key = `${source}:${row}`;
  const cells: Record<string, string> = {};
  const n = plan.keys.length;
  for (let i = 0; i < n; i++) {
    if (plan.roles[i] === 'ignore') continue;
    const value = fields[i] ?? '';
    if (plan.unnamed[i] && value.trim() === '') continue;
    cells[plan.keys[i]] = SHARED_ROLES.has(plan.roles[i]) ? cache.text(value) : value;
  }
  const warnings: string[] = [];
  let extra = false;
  for (let i = n; i < fields.length; i++) {
    if (fields[i].trim() !== '') extra = true;
  }
  if (extra) for (let i = n; i < fields.length; i++) cells[`(column ${i + 1})`] = fields[i];
  const ragged = fields.length < n || extra ? `row has ${fields.length} fields, header has ${n}` : undefined;
  if (ragged) warnings.push(ragged);

  const cell = (role: keyof ColumnPlan['index']): string => cellOf(fields, plan, role);

  const full = cell('full_name');
  const surname = cell('surname');
  const given = cell('given');
  const patronymic = cell('patronymic');
  const hasParts = plan.index.surname !== undefined || plan.index.given !== undefined || plan.index.patronymic !== undefined;
  const partsName = hasParts ? joinParts(surname, given, patronymic) : '';
  const rawName = full !== '' ? full : partsName;

  const nameColumn = plan.index.full_name ?? plan.index.surname ?? plan.index.given;
  const repeatsHeader = nameColumn !== undefined && rawName === plan.keys[nameColumn].trim() && rowRepeatsHeader(fields, plan);
  const reason = repeatsHeader ? 'the row repeats the header' : rejectNameReason(rawName);
  if (reason !== undefined) {
    return { rejected: { source, row, line, key, rawName, reason: ragged ? `${reason} (${ragged})` : reason, cells } };
  }

  const record: SourceRecord = { source, row, line, key, rawName, cells, warnings };
  if (hasParts && partsName !== '') {
    const parts: { surname?: string; given?: string; patronymic?: string } = {};
    if (surname) parts.surname = surname;
    if (given) parts.given = given;
    if (patronymic) parts.patronymic = patronymic;
    record.nameParts = parts;
  }

  const sourceId = cell('source_id');
  if (sourceId !== '') record.sourceId = sourceId;

  const age = cell('age');
  if (!isUnknownValue(age)) {
    const parsed = cache.get('age', age, parseAgeCell);
    if (parsed.value !== undefined) record.age = parsed.value;
    else if (parsed.extra) Object.assign(record, parsed.extra);
    else warnings.push(`age "${age}" not understood`);
  }
  const birthYear = cell('birth_year');
  if (!isUnknownValue(birthYear)) {
    const parsed = cache.get('birth', birthYear, parseBirthCell);
    if (parsed.extra) Object.assign(record, parsed.extra);
    else warnings.push(`birth year "${birthYear}" not understood`);
  }
  const birthDate = cell('birth_date');
  if (!isUnknownValue(birthDate)) {
    const parsed = cache.get('birth', birthDate, parseBirthCell);
    if (parsed.extra) Object.assign(record, parsed.extra);
    else warnings.push(`date of birth "${birthDate}" not understood`);
  }
  const death = cell('date_of_death');
  if (!isUnknownValue(death)) {
    const parsed = cache.get('date', death, parseDateCell);
    if (parsed !== undefined) record.dateOfDeath = parsed;
    else warnings.push(`date of death "${death}" not understood`);
  }

  const placeText = cell('place');
  const regionText = cell('region');
  if (!isUnknownValue(placeText)) {
    const p = cache.get<PlaceResolution>('place', placeText, resolvePlace);
    if (p.place !== undefined) record.place = p.place;
    if (p.region !== undefined) record.region = p.region;
    if (p.place === undefined && p.region === undefined) warnings.push(`place "${placeText}" not understood`);
    else if (!p.known) warnings.push(`place "${placeText}" not in the gazetteer`);
  }
  if (!isUnknownValue(regionText)) {
    const r = cache.get<PlaceResolution>('place', regionText, resolvePlace);
    if (r.region === undefined) warnings.push(`region "${regionText}" not understood`);
    else {
      // The region column names the region; a known place's own region stays (it is more specific).
      if (record.region === undefined || record.place === undefined || record.place.startsWith('?')) record.region = r.region;
      // A city of republican significance is its own region: the region names the place too.
      if (record.place === undefined && r.place !== undefined && r.known && r.region.endsWith('-city')) record.place = r.place;
    }
  }

  const category = cell('category');
  if (!isUnknownValue(category)) {
    const c = cache.get<Category | undefined>('category', category, parseCategory);
    if (c !== undefined) record.category = c;
    else warnings.push(`category "${category}" not understood`);
  }
  const sex = cell('sex');
  if (!isUnknownValue(sex)) {
    const s = cache.get<Sex | undefined>('sex', sex, parseSex);
    if (s !== undefined) record.sex = s;
    else warnings.push(`sex "${sex}" not understood`);
  }
  const notes = cell('notes');
  if (notes !== '') record.notes = notes;
  return { record };
}

/** The trimmed cell of a role's column ('' when the source has no such column or the row is short). */
function cellOf(fields: readonly string[], plan: ColumnPlan, role: keyof ColumnPlan['index']): string {
  const i = plan.index[role];
  return i === undefined ? '' : (fields[i] ?? '').trim();
}

/** Surname, given name and patronymic joined by single spaces, empty parts left out. */
function joinParts(surname: string, given: string, patronymic: string): string {
  let out = surname;
  if (given) out = out ? `${out} ${given}` : given;
  if (patronymic) out = out ? `${out} ${patronymic}` : patronymic;
  return out;
}

/** True when every header cell reappears in the row (a header pasted again mid-file). */
function rowRepeatsHeader(fields: readonly string[], plan: ColumnPlan): boolean {
  let named = 0;
  for (let i = 0; i < plan.keys.length; i++) {
    if (plan.keys[i].startsWith('(column ')) continue;
    named++;
    if ((fields[i] ?? '').trim() !== plan.keys[i].replace(/ \(\d+\)'*$/, '').trim()) return false;
  }
  return named > 0;
}
