// Places of death for synthetic scenarios: gazetteer ids (as in the contracts) with how lists write them in Russian,
// Kazakh and Latin, including former names (Алма-Ата, Талды-Курган, Чимкент), and the share of deaths per place.

export type Lang = 'ru' | 'kk' | 'en';

export interface PlaceInfo {
  id: string;
  region: string;
  /** Share of the scenario's deaths (Jan 2022 shape: Almaty majority). */
  weight: number;
  ru: string[];
  kk: string[];
  en: string[];
  /** Kazakh Latin, German press and French press spellings. */
  kz: string[];
  de: string[];
  fr: string[];
}

export const PLACES: readonly PlaceInfo[] = [
  { id: 'almaty', region: 'almaty-city', weight: 60,
    ru: ['Алматы', 'г. Алматы', 'г.Алматы', 'Алма-Ата', 'г. Алматы, Алмалинский район', 'Алматы, Бостандыкский р-н'],
    kk: ['Алматы', 'Алматы қ.', 'Алматы қаласы'], en: ['Almaty', 'Almaty', 'Alma-Ata', 'Almaty (Medeu district)'],
    kz: ['Almaty'], de: ['Almaty', 'Alma-Ata'], fr: ['Almaty', 'Alma-Ata'] },
  { id: 'taldykorgan', region: 'almaty-region', weight: 7,
    ru: ['Талдыкорган', 'Талды-Курган', 'г. Талдыкорган'], kk: ['Талдықорған'], en: ['Taldykorgan', 'Taldy-Kurgan'],
    kz: ['Taldyqorğan'], de: ['Taldykorgan'], fr: ['Taldykorgan'] },
  { id: 'taraz', region: 'zhambyl', weight: 6,
    ru: ['Тараз', 'г. Тараз', 'Джамбул'], kk: ['Тараз'], en: ['Taraz'], kz: ['Taraz'], de: ['Taras', 'Taraz'], fr: ['Taraz'] },
  { id: 'shymkent', region: 'shymkent', weight: 4,
    ru: ['Шымкент', 'Чимкент'], kk: ['Шымкент'], en: ['Shymkent', 'Chimkent'], kz: ['Şymkent'], de: ['Schymkent'],
    fr: ['Chymkent'] },
  { id: 'kyzylorda', region: 'kyzylorda', weight: 3,
    ru: ['Кызылорда', 'Кзыл-Орда'], kk: ['Қызылорда'], en: ['Kyzylorda'], kz: ['Qyzylorda'], de: ['Kysylorda'],
    fr: ['Kyzylorda'] },
  { id: 'aktobe', region: 'aktobe', weight: 3,
    ru: ['Актобе', 'Актюбинск'], kk: ['Ақтөбе'], en: ['Aktobe'], kz: ['Aqtöbe'], de: ['Aktobe'], fr: ['Aktobe'] },
  { id: 'zhanaozen', region: 'mangystau', weight: 2,
    ru: ['Жанаозен', 'Жанаозень', 'Новый Узень'], kk: ['Жаңаөзен'], en: ['Zhanaozen', 'Janaozen'], kz: ['Jañaözen'],
    de: ['Schanaosen', 'Zhanaozen'], fr: ['Janaozen'] },
  { id: 'aktau', region: 'mangystau', weight: 2,
    ru: ['Актау'], kk: ['Ақтау'], en: ['Aktau'], kz: ['Aqtau'], de: ['Aktau'], fr: ['Aktaou'] },
  { id: 'konaev', region: 'almaty-region', weight: 3,
    ru: ['Капшагай', 'Конаев'], kk: ['Қонаев', 'Қапшағай'], en: ['Kapchagay', 'Konaev'], kz: ['Qonaev'],
    de: ['Kaptschagai'], fr: ['Kaptchagaï'] },
  { id: '?talgar', region: 'almaty-region', weight: 3,
    ru: ['Алматинская обл., Талгар', 'Талгар'], kk: ['Алматы облысы, Талғар'], en: ['Talgar, Almaty Region'],
    kz: ['Talğar'], de: ['Talgar'], fr: ['Talgar'] },
  { id: 'oral', region: 'west-kazakhstan', weight: 1,
    ru: ['Уральск'], kk: ['Орал'], en: ['Oral', 'Uralsk'], kz: ['Oral'], de: ['Uralsk'], fr: ['Ouralsk'] },
  { id: 'turkestan', region: 'turkestan', weight: 1,
    ru: ['Туркестан'], kk: ['Түркістан'], en: ['Turkestan'], kz: ['Türkıstan'], de: ['Turkestan'], fr: ['Turkestan'] },
  { id: 'astana', region: 'astana', weight: 1,
    ru: ['Нур-Султан', 'Астана'], kk: ['Нұр-Сұлтан'], en: ['Nur-Sultan'], kz: ['Nūr-Sūltan'], de: ['Nur-Sultan'],
    fr: ['Nour-Soultan'] },
  { id: 'atyrau', region: 'atyrau', weight: 1,
    ru: ['Атырау'], kk: ['Атырау'], en: ['Atyrau'], kz: ['Atyrau'], de: ['Atyrau'], fr: ['Atyraou'] },
  { id: 'karaganda', region: 'karaganda', weight: 1,
    ru: ['Караганда'], kk: ['Қарағанды'], en: ['Karaganda'], kz: ['Qarağandy'], de: ['Karaganda'], fr: ['Karaganda'] },
];

export const PLACE_WEIGHTS: ReadonlyArray<readonly [number, number]> = PLACES.map((p, i) => [i, p.weight] as const);

/** Region names for sources with a region column. */
export const REGION_LABELS: Record<string, Record<Lang, string>> = {
  'almaty-city': { ru: 'г. Алматы', kk: 'Алматы қаласы', en: 'Almaty City' },
  'almaty-region': { ru: 'Алматинская область', kk: 'Алматы облысы', en: 'Almaty Region' },
  zhambyl: { ru: 'Жамбылская область', kk: 'Жамбыл облысы', en: 'Zhambyl Region' },
  shymkent: { ru: 'г. Шымкент', kk: 'Шымкент қаласы', en: 'Shymkent City' },
  kyzylorda: { ru: 'Кызылординская область', kk: 'Қызылорда облысы', en: 'Kyzylorda Region' },
  aktobe: { ru: 'Актюбинская область', kk: 'Ақтөбе облысы', en: 'Aktobe Region' },
  mangystau: { ru: 'Мангистауская область', kk: 'Маңғыстау облысы', en: 'Mangystau Region' },
  'west-kazakhstan': { ru: 'Западно-Казахстанская область', kk: 'Батыс Қазақстан облысы', en: 'West Kazakhstan Region' },
  turkestan: { ru: 'Туркестанская область', kk: 'Түркістан облысы', en: 'Turkestan Region' },
  astana: { ru: 'г. Нур-Султан', kk: 'Нұр-Сұлтан қаласы', en: 'Nur-Sultan City' },
  atyrau: { ru: 'Атырауская область', kk: 'Атырау облысы', en: 'Atyrau Region' },
  karaganda: { ru: 'Карагандинская область', kk: 'Қарағанды облысы', en: 'Karaganda Region' },
};
