// The gazetteer: Kazakhstan's first-level regions, cities, towns and villages that casualty lists name, each with its
// Kazakh, Russian and Latin spellings and former names. Regions are those of January 2022 (the event); the three
// regions formed in June 2022 (Abai, Jetisu, Ulytau) are known by name but no place is assigned to them.

export type PlaceKind = 'city' | 'town' | 'village' | 'district';

export interface GazetteerRegion {
  /** Stable id used in outputs, e.g. `almaty-region`, `mangystau`. */
  id: string;
  /** Display name in Latin. */
  label: string;
  /** Spellings (Russian adjective forms, Kazakh, Latin, abbreviations, former names), without "область"/"облысы". */
  names: readonly string[];
  /** Set for the regions created in June 2022; the id of the January 2022 region they were split from. */
  splitFrom?: string;
}

export interface GazetteerPlace {
  /** Stable id used in outputs, e.g. `almaty`, `zhanaozen`. */
  id: string;
  label: string;
  kind: Exclude<PlaceKind, 'district'>;
  /** Region id as of January 2022. */
  region: string;
  /** Spellings and former names, without "г."/"қаласы"/"city". */
  names: readonly string[];
}

/** A city district: resolves to its city (`Алмалинский район` → `almaty`). */
export interface GazetteerDistrict {
  id: string;
  label: string;
  /** Place id of the city the district belongs to. */
  city: string;
  names: readonly string[];
}

export const REGIONS: readonly GazetteerRegion[] = [
  { id: 'almaty-city', label: 'Almaty City', names: [] },
  { id: 'astana-city', label: 'Astana City', names: [] },
  { id: 'shymkent-city', label: 'Shymkent City', names: [] },
  { id: 'abai', label: 'Abai Region', splitFrom: 'east-kazakhstan', names: ['Абайская', 'Абай', 'Abai', 'Abay'] },
  {
    id: 'akmola', label: 'Akmola Region',
    names: ['Акмолинская', 'Ақмола', 'Акмола', 'Akmola', 'Aqmola', 'Akmolinskaya', 'Целиноградская', 'Кокчетавская'],
  },
  { id: 'aktobe', label: 'Aktobe Region', names: ['Актюбинская', 'Ақтөбе', 'Актобе', 'Aktobe', 'Aqtobe', 'Aktyubinsk'] },
  {
    id: 'almaty-region', label: 'Almaty Region',
    names: ['Алматинская', 'Алма-Атинская', 'Алматы', 'Almaty', 'Almatinskaya', 'Талдыкорганская', 'Талды-Курганская'],
  },
  { id: 'atyrau', label: 'Atyrau Region', names: ['Атырауская', 'Атырау', 'Гурьевская', 'Atyrau', 'Atyrauskaya'] },
  {
    id: 'east-kazakhstan', label: 'East Kazakhstan Region',
    names: [
      'Восточно-Казахстанская', 'Восточный Казахстан', 'ВКО', 'Шығыс Қазақстан', 'ШҚО', 'East Kazakhstan',
      'East-Kazakhstan', 'Eastern Kazakhstan', 'Shygys Kazakstan', 'Семипалатинская',
    ],
  },
  { id: 'jetisu', label: 'Jetisu Region', splitFrom: 'almaty-region', names: ['Жетысуская', 'Жетісу', 'Жетысу', 'Jetisu', 'Zhetysu', 'Zhetisu'] },
  {
    id: 'karaganda', label: 'Karaganda Region',
    names: ['Карагандинская', 'Қарағанды', 'Караганда', 'Karaganda', 'Karagandy', 'Qaragandy', 'Джезказганская', 'Жезказганская'],
  },
  { id: 'kostanay', label: 'Kostanay Region', names: ['Костанайская', 'Кустанайская', 'Қостанай', 'Костанай', 'Kostanay', 'Kostanai', 'Qostanay', 'Тургайская'] },
  { id: 'kyzylorda', label: 'Kyzylorda Region', names: ['Кызылординская', 'Қызылорда', 'Кызылорда', 'Kyzylorda', 'Qyzylorda', 'Kzyl-Orda'] },
  {
    id: 'mangystau', label: 'Mangystau Region',
    names: ['Мангистауская', 'Мангыстауская', 'Маңғыстау', 'Мангистау', 'Мангыстау', 'Мангышлакская', 'Mangystau', 'Mangistau', 'Mangyshlak'],
  },
  {
    id: 'north-kazakhstan', label: 'North Kazakhstan Region',
    names: [
      'Северо-Казахстанская', 'Северный Казахстан', 'СКО', 'Солтүстік Қазақстан', 'СҚО', 'North Kazakhstan',
      'North-Kazakhstan', 'Northern Kazakhstan', 'Soltustik Kazakstan',
    ],
  },
  { id: 'pavlodar', label: 'Pavlodar Region', names: ['Павлодарская', 'Павлодар', 'Pavlodar'] },
  {
    id: 'turkistan', label: 'Turkistan Region',
    names: [
      'Туркестанская', 'Түркістан', 'Туркестан', 'Turkistan', 'Turkestan', 'Южно-Казахстанская', 'Южный Казахстан',
      'ЮКО', 'Оңтүстік Қазақстан', 'ОҚО', 'South Kazakhstan', 'South-Kazakhstan', 'Чимкентская', 'Шымкентская',
    ],
  },
  { id: 'ulytau', label: 'Ulytau Region', splitFrom: 'karaganda', names: ['Улытауская', 'Ұлытау', 'Улытау', 'Ulytau'] },
  {
    id: 'west-kazakhstan', label: 'West Kazakhstan Region',
    names: [
      'Западно-Казахстанская', 'Западный Казахстан', 'ЗКО', 'Батыс Қазақстан', 'БҚО', 'West Kazakhstan',
      'West-Kazakhstan', 'Western Kazakhstan', 'Batys Kazakstan', 'Уральская',
    ],
  },
  { id: 'zhambyl', label: 'Zhambyl Region', names: ['Жамбылская', 'Джамбулская', 'Жамбыл', 'Zhambyl', 'Jambyl', 'Zhambylskaya'] },
];

export const PLACES: readonly GazetteerPlace[] = [
  // Cities of republican significance.
  { id: 'almaty', label: 'Almaty', kind: 'city', region: 'almaty-city', names: ['Алматы', 'Алма-Ата', 'Алмата', 'Верный', 'Almaty', 'Alma-Ata', 'Almati'] },
  {
    id: 'astana', label: 'Astana', kind: 'city', region: 'astana-city',
    names: ['Астана', 'Нур-Султан', 'Нұр-Сұлтан', 'Нурсултан', 'Акмола', 'Ақмола', 'Акмолинск', 'Целиноград', 'Astana', 'Nur-Sultan', 'Nursultan', 'Akmola', 'Aqmola', 'Tselinograd'],
  },
  { id: 'shymkent', label: 'Shymkent', kind: 'city', region: 'shymkent-city', names: ['Шымкент', 'Чимкент', 'Shymkent', 'Chimkent', 'Šymkent'] },
  // Akmola Region.
  { id: 'kokshetau', label: 'Kokshetau', kind: 'city', region: 'akmola', names: ['Кокшетау', 'Көкшетау', 'Кокчетав', 'Kokshetau', 'Kokchetav', 'Kökshetau'] },
  { id: 'stepnogorsk', label: 'Stepnogorsk', kind: 'town', region: 'akmola', names: ['Степногорск', 'Stepnogorsk'] },
  { id: 'shchuchinsk', label: 'Shchuchinsk', kind: 'town', region: 'akmola', names: ['Щучинск', 'Щучье', 'Shchuchinsk', 'Shchuchye'] },
  { id: 'atbasar', label: 'Atbasar', kind: 'town', region: 'akmola', names: ['Атбасар', 'Atbasar'] },
  { id: 'makinsk', label: 'Makinsk', kind: 'town', region: 'akmola', names: ['Макинск', 'Makinsk'] },
  { id: 'kosshy', label: 'Kosshy', kind: 'town', region: 'akmola', names: ['Косшы', 'Қосшы', 'Koshy', 'Kosshy', 'Qosshy'] },
  // Aktobe Region.
  { id: 'aktobe', label: 'Aktobe', kind: 'city', region: 'aktobe', names: ['Актобе', 'Ақтөбе', 'Актюбинск', 'Aktobe', 'Aqtobe', 'Aktyubinsk', 'Aqtöbe'] },
  { id: 'khromtau', label: 'Khromtau', kind: 'town', region: 'aktobe', names: ['Хромтау', 'Khromtau', 'Hromtau'] },
  { id: 'kandyagash', label: 'Kandyagash', kind: 'town', region: 'aktobe', names: ['Кандыагаш', 'Қандыағаш', 'Kandyagash', 'Qandyagash'] },
  { id: 'shalkar', label: 'Shalkar', kind: 'town', region: 'aktobe', names: ['Шалкар', 'Шалқар', 'Челкар', 'Shalkar', 'Chelkar'] },
  // Almaty Region (January 2022 boundaries, capital Taldykorgan).
  { id: 'taldykorgan', label: 'Taldykorgan', kind: 'city', region: 'almaty-region', names: ['Талдыкорган', 'Талдықорған', 'Талды-Курган', 'Талдыкурган', 'Taldykorgan', 'Taldyqorgan', 'Taldy-Kurgan'] },
  { id: 'konaev', label: 'Konaev', kind: 'city', region: 'almaty-region', names: ['Конаев', 'Қонаев', 'Капчагай', 'Қапшағай', 'Капшагай', 'Konaev', 'Konayev', 'Qonaev', 'Kapchagay', 'Kapshagay', 'Qapshagay', 'Kapchagai'] },
  { id: 'talgar', label: 'Talgar', kind: 'town', region: 'almaty-region', names: ['Талгар', 'Talgar'] },
  { id: 'kaskelen', label: 'Kaskelen', kind: 'town', region: 'almaty-region', names: ['Каскелен', 'Қаскелең', 'Kaskelen', 'Qaskelen'] },
  { id: 'esik', label: 'Esik', kind: 'town', region: 'almaty-region', names: ['Есик', 'Есік', 'Иссык', 'Esik', 'Issyk', 'Yesik'] },
  { id: 'tekeli', label: 'Tekeli', kind: 'town', region: 'almaty-region', names: ['Текели', 'Текелі', 'Tekeli'] },
  { id: 'ushtobe', label: 'Ushtobe', kind: 'town', region: 'almaty-region', names: ['Уштобе', 'Үштөбе', 'Ushtobe', 'Üshtöbe'] },
  { id: 'zharkent', label: 'Zharkent', kind: 'town', region: 'almaty-region', names: ['Жаркент', 'Панфилов', 'Zharkent', 'Jarkent', 'Panfilov'] },
  { id: 'sarkand', label: 'Sarkand', kind: 'town', region: 'almaty-region', names: ['Сарканд', 'Сарқан', 'Sarkand', 'Sarqan'] },
  { id: 'otegen-batyr', label: 'Otegen Batyr', kind: 'village', region: 'almaty-region', names: ['Отеген батыр', 'Өтеген батыр', 'Otegen Batyr', 'Otegen-Batyr'] },
  { id: 'boraldai', label: 'Boraldai', kind: 'village', region: 'almaty-region', names: ['Боралдай', 'Бурундай', 'Boraldai', 'Boralday', 'Burunday'] },
  { id: 'uzynagash', label: 'Uzynagash', kind: 'village', region: 'almaty-region', names: ['Узынагаш', 'Ұзынағаш', 'Uzynagash', 'Uzynagach'] },
  // Atyrau Region.
  { id: 'atyrau', label: 'Atyrau', kind: 'city', region: 'atyrau', names: ['Атырау', 'Гурьев', 'Atyrau', 'Guryev', 'Gurev'] },
  { id: 'kulsary', label: 'Kulsary', kind: 'town', region: 'atyrau', names: ['Кульсары', 'Құлсары', 'Kulsary', 'Qulsary'] },
  // East Kazakhstan Region (January 2022 boundaries, including today's Abai Region).
  { id: 'oskemen', label: 'Oskemen', kind: 'city', region: 'east-kazakhstan', names: ['Усть-Каменогорск', 'Өскемен', 'Оскемен', 'Oskemen', 'Öskemen', 'Ust-Kamenogorsk', 'Ust Kamenogorsk'] },
  { id: 'semey', label: 'Semey', kind: 'city', region: 'east-kazakhstan', names: ['Семей', 'Семипалатинск', 'Semey', 'Semei', 'Semipalatinsk'] },
  { id: 'ridder', label: 'Ridder', kind: 'town', region: 'east-kazakhstan', names: ['Риддер', 'Лениногорск', 'Ridder', 'Leninogorsk'] },
  { id: 'altai', label: 'Altai', kind: 'town', region: 'east-kazakhstan', names: ['Алтай', 'Зыряновск', 'Altai', 'Altay', 'Zyryanovsk'] },
  { id: 'ayagoz', label: 'Ayagoz', kind: 'town', region: 'east-kazakhstan', names: ['Аягоз', 'Аягуз', 'Ayagoz', 'Ayaguz'] },
  { id: 'kurchatov', label: 'Kurchatov', kind: 'town', region: 'east-kazakhstan', names: ['Курчатов', 'Kurchatov'] },
  { id: 'zaysan', label: 'Zaysan', kind: 'town', region: 'east-kazakhstan', names: ['Зайсан', 'Zaysan', 'Zaisan'] },
  { id: 'shemonaikha', label: 'Shemonaikha', kind: 'town', region: 'east-kazakhstan', names: ['Шемонаиха', 'Shemonaikha'] },
  // Zhambyl Region.
  { id: 'taraz', label: 'Taraz', kind: 'city', region: 'zhambyl', names: ['Тараз', 'Джамбул', 'Жамбыл', 'Аулие-Ата', 'Әулие-Ата', 'Taraz', 'Dzhambul', 'Zhambyl', 'Jambyl', 'Aulie-Ata'] },
  { id: 'shu', label: 'Shu', kind: 'town', region: 'zhambyl', names: ['Шу', 'Чу', 'Shu', 'Chu'] },
  { id: 'karatau', label: 'Karatau', kind: 'town', region: 'zhambyl', names: ['Каратау', 'Қаратау', 'Karatau', 'Qaratau'] },
  { id: 'zhanatas', label: 'Zhanatas', kind: 'town', region: 'zhambyl', names: ['Жанатас', 'Жаңатас', 'Zhanatas', 'Janatas'] },
  { id: 'kordai', label: 'Kordai', kind: 'village', region: 'zhambyl', names: ['Кордай', 'Қордай', 'Kordai', 'Korday', 'Qordai'] },
  { id: 'merke', label: 'Merke', kind: 'village', region: 'zhambyl', names: ['Мерке', 'Merke'] },
  // West Kazakhstan Region.
  { id: 'oral', label: 'Oral', kind: 'city', region: 'west-kazakhstan', names: ['Уральск', 'Орал', 'Oral', 'Uralsk'] },
  { id: 'aksay', label: 'Aksay', kind: 'town', region: 'west-kazakhstan', names: ['Аксай', 'Ақсай', 'Aksay', 'Aksai', 'Aqsay'] },
  // Karaganda Region (January 2022 boundaries, including today's Ulytau Region).
  { id: 'karaganda', label: 'Karaganda', kind: 'city', region: 'karaganda', names: ['Караганда', 'Қарағанды', 'Караганды', 'Karaganda', 'Karagandy', 'Qaragandy', 'Qaraghandy'] },
  { id: 'temirtau', label: 'Temirtau', kind: 'town', region: 'karaganda', names: ['Темиртау', 'Теміртау', 'Temirtau'] },
  { id: 'zhezkazgan', label: 'Zhezkazgan', kind: 'town', region: 'karaganda', names: ['Жезказган', 'Жезқазған', 'Джезказган', 'Zhezkazgan', 'Jezkazgan', 'Dzhezkazgan'] },
  { id: 'balkhash', label: 'Balkhash', kind: 'town', region: 'karaganda', names: ['Балхаш', 'Балқаш', 'Balkhash', 'Balqash'] },
  { id: 'satpayev', label: 'Satpayev', kind: 'town', region: 'karaganda', names: ['Сатпаев', 'Сәтбаев', 'Сатбаев', 'Satpayev', 'Satpaev', 'Satbayev'] },
  { id: 'shakhtinsk', label: 'Shakhtinsk', kind: 'town', region: 'karaganda', names: ['Шахтинск', 'Shakhtinsk'] },
  { id: 'saran', label: 'Saran', kind: 'town', region: 'karaganda', names: ['Сарань', 'Саран', 'Saran'] },
  { id: 'priozersk', label: 'Priozersk', kind: 'town', region: 'karaganda', names: ['Приозерск', 'Priozersk'] },
  // Kostanay Region.
  { id: 'kostanay', label: 'Kostanay', kind: 'city', region: 'kostanay', names: ['Костанай', 'Қостанай', 'Кустанай', 'Kostanay', 'Kostanai', 'Qostanay', 'Kustanay'] },
  { id: 'rudny', label: 'Rudny', kind: 'town', region: 'kostanay', names: ['Рудный', 'Rudny', 'Rudnyy', 'Rudnyi'] },
  { id: 'lisakovsk', label: 'Lisakovsk', kind: 'town', region: 'kostanay', names: ['Лисаковск', 'Lisakovsk'] },
  { id: 'arkalyk', label: 'Arkalyk', kind: 'town', region: 'kostanay', names: ['Аркалык', 'Арқалық', 'Arkalyk', 'Arqalyq'] },
  { id: 'zhitikara', label: 'Zhitikara', kind: 'town', region: 'kostanay', names: ['Житикара', 'Jitikara', 'Zhitikara'] },
  // Kyzylorda Region.
  { id: 'kyzylorda', label: 'Kyzylorda', kind: 'city', region: 'kyzylorda', names: ['Кызылорда', 'Қызылорда', 'Кзыл-Орда', 'Кызыл-Орда', 'Ак-Мечеть', 'Перовск', 'Kyzylorda', 'Qyzylorda', 'Kzyl-Orda', 'Kyzyl-Orda'] },
  { id: 'baikonur', label: 'Baikonur', kind: 'town', region: 'kyzylorda', names: ['Байконур', 'Байқоңыр', 'Ленинск', 'Baikonur', 'Baykonur', 'Bayqongyr'] },
  { id: 'aral', label: 'Aral', kind: 'town', region: 'kyzylorda', names: ['Арал', 'Аральск', 'Aral', 'Aralsk'] },
  { id: 'kazaly', label: 'Kazaly', kind: 'town', region: 'kyzylorda', names: ['Казалы', 'Қазалы', 'Казалинск', 'Kazaly', 'Qazaly', 'Kazalinsk'] },
  // Mangystau Region.
  { id: 'aktau', label: 'Aktau', kind: 'city', region: 'mangystau', names: ['Актау', 'Ақтау', 'Шевченко', 'Aktau', 'Aqtau', 'Shevchenko'] },
  { id: 'zhanaozen', label: 'Zhanaozen', kind: 'city', region: 'mangystau', names: ['Жанаозен', 'Жаңаөзен', 'Новый Узень', 'Новый Узен', 'Жана-Озен', 'Zhanaozen', 'Janaozen', 'Novy Uzen', 'Novyy Uzen', 'Novyi Uzen'] },
  { id: 'fort-shevchenko', label: 'Fort-Shevchenko', kind: 'town', region: 'mangystau', names: ['Форт-Шевченко', 'Fort-Shevchenko', 'Fort Shevchenko'] },
  { id: 'beyneu', label: 'Beyneu', kind: 'village', region: 'mangystau', names: ['Бейнеу', 'Beyneu', 'Beineu'] },
  { id: 'zhetybai', label: 'Zhetybai', kind: 'village', region: 'mangystau', names: ['Жетыбай', 'Жетібай', 'Zhetybai', 'Zhetybay', 'Jetybai'] },
  { id: 'shetpe', label: 'Shetpe', kind: 'village', region: 'mangystau', names: ['Шетпе', 'Shetpe'] },
  { id: 'kuryk', label: 'Kuryk', kind: 'village', region: 'mangystau', names: ['Курык', 'Құрық', 'Kuryk', 'Quryq'] },
  // North Kazakhstan Region.
  { id: 'petropavl', label: 'Petropavl', kind: 'city', region: 'north-kazakhstan', names: ['Петропавловск', 'Петропавл', 'Petropavl', 'Petropavlovsk'] },
  { id: 'bulaevo', label: 'Bulaevo', kind: 'town', region: 'north-kazakhstan', names: ['Булаево', 'Bulaevo', 'Bulayevo'] },
  { id: 'tayynsha', label: 'Tayynsha', kind: 'town', region: 'north-kazakhstan', names: ['Тайынша', 'Красноармейск', 'Tayynsha', 'Taiynsha'] },
  // Pavlodar Region.
  { id: 'pavlodar', label: 'Pavlodar', kind: 'city', region: 'pavlodar', names: ['Павлодар', 'Pavlodar'] },
  { id: 'ekibastuz', label: 'Ekibastuz', kind: 'town', region: 'pavlodar', names: ['Экибастуз', 'Екібастұз', 'Екибастуз', 'Ekibastuz'] },
  { id: 'aksu', label: 'Aksu', kind: 'town', region: 'pavlodar', names: ['Аксу', 'Ақсу', 'Ермак', 'Aksu', 'Aqsu', 'Yermak'] },
  // Turkistan Region.
  { id: 'turkestan', label: 'Turkestan', kind: 'city', region: 'turkistan', names: ['Туркестан', 'Түркістан', 'Туркистан', 'Turkestan', 'Turkistan', 'Türkistan'] },
  { id: 'kentau', label: 'Kentau', kind: 'town', region: 'turkistan', names: ['Кентау', 'Kentau'] },
  { id: 'arys', label: 'Arys', kind: 'town', region: 'turkistan', names: ['Арыс', 'Arys'] },
  { id: 'saryagash', label: 'Saryagash', kind: 'town', region: 'turkistan', names: ['Сарыагаш', 'Сарыағаш', 'Saryagash', 'Saryagach'] },
  { id: 'lenger', label: 'Lenger', kind: 'town', region: 'turkistan', names: ['Ленгер', 'Ленгір', 'Lenger'] },
  { id: 'zhetisay', label: 'Zhetisay', kind: 'town', region: 'turkistan', names: ['Жетысай', 'Жетісай', 'Zhetisay', 'Zhetysai', 'Jetisay'] },
  { id: 'shardara', label: 'Shardara', kind: 'town', region: 'turkistan', names: ['Шардара', 'Chardara', 'Shardara'] },
];

/** Districts of Almaty, the city most records name with a district. */
export const DISTRICTS: readonly GazetteerDistrict[] = [
  { id: 'almaty-alatau', label: 'Alatau District', city: 'almaty', names: ['Алатауский', 'Alatauskiy', 'Alatau'] },
  { id: 'almaty-almaly', label: 'Almaly District', city: 'almaty', names: ['Алмалинский', 'Алмалы', 'Almaly', 'Almalinskiy'] },
  { id: 'almaty-auezov', label: 'Auezov District', city: 'almaty', names: ['Ауэзовский', 'Әуезов', 'Ауезов', 'Auezov', 'Auezovskiy'] },
  { id: 'almaty-bostandyk', label: 'Bostandyk District', city: 'almaty', names: ['Бостандыкский', 'Бостандық', 'Бостандык', 'Bostandyk', 'Bostandykskiy'] },
  { id: 'almaty-zhetysu', label: 'Zhetysu District', city: 'almaty', names: ['Жетысуский', 'Жетісу', 'Жетысу', 'Zhetysuskiy'] },
  { id: 'almaty-medeu', label: 'Medeu District', city: 'almaty', names: ['Медеуский', 'Медеу', 'Medeu', 'Medeuskiy'] },
  { id: 'almaty-nauryzbay', label: 'Nauryzbay District', city: 'almaty', names: ['Наурызбайский', 'Наурызбай', 'Nauryzbay', 'Nauryzbai'] },
  { id: 'almaty-turksib', label: 'Turksib District', city: 'almaty', names: ['Турксибский', 'Түрксіб', 'Турксиб', 'Turksib'] },
];
