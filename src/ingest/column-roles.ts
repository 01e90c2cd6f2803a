// Header detection: which column holds the name, the age, the place... from headers in Russian, Kazakh or English.
// Case-, spacing-, punctuation- and ё/е-insensitive; Kazakh letters typed as Russian ones are accepted. Pure.
import { foldKey } from '../places/fold-text.js';

export type ColumnRole =
  | 'full_name' | 'surname' | 'given' | 'patronymic' | 'age' | 'birth_year' | 'birth_date' | 'date_of_death'
  | 'place' | 'region' | 'category' | 'sex' | 'source_id' | 'notes' | 'ignore';

/** Every role a config may name, in the order reports list them. */
export const COLUMN_ROLES: readonly ColumnRole[] = [
  'full_name', 'surname', 'given', 'patronymic', 'age', 'birth_year', 'birth_date', 'date_of_death', 'place', 'region',
  'category', 'sex', 'source_id', 'notes', 'ignore',
];

/** Header aliases per role (contracts list, plus common variants met in exported spreadsheets). */
const ALIASES: Readonly<Record<Exclude<ColumnRole, 'ignore'>, readonly string[]>> = {
  full_name: [
    'ФИО', 'Ф.И.О.', 'Фамилия Имя Отчество', 'Фамилия, имя, отчество', 'Фамилия Имя', 'Фамилия и имя', 'Имя Фамилия',
    'ФИО погибшего', 'ФИО погибших', 'Аты-жөні', 'Толық аты-жөні', 'Аты жөні', 'Тегі, аты',
    'Тегі, аты, әкесінің аты', 'Тегі аты әкесінің аты', 'Full name', 'Fullname', 'Full names', 'Name', 'Names',
    'Person', 'Victim', 'Victim name', 'Name of victim', 'Name surname', 'Surname name', 'Surname and name',
  ],
  surname: ['Фамилия', 'Тегі', 'Surname', 'Last name', 'Lastname', 'Family name'],
  given: ['Имя', 'Аты', 'Есімі', 'Given name', 'Given names', 'First name', 'Firstname', 'Forename'],
  patronymic: ['Отчество', 'Әкесінің аты', 'Әкесінің есімі', 'Patronymic', 'Middle name', 'Father name', "Father's name"],
  age: ['Возраст', 'Полных лет', 'Жасы', 'Жас', 'Age', 'Age years'],
  birth_year: [
    'Год рождения', 'Год рожд.', 'Г.р.', 'Г/р', 'Туған жылы', 'Туылған жылы', 'Birth year', 'Year of birth', 'YOB',
  ],
  birth_date: [
    'Дата рождения', 'Д.р.', 'Туған күні', 'Туылған күні', 'Date of birth', 'Birth date', 'Birthdate', 'DOB', 'Born',
  ],
  date_of_death: [
    'Дата смерти', 'Дата гибели', 'Дата', 'Когда', 'Дата происшествия', 'Қайтыс болған күні', 'Қаза тапқан күні',
    'Қаза болған күні', 'Күні', 'Date of death', 'Death date', 'Date died', 'Died', 'Date',
  ],
  place: [
    'Место', 'Место гибели', 'Место смерти', 'Место происшествия', 'Город', 'Населённый пункт', 'Нас. пункт', 'Орны',
    'Қаза тапқан жері', 'Қаза болған жері', 'Қайтыс болған жері', 'Қала', 'Елді мекен', 'Жері', 'Place',
    'Place of death', 'City', 'Town', 'Location', 'Where', 'Settlement',
  ],
  region: ['Область', 'Регион', 'Облыс', 'Облысы', 'Өңір', 'Region', 'Oblast', 'Province'],
  category: [
    'Категория', 'Статус', 'Санаты', 'Мәртебесі', 'Мәртебе', 'Принадлежность', 'Тип', 'Category', 'Status', 'Type',
    'Affiliation', 'Role',
  ],
  sex: ['Пол', 'Жынысы', 'Жыныс', 'Sex', 'Gender'],
  source_id: [
    '№', '#', '№№', '№ п/п', 'п/п', 'N', 'N п/п', 'No', 'No.', 'Nr', 'Номер', 'Нөмір', 'Реттік нөмір', 'Рет саны',
    'ID', 'Record id', 'Number',
  ],
  notes: [
    'Примечание', 'Примечания', 'Комментарий', 'Комментарии', 'Обстоятельства', 'Обстоятельства гибели', 'Описание',
    'Дополнительно', 'Ескерту', 'Ескертпе', 'Түсініктеме', 'Notes', 'Note', 'Comment', 'Comments', 'Remarks',
    'Circumstances', 'Details', 'Description',
  ],
};

/** Symbols that are a whole header on their own and fold to nothing. */
const SYMBOL_HEADERS: ReadonlyMap<string, ColumnRole> = new Map([['№', 'source_id'], ['#', 'source_id'], ['№№', 'source_id']]);

const ROLE_BY_KEY: ReadonlyMap<string, ColumnRole> = (() => {
  const map = new Map<string, ColumnRole>();
  for (const role of COLUMN_ROLES) {
    if (role === 'ignore') continue;
    for (const alias of ALIASES[role]) {
      const key = foldKey(alias);
      if (key && !map.has(key)) map.set(key, role);
    }
  }
  return map;
})();

const MAX_PREFIX_WORDS = 4;

/**
 * One-word aliases too generic to recognise a longer header by its first word (`Место работы` is not the place of
 * death, `Имя отца` is not the given name). They still match as the whole header.
 */
const GENERIC_FIRST_WORDS: ReadonlySet<string> = new Set([
  'mesto', 'place', 'gorod', 'city', 'town', 'location', 'data', 'date', 'kogda', 'kuni', 'zheri', 'orny', 'kala', 'tip',
  'type', 'role', 'n', 'no', 'nr', 'number', 'nomer', 'id', 'imya', 'name', 'aty', 'died', 'born', 'where', 'person',
]);

/**
 * Detects the role of one header, or undefined. The whole header is tried first, then its leading words
 * (`ФИО погибшего (полностью)` → full_name, `Дата гибели (дд.мм.гггг)` → date_of_death).
 * Examples: detectRole('Ф.И.О.') === 'full_name'; detectRole('Аты-жони') === 'full_name';
 * detectRole('Год рождения') === 'birth_year'; detectRole('Звание') === undefined
 */
export function detectRole(header: string): ColumnRole | undefined {
  const trimmed = header.trim();
  const symbol = SYMBOL_HEADERS.get(trimmed);
  if (symbol) return symbol;
  const whole = ROLE_BY_KEY.get(foldKey(trimmed));
  if (whole) return whole;
  const words = trimmed.split(/[\s,;:()[\]/\\|]+/).map(foldKey).filter(Boolean);
  for (let n = Math.min(MAX_PREFIX_WORDS, words.length - 1); n >= 1; n--) {
    if (n === 1 && GENERIC_FIRST_WORDS.has(words[0])) break;
    const role = ROLE_BY_KEY.get(words.slice(0, n).join(''));
    if (role) return role;
  }
  return undefined;
}

/** Folded form of a header, for matching config `columns` keys leniently. */
export function headerKey(header: string): string {
  return foldKey(header) || header.trim();
}
