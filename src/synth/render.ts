// Renders one person as one row of one source: the name in the source's script and conventions (order,
// patronymic form, initials, typos, look-alike letters) and the other fields in the source's language and formats.
import type { Sex } from '../core/types.js';
import type { Rng } from './prng.js';
import {
  addHomoglyph,
  dropYo,
  foldKazakhToRussian,
  loseKazakhLetters,
  makeTypo,
  romanizeWord,
  type FoldOptions,
  type LatinScheme,
  type RomanizeOptions,
  type ScriptId,
  type TypoKind,
} from './scripts.js';
import { kazakhPatronymic, russianPatronymic, surnameText, type Person, type SurnameType } from './population.js';
import { PLACES, REGION_LABELS, type Lang } from './places.js';
import type { DateFormat, NameOrder, SourceProfile, SynthRole } from './profiles.js';

// ---------------------------------------------------------------------------------------------- headers

const HEADERS: Record<Lang, Record<SynthRole, string[]>> = {
  ru: {
    source_id: ['№', '№', 'N', 'Номер'],
    full_name: ['ФИО', 'ФИО', 'Ф.И.О.', 'Фамилия Имя Отчество'],
    surname: ['Фамилия'],
    given: ['Имя'],
    patronymic: ['Отчество'],
    age: ['Возраст'],
    birth_year: ['Год рождения', 'Г.р.'],
    birth_date: ['Дата рождения'],
    sex: ['Пол'],
    date_of_death: ['Дата смерти', 'Дата гибели'],
    place: ['Место гибели', 'Место смерти', 'Город', 'Населённый пункт', 'Место'],
    region: ['Область', 'Регион'],
    category: ['Категория', 'Статус'],
    notes: ['Примечание', 'Примечания', 'Комментарий'],
    rank: ['Звание'],
  },
  kk: {
    source_id: ['№'],
    full_name: ['Аты-жөні', 'Толық аты-жөні'],
    surname: ['Тегі'],
    given: ['Аты'],
    patronymic: ['Әкесінің аты'],
    age: ['Жасы', 'Жас'],
    birth_year: ['Туған жылы'],
    birth_date: ['Туған күні'],
    sex: ['Жынысы'],
    date_of_death: ['Қаза тапқан күні', 'Қайтыс болған күні'],
    place: ['Қаза тапқан жері', 'Орны', 'Қала'],
    region: ['Облыс'],
    category: ['Санаты', 'Мәртебесі'],
    notes: ['Ескерту', 'Ескертпе'],
    rank: ['Атағы'],
  },
  en: {
    source_id: ['No.', 'No', 'ID'],
    full_name: ['Name', 'Full name', 'Victim', 'Person'],
    surname: ['Surname', 'Last name', 'Family name'],
    given: ['Given name', 'First name', 'Forename'],
    patronymic: ['Patronymic', 'Middle name'],
    age: ['Age'],
    birth_year: ['Year of birth', 'Birth year'],
    birth_date: ['Date of birth', 'DOB', 'Born'],
    sex: ['Sex', 'Gender'],
    date_of_death: ['Date of death', 'Died', 'Death date'],
    place: ['Place of death', 'City', 'Location', 'Place'],
    region: ['Region', 'Oblast', 'Province'],
    category: ['Category', 'Status', 'Type'],
    notes: ['Notes', 'Note', 'Comment'],
    rank: ['Rank'],
  },
};

/** Picks the header cells of a source (one alias per role, fixed for the source). */
export function renderHeader(profile: SourceProfile, rng: Rng): string[] {
  return profile.columns.map((role) => rng.pick(HEADERS[profile.lang][role]));
}

// ---------------------------------------------------------------------------------------------- per-source style

/** Choices a source makes once (label sets), so that a list is internally consistent. */
export interface SourceStyle {
  sexLabels: [string, string];
  /** Option objects reused for every record (their identity keys the conversion caches). */
  foldKazakh: FoldOptions;
  foldOther: FoldOptions;
  romanizeEn: RomanizeOptions;
  romanizePress: RomanizeOptions;
  kzVersion: LatinScheme;
  icaoLegacy: boolean;
  initialsSpaced: boolean;
}

const SEX_LABELS: Record<Lang, Array<[string, string]>> = {
  ru: [['М', 'Ж'], ['муж', 'жен'], ['мужской', 'женский']],
  kk: [['ер', 'әйел'], ['Ер', 'Әйел']],
  en: [['M', 'F'], ['male', 'female']],
};

export function chooseStyle(profile: SourceProfile, rng: Rng): SourceStyle {
  const sexLabels = rng.pick(SEX_LABELS[profile.lang]);
  const kzVersion = rng.weighted([['kz2021', 70], ['kz2018', 20], ['kz2017', 10]] as const);
  const icaoLegacy = rng.chance(0.3);
  const doubleS = rng.pick([0.1, 0.4, 0.7]);
  const initialYe = rng.pick([0.3, 0.8, 1]);
  const initialsSpaced = rng.chance(0.3);
  const english = { zhAsJ: rng.pick([0, 0.1, 0.3]), khAsH: rng.pick([0, 0.15, 0.4]), yAsI: rng.pick([0, 0, 0.15]) };
  return {
    sexLabels,
    foldKazakh: { russify: profile.russify, kazakh: true, cache: new Map() },
    foldOther: { russify: profile.russify, kazakh: false, cache: new Map() },
    romanizeEn: { doubleS, initialYe, kazakhDigraphs: 0.15, ...english, cache: { en: new Map() } },
    romanizePress: { doubleS, initialYe: 1, kazakhDigraphs: 0, cache: { de: new Map(), fr: new Map() } },
    kzVersion,
    icaoLegacy,
    initialsSpaced,
  };
}

// ---------------------------------------------------------------------------------------------- names

export interface RenderedName {
  full: string;
  surname: string;
  given: string;
  patronymic: string;
  script: ScriptId;
}

function convertWord(word: string, script: ScriptId, person: Person, profile: SourceProfile, style: SourceStyle, rng: Rng): string {
  const kazakh = person.ethnicity === 'kazakh';
  const fold = kazakh ? style.foldKazakh : style.foldOther;
  switch (script) {
    case 'kk-cyrl': {
      let w = word;
      if (kazakh && rng.chance(profile.kazakhLetterLoss)) w = loseKazakhLetters(w, rng, 0.7);
      return dropYo(w, rng, 0.6);
    }
    case 'ru-cyrl':
      return dropYo(foldKazakhToRussian(word, rng, fold), rng, 0.75);
    case 'latin-icao':
      return romanizeWord(word, style.icaoLegacy ? 'icao-legacy' : 'icao', rng);
    case 'latin-kz':
      return romanizeWord(word, style.kzVersion, rng);
    case 'latin-en': {
      const base = kazakh && rng.chance(0.7) ? foldKazakhToRussian(word, rng, fold) : word;
      return romanizeWord(base, 'en', rng, style.romanizeEn);
    }
    case 'latin-de':
    case 'latin-fr': {
      const base = kazakh ? foldKazakhToRussian(word, rng, fold) : word;
      return romanizeWord(base, script === 'latin-de' ? 'de' : 'fr', rng, style.romanizePress);
    }
  }
}

function initialOf(word: string, script: ScriptId, rng: Rng): string {
  const parts = word.split('-').filter((p) => p.length > 0);
  const one = (p: string): string => {
    if (script === 'latin-en' && /^(Zh|Sh|Ch|Kh|Ye|Yu|Ya)/.test(p) && rng.chance(0.3)) return p.slice(0, 2) + '.';
    return Array.from(p)[0].toUpperCase() + '.';
  };
  return parts.map(one).join('-');
}

const TYPO_KINDS: ReadonlyArray<readonly [TypoKind, number]> = [
  ['adjacent-key', 35],
  ['dropped-letter', 30],
  ['doubled-letter', 20],
  ['transposed', 15],
];

function varySurnameType(person: Person, profile: SourceProfile, rng: Rng): SurnameType {
  const t = person.surname.type;
  if (t === 'fixed' || !rng.chance(profile.surnameVariant)) return t;
  if (t === 'ov') return 'bare';
  return 'ov';
}

/**
 * Renders a person's name as one source writes it. Returns the full-name string and the split parts
 * (patronymic empty when dropped), both with the same noise.
 * @example renderName(person, ngoProfile(), style, rng).full // e.g. 'Ахметов Ерлан Серікұлы'
 */
export function renderName(person: Person, profile: SourceProfile, style: SourceStyle, rng: Rng): RenderedName {
  const script = rng.weighted(profile.scripts);
  const sex: Sex = person.sex;
  let surname = surnameText(person.surname, sex, varySurnameType(person, profile, rng));
  let given = person.given;
  if (given.includes('-')) {
    const r = rng.next();
    if (r < 0.15) given = given.replace('-', ' ');
    else if (r < 0.3) given = given.replace(/-(.)/, (_, c: string) => c.toLowerCase());
  }
  let style2 = person.patronymicStyle;
  if (person.ethnicity === 'kazakh') {
    if (style2 === 'kz' && rng.chance(profile.kzToRu)) style2 = 'ru';
    else if (style2 === 'ru' && rng.chance(profile.ruToKz)) style2 = 'kz';
  }
  const keepPatronymic = rng.chance(profile.patronymicKeep);
  let patronymic = !keepPatronymic
    ? ''
    : style2 === 'kz'
      ? kazakhPatronymic(person.father, sex, rng.chance(profile.patronymicApart))
      : russianPatronymic(person.father, sex);

  const conv = (s: string): string =>
    s === ''
      ? ''
      : !s.includes(' ')
        ? convertWord(s, script, person, profile, style, rng)
        : s.split(' ').map((w) => convertWord(w, script, person, profile, style, rng)).join(' ');
  surname = conv(surname);
  given = conv(given);
  patronymic = conv(patronymic);

  // Noise: one typo, Latin look-alikes in Cyrillic words.
  if (rng.chance(profile.typo)) {
    const kind = rng.weighted(TYPO_KINDS);
    const which = rng.weighted([['s', 50], ['g', 35], ['p', 15]] as const);
    if (which === 's' || (which === 'p' && patronymic === '')) surname = makeTypo(surname, rng, kind);
    else if (which === 'g') given = makeTypo(given, rng, kind);
    else patronymic = makeTypo(patronymic, rng, kind);
  }
  const cyrillic = script === 'kk-cyrl' || script === 'ru-cyrl';
  if (cyrillic && rng.chance(profile.homoglyph)) {
    const which = rng.int(3);
    if (which === 0 || patronymic === '') surname = addHomoglyph(surname, rng);
    else if (which === 1) given = addHomoglyph(given, rng);
    else patronymic = addHomoglyph(patronymic, rng);
  }

  // Initials replace given name and patronymic.
  const useInitials = rng.chance(profile.initials);
  let givenOut = given;
  let patOut = patronymic;
  if (useInitials) {
    givenOut = initialOf(given, script, rng);
    patOut = patronymic === '' ? '' : initialOf(patronymic.split(' ')[0], script, rng);
  }
  const surnameOut = rng.chance(profile.capsSurname) && script !== 'latin-icao' ? surname.toUpperCase() : surname;

  let full: string;
  if (useInitials) {
    const inits = patOut === '' ? givenOut : givenOut + (style.initialsSpaced ? ' ' : '') + patOut;
    full = rng.chance(0.8) ? `${surnameOut} ${inits}` : `${inits} ${surnameOut}`;
  } else {
    const order: NameOrder = rng.weighted(profile.orders);
    const gp = patOut === '' ? givenOut : `${givenOut} ${patOut}`;
    if (order === 'SGP') full = `${surnameOut}${rng.chance(0.02) ? ',' : ''} ${gp}`;
    else if (order === 'GPS') full = `${gp} ${surnameOut}`;
    else if (order === 'GS') full = `${givenOut} ${surnameOut}`;
    else full = `${surnameOut} ${givenOut}`;
  }
  // Stray spaces as found in real spreadsheets.
  const r = rng.next();
  if (r < 0.01) full = full.replace(' ', '  ');
  else if (r < 0.02) full = full + ' ';
  else if (r < 0.025) full = full.replace(' ', '\u00a0');
  return { full, surname: surnameOut, given: givenOut, patronymic: patOut, script };
}

// ---------------------------------------------------------------------------------------------- other fields

const MONTHS_RU_GEN = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const MONTHS_RU_ABBR = ['янв.', 'февр.', 'мар.', 'апр.', 'мая', 'июн.', 'июл.', 'авг.', 'сент.', 'окт.', 'нояб.', 'дек.'];
const MONTHS_KK = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Writes an ISO date in one of the textual formats found in lists.
 * @example formatDate('2022-01-05', 'kk-formal') // '2022 жылғы 5 қаңтар'
 */
export function formatDate(iso: string, format: DateFormat): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  switch (format) {
    case 'dmy-dot':
      return `${pad2(d)}.${pad2(m)}.${y}`;
    case 'dmy-dot-short':
      return `${d}.${m}.${String(y).slice(2)}`;
    case 'iso':
      return iso;
    case 'dmy-slash':
      return `${pad2(d)}/${pad2(m)}/${y}`;
    case 'ru-long':
      return `${d} ${MONTHS_RU_GEN[m - 1]} ${y}`;
    case 'ru-abbr':
      return `${d} ${MONTHS_RU_ABBR[m - 1]} ${y}`;
    case 'kk-long':
      return `${d} ${MONTHS_KK[m - 1]} ${y}`;
    case 'kk-formal':
      return `${y} жылғы ${d} ${MONTHS_KK[m - 1]}`;
    case 'en-mdy':
      return `${MONTHS_EN[m - 1]} ${d}, ${y}`;
    case 'en-dmy':
      return `${d} ${MONTHS_EN[m - 1]} ${y}`;
    case 'en-short':
      return `${MONTHS_EN[m - 1].slice(0, 3)} ${d} ${y}`;
  }
}

function shiftDate(iso: string, days: number): string {
  const t = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) + days * 86400000;
  return new Date(t).toISOString().slice(0, 10);
}

function russianYears(n: number): string {
  const d = n % 10;
  const dd = n % 100;
  if (d === 1 && dd !== 11) return 'год';
  if (d >= 2 && d <= 4 && (dd < 12 || dd > 14)) return 'года';
  return 'лет';
}

function formatAge(age: number, lang: Lang, words: boolean, rng: Rng): string {
  if (!words) return String(age);
  if (lang === 'ru') return rng.chance(0.8) ? `${age} ${russianYears(age)}` : `${age} г.`;
  if (lang === 'kk') return rng.chance(0.7) ? `${age} жаста` : `${age} жас`;
  return rng.chance(0.5) ? `${age} y.o.` : `${age} years`;
}

const CATEGORY_LABELS: Record<Lang, Record<string, string[]>> = {
  ru: {
    civilian: ['мирный житель', 'гражданский', 'гражданское лицо'],
    police: ['сотрудник полиции', 'полицейский'],
    guard: ['военнослужащий Нацгвардии', 'нацгвардия'],
    military: ['военнослужащий'],
    knb: ['сотрудник КНБ'],
    other: ['другое', 'умер под стражей'],
  },
  kk: {
    civilian: ['бейбіт тұрғын'],
    police: ['полиция қызметкері'],
    guard: ['сарбаз', 'Ұлттық ұлан сарбазы'],
    military: ['әскери қызметші'],
    knb: ['ҰҚК қызметкері'],
    other: ['басқа'],
  },
  en: {
    civilian: ['civilian', 'civilian', 'civil'],
    police: ['police', 'police officer'],
    guard: ['national guard'],
    military: ['military', 'soldier', 'serviceman'],
    knb: ['security officer'],
    other: ['other', 'died in custody'],
  },
};

const RANKS: Record<string, string[]> = {
  police: ['сержант полиции', 'лейтенант полиции', 'капитан полиции', 'майор полиции', 'старший сержант полиции'],
  guard: ['рядовой', 'младший сержант', 'сержант', 'ефрейтор'],
  military: ['рядовой', 'старший лейтенант', 'прапорщик'],
  knb: ['капитан', 'майор', 'подполковник'],
};

const NOTES: Record<Lang, string[]> = {
  ru: [
    'огнестрельное ранение', 'скончался в больнице', 'данные уточняются', 'по данным родственников',
    'тело передано родственникам', 'похоронен в родном селе', 'по данным «Радио Азаттык», уточняется',
    'ранен 5.01; скончался позже', 'со слов брата: "был на работе"', 'в списке МВД не значится',
  ],
  kk: [
    'ауруханада қайтыс болды', 'оқ жарақаты', 'туыстарының мәліметі бойынша', 'мәлімет нақтыланып жатыр',
    'туған ауылында жерленді', 'ағасының айтуынша: "жұмыста болған"',
  ],
  en: [
    'gunshot wound', 'died in hospital', 'name confirmed by relatives', 'reported by local media',
    'body returned to family, buried in home village', 'age per relatives; "was on his way home"',
  ],
};

function placeLabel(index: number, lang: Lang, script: ScriptId, profile: SourceProfile, rng: Rng): string {
  const p = PLACES[index];
  let list: string[];
  if (script === 'latin-kz') list = p.kz;
  else if (script === 'latin-de') list = p.de;
  else if (script === 'latin-fr') list = p.fr;
  else if (lang === 'en') list = p.en;
  else if (lang === 'kk') list = rng.chance(0.25) ? p.ru : p.kk;
  else list = p.ru;
  return rng.chance(profile.placeVariety) ? rng.pick(list) : list[0];
}

/** Values of one row, in the profile's column order; `source_id` is left empty for the writer to number. */
export interface RenderedRow {
  cells: string[];
  script: ScriptId;
}

const UNKNOWN_NAME: Record<Lang, string[]> = {
  ru: ['неизвестно', 'н/д', 'неизвестный'],
  kk: ['аты белгісіз', 'белгісіз'],
  en: ['unknown', 'n/a'],
};

/**
 * Renders one row of a source for a person. `unidentified` writes a placeholder instead of the name.
 * @example renderRow(person, mediaProfile(), style, rng, false).cells // ['', 'Ахметов Ерлан', '23 года', ...]
 */
export function renderRow(person: Person, profile: SourceProfile, style: SourceStyle, rng: Rng, unidentified: boolean): RenderedRow {
  const name = renderName(person, profile, style, rng);
  if (unidentified) {
    const u = rng.pick(UNKNOWN_NAME[profile.lang]);
    name.full = u;
    name.surname = u;
    name.given = '';
    name.patronymic = '';
  }
  const lang = profile.lang;
  const missing = (role: SynthRole): boolean => rng.chance(profile.missing[role] ?? 0);
  const ageTrue = person.age + (rng.chance(profile.ageError) ? (rng.chance(0.5) ? 1 : -1) : 0);
  const cells: string[] = [];
  for (const role of profile.columns) {
    let v = '';
    switch (role) {
      case 'source_id':
        v = '';
        break;
      case 'full_name':
        v = name.full;
        break;
      case 'surname':
        v = name.surname;
        break;
      case 'given':
        v = name.given;
        break;
      case 'patronymic':
        v = name.patronymic;
        break;
      case 'age':
        if (!missing(role)) v = formatAge(Math.max(0, ageTrue), lang, rng.chance(profile.ageWords), rng);
        break;
      case 'birth_year':
        if (!missing(role)) {
          const y = Number(person.birthDate.slice(0, 4)) + (ageTrue - person.age) * -1;
          v = lang === 'ru' && rng.chance(profile.ageWords) ? `${y} г.р.` : String(y);
        }
        break;
      case 'birth_date':
        if (!missing(role)) v = formatDate(person.birthDate, rng.weighted(profile.dateFormats));
        break;
      case 'sex':
        if (!missing(role)) v = person.sex === 'M' ? style.sexLabels[0] : style.sexLabels[1];
        break;
      case 'date_of_death':
        if (!missing(role)) {
          const shift = rng.chance(profile.dateError) ? (rng.chance(0.5) ? 1 : -1) : 0;
          v = formatDate(shift === 0 ? person.dateOfDeath : shiftDate(person.dateOfDeath, shift), rng.weighted(profile.dateFormats));
        }
        break;
      case 'place':
        if (!missing(role)) v = placeLabel(person.place, lang, name.script, profile, rng);
        break;
      case 'region':
        if (!missing(role)) v = REGION_LABELS[PLACES[person.place].region]?.[lang] ?? '';
        break;
      case 'category':
        if (!missing(role)) {
          const key = person.category === 'security' ? (person.service ?? 'police') : person.category;
          v = rng.pick(CATEGORY_LABELS[lang][key]);
        }
        break;
      case 'rank':
        v = person.category === 'security' ? rng.pick(RANKS[person.service ?? 'police']) : '';
        break;
      case 'notes':
        if (rng.chance(profile.notesRate)) {
          v = rng.pick(NOTES[lang]);
          if (rng.chance(0.03)) v = v.replace('; ', ';\n');
        }
        break;
    }
    cells.push(v);
  }
  if (profile.columnSwap > 0 && rng.chance(profile.columnSwap)) {
    const si = profile.columns.indexOf('surname');
    const gi = profile.columns.indexOf('given');
    if (si >= 0 && gi >= 0) [cells[si], cells[gi]] = [cells[gi], cells[si]];
  }
  return { cells, script: name.script };
}
