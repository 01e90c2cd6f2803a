// Source profiles for synthetic scenarios: how each list writes names and fields (script mix, order, patronymics,
// initials, noise, header language, delimiter, encoding), how much of the population it captures, and the presets
// (`jan2022`, the generic five-source scenario and its extensions).
import type { Category } from '../core/types.js';
import type { ScriptId } from './scripts.js';
import type { Lang } from './places.js';
import type { Rng } from './prng.js';

/** Column roles a synthetic source can carry (contract names, plus `rank`, which the config marks `ignore`). */
export type SynthRole =
  | 'source_id'
  | 'full_name'
  | 'surname'
  | 'given'
  | 'patronymic'
  | 'age'
  | 'birth_year'
  | 'birth_date'
  | 'sex'
  | 'date_of_death'
  | 'place'
  | 'region'
  | 'category'
  | 'notes'
  | 'rank';

export type NameOrder = 'SGP' | 'GPS' | 'GS' | 'SG';
export type DateFormat =
  | 'dmy-dot'
  | 'dmy-dot-short'
  | 'iso'
  | 'dmy-slash'
  | 'ru-long'
  | 'ru-abbr'
  | 'kk-long'
  | 'kk-formal'
  | 'en-mdy'
  | 'en-dmy'
  | 'en-short';
export type Encoding = 'utf-8' | 'utf-8-bom' | 'windows-1251' | 'utf-16le';
export type RowOrder = 'shuffle' | 'alpha' | 'date' | 'place';

export interface SourceProfile {
  name: string;
  /** Language of the header and of field values. */
  lang: Lang;
  /** Share of records written in each script. */
  scripts: Array<[ScriptId, number]>;
  /** Exact number of records (presets); otherwise records follow `capture`. */
  records?: number;
  /** Base chance that a person of the covered population is listed (scaled by the person's visibility). */
  capture: number;
  covers?: Category;
  unique?: boolean;
  /** Share of extra records that repeat a listed person with a slightly different spelling. */
  duplicateRate: number;
  /** Rows whose name is unknown (`неизвестно`): counted per source. */
  unidentified: number;
  columns: SynthRole[];
  orders: Array<[NameOrder, number]>;
  /** Chance to write the patronymic when the name is written in full. */
  patronymicKeep: number;
  /** Chance that a Kazakh `-ұлы` patronymic is written Russian-style (`-ович`), and the reverse. */
  kzToRu: number;
  ruToKz: number;
  /** Chance of `Кемел ұлы` (apart) for a Kazakh-style patronymic. */
  patronymicApart: number;
  /** Chance to write initials for given name and patronymic (`Ахметов Е.С.`). */
  initials: number;
  typo: number;
  homoglyph: number;
  /** Chance per Kazakh Cyrillic record to type some Kazakh letters with Russian ones. */
  kazakhLetterLoss: number;
  /** Strength of Soviet russification in Russian Cyrillic and press Latin (Ж→Дж, Ө→У, Болат→Булат). */
  russify: number;
  /** Chance to add or drop the -ов/-ев of a Kazakh surname (Жанболатов / Жанболат). */
  surnameVariant: number;
  /** Chance to write the surname in capitals (`АХМЕТОВ Ерлан`). */
  capsSurname: number;
  /** Chance that a field is empty. */
  missing: Partial<Record<SynthRole, number>>;
  /** Chance the age (or birth year) is off by one, and the date of death by a day. */
  ageError: number;
  dateError: number;
  dateFormats: Array<[DateFormat, number]>;
  /** Chance to write age with a word (`23 года`, `23 жаста`, `23 y.o.`). */
  ageWords: number;
  /** Chance that a place is written with a former name or a second-language name when the profile has them. */
  placeVariety: number;
  notesRate: number;
  encoding: Encoding;
  delimiter: ',' | ';' | '\t';
  newline: '\n' | '\r\n';
  order: RowOrder;
  /** Capture multipliers by place id and for minors (media follow Almaty and children). */
  placeBias?: Record<string, number>;
  minorBias?: number;
  /** Chance per record to swap the surname and given-name cells (split-name sources). */
  columnSwap: number;
}

const BASE: Omit<SourceProfile, 'name' | 'lang' | 'scripts' | 'capture' | 'columns' | 'encoding' | 'delimiter'> = {
  duplicateRate: 0.025,
  unidentified: 0,
  orders: [['SGP', 1]],
  patronymicKeep: 0.6,
  kzToRu: 0.5,
  ruToKz: 0.1,
  patronymicApart: 0.15,
  initials: 0.02,
  typo: 0.04,
  homoglyph: 0.02,
  kazakhLetterLoss: 0.15,
  russify: 0.25,
  surnameVariant: 0.03,
  capsSurname: 0,
  missing: {},
  ageError: 0.05,
  dateError: 0.04,
  dateFormats: [['dmy-dot', 1]],
  ageWords: 0.3,
  placeVariety: 0.15,
  notesRate: 0.25,
  newline: '\n',
  order: 'shuffle',
  columnSwap: 0,
};

/** The official list: security officers only, one record per person, Russian, surnames in capitals. */
export function officialProfile(records?: number): SourceProfile {
  return {
    ...BASE,
    name: 'official',
    lang: 'ru',
    scripts: [['ru-cyrl', 1]],
    records,
    capture: 0.92,
    covers: 'security',
    unique: true,
    duplicateRate: 0,
    columns: ['source_id', 'rank', 'full_name', 'birth_year', 'date_of_death', 'place'],
    patronymicKeep: 0.97,
    kzToRu: 0.6,
    ruToKz: 0,
    patronymicApart: 0.05,
    initials: 0,
    typo: 0.01,
    homoglyph: 0.02,
    russify: 0.15,
    surnameVariant: 0.01,
    capsSurname: 0.75,
    missing: { birth_year: 0.05 },
    ageError: 0.02,
    dateError: 0.02,
    dateFormats: [['dmy-dot', 1]],
    notesRate: 0,
    encoding: 'utf-8-bom',
    delimiter: ',',
    order: 'date',
  };
}

/** A Russian-language media list (Excel export: Windows-1251, semicolons, CRLF). */
export function mediaProfile(records?: number): SourceProfile {
  return {
    ...BASE,
    name: 'media',
    lang: 'ru',
    // Windows-1251 cannot hold Kazakh letters, so this list is written in Russian Cyrillic only.
    scripts: [['ru-cyrl', 1]],
    records,
    capture: 0.5,
    columns: ['source_id', 'full_name', 'age', 'date_of_death', 'place', 'category', 'notes'],
    orders: [['SGP', 0.72], ['GS', 0.18], ['GPS', 0.04], ['SG', 0.06]],
    patronymicKeep: 0.45,
    kzToRu: 0.55,
    initials: 0.03,
    typo: 0.05,
    homoglyph: 0.02,
    kazakhLetterLoss: 0.5,
    russify: 0.4,
    missing: { age: 0.15, date_of_death: 0.08, place: 0.04, category: 0.25, notes: 0 },
    dateFormats: [['ru-long', 0.5], ['dmy-dot', 0.4], ['ru-abbr', 0.1]],
    ageWords: 0.5,
    encoding: 'windows-1251',
    delimiter: ';',
    newline: '\r\n',
    order: 'alpha',
    placeBias: { almaty: 1.25 },
    minorBias: 1.4,
  };
}

/** A Kazakh-language NGO list with split name columns, partly typed without Kazakh letters. */
export function ngoProfile(records?: number): SourceProfile {
  return {
    ...BASE,
    name: 'ngo',
    lang: 'kk',
    scripts: [['kk-cyrl', 0.8], ['ru-cyrl', 0.2]],
    records,
    capture: 0.6,
    unidentified: records !== undefined ? 1 : 0.004,
    columns: ['source_id', 'surname', 'given', 'patronymic', 'birth_year', 'sex', 'date_of_death', 'place', 'category', 'notes'],
    patronymicKeep: 0.8,
    kzToRu: 0.1,
    ruToKz: 0.45,
    patronymicApart: 0.2,
    initials: 0,
    typo: 0.05,
    homoglyph: 0.04,
    kazakhLetterLoss: 0.2,
    russify: 0.1,
    surnameVariant: 0.04,
    missing: { birth_year: 0.12, sex: 0.05, date_of_death: 0.05, place: 0.03, category: 0.1 },
    dateFormats: [['kk-long', 0.45], ['dmy-dot', 0.35], ['kk-formal', 0.1], ['dmy-dot-short', 0.1]],
    encoding: 'utf-8',
    delimiter: ',',
    order: 'place',
    placeBias: { zhanaozen: 1.3, taldykorgan: 1.3, taraz: 1.2 },
    columnSwap: 0.01,
  };
}

/** A short English-language press list: several romanisations, given name first (Excel "Unicode text": UTF-16, tabs). */
export function intlProfile(records?: number): SourceProfile {
  return {
    ...BASE,
    name: 'intl',
    lang: 'en',
    scripts: [['latin-en', 0.6], ['latin-icao', 0.12], ['latin-kz', 0.1], ['latin-de', 0.09], ['latin-fr', 0.09]],
    records,
    capture: 0.12,
    duplicateRate: records !== undefined && records < 100 ? 0 : 0.01,
    columns: ['full_name', 'age', 'date_of_death', 'place', 'category', 'notes'],
    orders: [['GS', 0.8], ['SG', 0.15], ['GPS', 0.05]],
    patronymicKeep: 0.05,
    kzToRu: 0.5,
    initials: 0.02,
    typo: 0.03,
    homoglyph: 0,
    russify: 0.3,
    missing: { age: 0.3, date_of_death: 0.2, place: 0.05, category: 0.3 },
    dateFormats: [['en-mdy', 0.5], ['en-dmy', 0.3], ['en-short', 0.2]],
    ageWords: 0.2,
    notesRate: 0.4,
    encoding: 'utf-16le',
    delimiter: '\t',
    newline: '\r\n',
    order: 'shuffle',
    placeBias: { almaty: 1.6 },
    minorBias: 2.5,
  };
}

/** A morgue or hospital register: Russian, dates of birth, region column, ICAO-style passport names for some. */
export function morgueProfile(): SourceProfile {
  return {
    ...BASE,
    name: 'morgue',
    lang: 'ru',
    scripts: [['ru-cyrl', 0.85], ['latin-icao', 0.1], ['kk-cyrl', 0.05]],
    capture: 0.35,
    duplicateRate: 0.02,
    columns: ['source_id', 'full_name', 'sex', 'birth_date', 'date_of_death', 'place', 'region', 'notes'],
    orders: [['SGP', 1]],
    patronymicKeep: 0.9,
    kzToRu: 0.7,
    initials: 0.05,
    typo: 0.03,
    homoglyph: 0.03,
    russify: 0.3,
    capsSurname: 0.3,
    missing: { birth_date: 0.2, sex: 0.02, place: 0.01, region: 0.1 },
    dateFormats: [['dmy-dot', 0.6], ['iso', 0.2], ['dmy-slash', 0.2]],
    notesRate: 0.15,
    encoding: 'utf-8-bom',
    delimiter: '\t',
    order: 'date',
    placeBias: { almaty: 1.2 },
  };
}

/** A volunteers' spreadsheet: Kazakh and Russian records mixed, some in Kazakh Latin, semicolons. */
export function volunteersProfile(): SourceProfile {
  return {
    ...BASE,
    name: 'volunteers',
    lang: 'kk',
    scripts: [['kk-cyrl', 0.5], ['ru-cyrl', 0.35], ['latin-kz', 0.15]],
    capture: 0.3,
    duplicateRate: 0.03,
    columns: ['full_name', 'age', 'date_of_death', 'place', 'notes'],
    orders: [['SGP', 0.5], ['GPS', 0.25], ['GS', 0.15], ['SG', 0.1]],
    patronymicKeep: 0.5,
    ruToKz: 0.5,
    kzToRu: 0.2,
    patronymicApart: 0.3,
    initials: 0.04,
    typo: 0.07,
    homoglyph: 0.05,
    kazakhLetterLoss: 0.35,
    missing: { age: 0.25, date_of_death: 0.2, place: 0.1 },
    dateFormats: [['dmy-dot', 0.4], ['kk-long', 0.3], ['dmy-dot-short', 0.3]],
    ageWords: 0.5,
    encoding: 'utf-8',
    delimiter: ';',
    order: 'shuffle',
  };
}

/** Names gathered from social media posts, mostly Latin, English headers. */
export function socialProfile(): SourceProfile {
  return {
    ...BASE,
    name: 'social',
    lang: 'en',
    scripts: [['latin-en', 0.45], ['latin-kz', 0.2], ['kk-cyrl', 0.2], ['ru-cyrl', 0.15]],
    capture: 0.25,
    duplicateRate: 0.03,
    columns: ['full_name', 'age', 'place', 'notes'],
    orders: [['GS', 0.6], ['SG', 0.3], ['GPS', 0.1]],
    patronymicKeep: 0.15,
    initials: 0.03,
    typo: 0.06,
    homoglyph: 0.03,
    missing: { age: 0.4, place: 0.2 },
    ageWords: 0.3,
    encoding: 'utf-8',
    delimiter: ',',
    order: 'shuffle',
    minorBias: 1.5,
  };
}

const GENERIC_ORDER = [ngoProfile, mediaProfile, officialProfile, morgueProfile, intlProfile, volunteersProfile, socialProfile];

/** Names of the presets `--preset` accepts. */
export const PRESETS = ['jan2022', 'generic'] as const;
export type PresetName = (typeof PRESETS)[number];

/** Default persons of the jan2022 preset (true dead; the official total is 241). */
export const JAN2022_PERSONS = 252;
/** Record counts of the jan2022 preset. */
export const JAN2022_COUNTS = { official: 19, media: 188, ngo: 221, intl: 40 } as const;

/**
 * Source profiles for a preset or a number of sources. `jan2022` scales its record counts with `persons`
 * (19/188/221/40 at the default 252 persons); `generic` with n sources takes the first n of ngo, media, official,
 * morgue, intl, volunteers, social, then numbered variants.
 */
export function profilesFor(preset: PresetName, persons: number, sources?: number): SourceProfile[] {
  if (preset === 'jan2022') {
    const k = persons / JAN2022_PERSONS;
    const scale = (n: number): number => Math.max(1, Math.round(n * k));
    return [
      officialProfile(scale(JAN2022_COUNTS.official)),
      mediaProfile(scale(JAN2022_COUNTS.media)),
      ngoProfile(scale(JAN2022_COUNTS.ngo)),
      intlProfile(scale(JAN2022_COUNTS.intl)),
    ];
  }
  const n = sources ?? 5;
  const out: SourceProfile[] = [];
  for (let i = 0; i < n; i++) {
    const make = GENERIC_ORDER[i % GENERIC_ORDER.length];
    const p = make();
    if (i >= GENERIC_ORDER.length) {
      p.name = `${p.name}${Math.floor(i / GENERIC_ORDER.length) + 1}`;
      p.capture *= 0.7;
      if (p.unique) p.unique = false;
      if (p.covers) {
        p.duplicateRate = 0.02;
      }
    }
    out.push(p);
  }
  return out;
}

const DATE_FORMATS_BY_LANG: Record<Lang, DateFormat[]> = {
  ru: ['dmy-dot', 'dmy-dot-short', 'iso', 'dmy-slash', 'ru-long', 'ru-abbr'],
  kk: ['dmy-dot', 'dmy-dot-short', 'iso', 'kk-long', 'kk-formal'],
  en: ['iso', 'dmy-slash', 'en-mdy', 'en-dmy', 'en-short'],
};

/**
 * Varies a generic profile with the seed, so that scenarios differ in more than their names: capture rate,
 * delimiter, encoding (Windows-1251 stays Windows-1251), line ends, full-name versus split columns, name order mix,
 * patronymic habit, noise level and an extra date format. The jan2022 preset is not varied.
 */
export function varyProfile(p: SourceProfile, rng: Rng): SourceProfile {
  const q: SourceProfile = { ...p, columns: [...p.columns], orders: [...p.orders], dateFormats: [...p.dateFormats] };
  const jitter = (lo: number, hi: number): number => lo + (hi - lo) * rng.next();
  q.capture = p.capture * jitter(0.7, 1.3);
  if (rng.chance(0.35)) q.delimiter = rng.pick([',', ';', '\t'] as const);
  if (p.encoding !== 'windows-1251' && rng.chance(0.3)) q.encoding = rng.pick(['utf-8', 'utf-8-bom', 'utf-16le'] as const);
  if (rng.chance(0.3)) q.newline = p.newline === '\n' ? '\r\n' : '\n';
  const full = q.columns.indexOf('full_name');
  const sur = q.columns.indexOf('surname');
  if (full >= 0 && rng.chance(0.25)) {
    q.columns.splice(full, 1, ...(rng.chance(0.3) ? (['surname', 'given'] as const) : (['surname', 'given', 'patronymic'] as const)));
  } else if (sur >= 0 && rng.chance(0.25)) {
    q.columns = q.columns.filter((c) => c !== 'given' && c !== 'patronymic');
    q.columns[q.columns.indexOf('surname')] = 'full_name';
  }
  if (rng.chance(0.3)) {
    const w = [rng.next() * 3, rng.next(), rng.next(), rng.next()];
    q.orders = [['SGP', w[0]], ['GPS', w[1]], ['GS', w[2]], ['SG', w[3]]];
  }
  q.patronymicKeep = Math.min(1, p.patronymicKeep * jitter(0.6, 1.2));
  q.typo = p.typo * jitter(0.5, 2);
  q.homoglyph = p.homoglyph * jitter(0.5, 2);
  if (rng.chance(0.3)) q.dateFormats.push([rng.pick(DATE_FORMATS_BY_LANG[p.lang]), 0.3]);
  return q;
}
