// Labelled spellings of one person each: a base form and variants tagged with the phenomenon they show.
// Public figures' names are used purely as spelling examples (attested in Kazakh, Russian, English, German, French and
// Kazakh-Latin sources); the other names are synthetic combinations of common names.
// Every variant pairs with the base (tagged with its phenomenon) and with every other variant (tagged `cross`).

export type Phenomenon =
  | 'kk-ru'
  | 'latin-en'
  | 'latin-kz'
  | 'latin-de'
  | 'latin-fr'
  | 'latin-icao'
  | 'order'
  | 'patronymic'
  | 'initials'
  | 'compound'
  | 'homoglyph'
  | 'unicode'
  | 'soviet'
  | 'suffix'
  | 'arabic'
  | 'typo'
  | 'russian'
  | 'other-ethnic'
  | 'missing'
  | 'split-columns'
  | 'cross';

export interface SpellingGroup {
  base: string;
  variants: Array<[string, Phenomenon]>;
}

export const SAME_GROUPS: SpellingGroup[] = [
  {
    base: 'Тоқаев Қасым-Жомарт Кемелұлы',
    variants: [
      ['Токаев Касым-Жомарт Кемелевич', 'kk-ru'],
      ['Kassym-Jomart Tokayev', 'latin-en'],
      ['Qasym-Jomart Toqaev', 'latin-kz'],
      ['Қасым-Жомарт Кемелұлы Тоқаев', 'order'],
      ['Kassym-Schomart Tokajew', 'latin-de'],
      ['Kassym-Jomart Tokaïev', 'latin-fr'],
      ['TOKAEV KASSYM-ZHOMART', 'latin-icao'],
      ['Токаев К.-Ж.К.', 'initials'],
      ['Токаев Касым Жомарт', 'compound'],
      ['Токаев Касымжомарт', 'compound'],
      ['Токаев Касым-Жомарт Кемел ұлы', 'patronymic'],
      ['Тokaев Kасым-Жомарт', 'homoglyph'],
      ['Тоқаев Қасым\u2013Жомарт Кемелұлы', 'unicode'],
      ['Qasym-Jomart Kemeluly Toqaev', 'latin-kz'],
      ['Tokayev K.-Zh.', 'initials'],
    ],
  },
  {
    base: 'Назарбаев Нұрсұлтан Әбішұлы',
    variants: [
      ['Назарбаев Нурсултан Абишевич', 'kk-ru'],
      ['Nursultan Nazarbayev', 'latin-en'],
      ['Nursultan Nasarbajew', 'latin-de'],
      ['Noursoultan Nazarbaïev', 'latin-fr'],
      ['Nūrsūltan Äbişūly Nazarbaev', 'latin-kz'],
      ["Nursultan A'bis'uly Nazarbaev", 'latin-kz'],
      ['NAZARBAEV NURSULTAN', 'latin-icao'],
      ['Назарбаев Н.А.', 'initials'],
      ['Нурсултан Назарбаев', 'order'],
      ['Назарбаев Нур-Султан Абишевич', 'compound'],
      ['Назар\u00ADбаев\u00A0Нұрсұлтан Әбішұлы', 'unicode'],
    ],
  },
  {
    base: 'Назарбаева Дарига Нұрсұлтанқызы',
    variants: [
      ['Назарбаева Дарига Нурсултановна', 'kk-ru'],
      ['Dariga Nazarbayeva', 'latin-en'],
      ['Dariga Nasarbajewa', 'latin-de'],
      ['Dariga Nazarbaïeva', 'latin-fr'],
      ['Дарига Нұрсұлтанқызы Назарбаева', 'order'],
      ['Назарбаева Д.Н.', 'initials'],
    ],
  },
  {
    base: 'Момышұлы Бауыржан',
    variants: [
      ['Momyshuly Bauyrzhan', 'latin-en'],
      ['Baurzhan Momyshuly', 'latin-en'],
      ['Бауржан Момыш-улы', 'kk-ru'],
      ['Baurschan Momyschuly', 'latin-de'],
      ['Baýyrjan Momyshuly', 'latin-kz'],
      ['Момыш ұлы Бауыржан', 'patronymic'],
    ],
  },
  {
    base: 'Шоқан Уәлиханов',
    variants: [
      ['Чокан Валиханов', 'soviet'],
      ['Chokan Valikhanov', 'latin-en'],
      ['Shoqan Walikhanov', 'latin-kz'],
      ['Shokan Ualikhanov', 'latin-en'],
      ['Tschokan Walichanow', 'latin-de'],
      ['Şoqan Uälihanov', 'latin-kz'],
      ['Tchokan Valikhanov', 'latin-fr'],
    ],
  },
  {
    base: 'Әлихан Бөкейхан',
    variants: [
      ['Алихан Букейханов', 'suffix'],
      ['Alikhan Bokeikhanov', 'latin-en'],
      ['Älikhan Bökeikhan', 'latin-kz'],
      ['Alichan Bukeichanow', 'latin-de'],
      ['Alikhan Boukeïkhanov', 'latin-fr'],
      ['Alihan Bokeihan', 'latin-en'],
    ],
  },
  {
    base: 'Абай Құнанбайұлы',
    variants: [
      ['Абай Кунанбаев', 'suffix'],
      ['Abai Qunanbaiuly', 'latin-kz'],
      ['Abay Kunanbayev', 'latin-en'],
      ['Abai Kunanbajew', 'latin-de'],
      ['Абай Кунанбайулы', 'kk-ru'],
    ],
  },
  {
    base: 'Сәтбаев Қаныш Имантайұлы',
    variants: [
      ['Сатпаев Каныш Имантаевич', 'soviet'],
      ['Kanysh Satpayev', 'latin-en'],
      ['Qanysh Sätbaev', 'latin-kz'],
      ['Satpajew Kanysch', 'latin-de'],
    ],
  },
  {
    base: 'Мұхтар Омарханұлы Әуезов',
    variants: [
      ['Ауэзов Мухтар Омарханович', 'kk-ru'],
      ['Mukhtar Auezov', 'latin-en'],
      ['Muchtar Auesow', 'latin-de'],
      ['Moukhtar Aouezov', 'latin-fr'],
      ['Äuezov Mūhtar', 'latin-kz'],
    ],
  },
  {
    base: 'Жамбыл Жабаев',
    variants: [
      ['Джамбул Джабаев', 'soviet'],
      ['Dzhambul Dzhabayev', 'latin-en'],
      ['Zhambyl Zhabayev', 'latin-en'],
      ['Dschambul Dschabajew', 'latin-de'],
      ['Jambyl Jabaev', 'latin-kz'],
      ['Djamboul Djabaïev', 'latin-fr'],
    ],
  },
  {
    base: 'Құрманғазы Сағырбайұлы',
    variants: [
      ['Курмангазы Сагырбаев', 'suffix'],
      ['Kurmangazy Sagyrbayuly', 'latin-en'],
      ['Qurmanğazy Sağyrbaiūly', 'latin-kz'],
    ],
  },
  {
    base: 'Кенесары Қасымұлы',
    variants: [
      ['Кенесары Касымов', 'suffix'],
      ['Kenesary Kasymov', 'latin-en'],
      ['Kenessary Kassymuly', 'latin-en'],
    ],
  },
  {
    base: 'Молдағұлова Әлия Нұрмұхамбетқызы',
    variants: [
      ['Молдагулова Алия Нурмухамбетовна', 'kk-ru'],
      ['Aliya Moldagulova', 'latin-en'],
      ['Alija Moldagulowa', 'latin-de'],
      ['Aliia Moldagulova', 'latin-icao'],
      ['Молдагулова А.Н.', 'initials'],
    ],
  },
  {
    base: 'Мәметова Мәншүк Жиенғалиқызы',
    variants: [
      ['Маметова Маншук Жиенгалиевна', 'kk-ru'],
      ['Manshuk Mametova', 'latin-en'],
      ['Manschuk Mametowa', 'latin-de'],
    ],
  },
  {
    base: 'Қонаев Дінмұхаммед Ахметұлы',
    variants: [
      ['Кунаев Динмухамед Ахмедович', 'soviet'],
      ['Dinmukhamed Kunaev', 'latin-en'],
      ['Dinmuchamed Kunajew', 'latin-de'],
      ['Dinmukhammed Qonaev', 'latin-kz'],
      ['Кунаев Д.А.', 'initials'],
      ['Конаев Динмухаммед Ахметович', 'kk-ru'],
    ],
  },
  {
    base: 'Мәсімов Кәрім Қажымқанұлы',
    variants: [
      ['Масимов Карим Кажимканович', 'kk-ru'],
      ['Karim Massimov', 'latin-en'],
      ['Karim Masimov', 'latin-en'],
      ['Massimov Karim Kazhimkanovich', 'latin-icao'],
      ['Kärım Mäsımov', 'latin-kz'],
    ],
  },
  {
    base: 'Тасмағамбетов Иманғали Нұрғалиұлы',
    variants: [
      ['Тасмагамбетов Имангали Нургалиевич', 'kk-ru'],
      ['Imangali Tasmagambetov', 'latin-en'],
      ['Imanğali Tasmağambetov', 'latin-kz'],
      ['Тасмагамбетов И.Н.', 'initials'],
    ],
  },
  {
    base: 'Сағынтаев Бақытжан Әбдірұлы',
    variants: [
      ['Сагинтаев Бакытжан Абдирович', 'kk-ru'],
      ['Bakytzhan Sagintayev', 'latin-en'],
      ['Baqytjan Sağyntaev', 'latin-kz'],
    ],
  },
  {
    base: 'Смайылов Әлихан Асханұлы',
    variants: [
      ['Смаилов Алихан Асханович', 'kk-ru'],
      ['Alikhan Smailov', 'latin-en'],
      ['Alichan Smailow', 'latin-de'],
      ['SMAILOV ALIKHAN', 'latin-icao'],
    ],
  },
  {
    base: 'Головкин Геннадий Геннадьевич',
    variants: [
      ['Gennady Golovkin', 'latin-en'],
      ['Gennadiy Golovkin', 'latin-en'],
      ['Gennadij Golowkin', 'latin-de'],
      ['GOLOVKIN GENNADII', 'latin-icao'],
      ['Головкин Г.Г.', 'initials'],
    ],
  },
  {
    base: 'Рыпакова Ольга Сергеевна',
    variants: [
      ['Olga Rypakova', 'latin-en'],
      ['Olga Rypakowa', 'latin-de'],
      ['RYPAKOVA OLGA', 'latin-icao'],
    ],
  },
  {
    base: 'Рыбакина Елена Андреевна',
    variants: [
      ['Elena Rybakina', 'latin-en'],
      ['Yelena Rybakina', 'latin-en'],
      ['RYBAKINA ELENA', 'latin-icao'],
      ['Рыбакина Е.А.', 'initials'],
    ],
  },
  {
    base: 'Құдайберген Димаш Қанатұлы',
    variants: [
      ['Dimash Kudaibergen', 'latin-en'],
      ['Кудайбергенов Димаш Канатович', 'suffix'],
      ['Dimash Qudaibergen', 'latin-kz'],
      ['Kudaibergen Dimasch', 'latin-de'],
    ],
  },
  {
    base: 'Сүлейменов Олжас Омарұлы',
    variants: [
      ['Сулейменов Олжас Омарович', 'kk-ru'],
      ['Olzhas Suleimenov', 'latin-en'],
      ['Olschas Suleimenow', 'latin-de'],
      ['Oljas Süleimenov', 'latin-kz'],
    ],
  },
  {
    base: 'Ильин Илья Алексеевич',
    variants: [
      ['Ilya Ilyin', 'latin-en'],
      ['ILIA ILIN', 'latin-icao'],
      ['Ilja Iljin', 'latin-de'],
      ['Ильин И.А.', 'initials'],
    ],
  },
  {
    base: 'Цой Виктор Робертович',
    variants: [
      ['Viktor Tsoi', 'other-ethnic'],
      ['Victor Tsoy', 'other-ethnic'],
      ['TSOI VIKTOR', 'latin-icao'],
    ],
  },
  {
    base: 'Винокуров Александр Николаевич',
    variants: [
      ['Alexandre Vinokourov', 'latin-fr'],
      ['Alexander Vinokurov', 'latin-en'],
      ['Aleksandr Vinokurov', 'latin-en'],
      ['Alexander Winokurow', 'latin-de'],
    ],
  },
  {
    base: 'Елеусінов Данияр Бейбітұлы',
    variants: [
      ['Елеусинов Данияр Бейбитович', 'kk-ru'],
      ['Daniyar Yeleussinov', 'latin-en'],
      ['Daniiar Eleusinov', 'latin-icao'],
    ],
  },
  {
    base: 'Саттарханов Бекзат',
    variants: [
      ['Sattarkhanov Bekzat', 'latin-en'],
      ['Sattarkanov Bekzat', 'latin-en'],
      ['Bekzat Sattarchanow', 'latin-de'],
    ],
  },
  {
    base: 'Байтұрсынұлы Ахмет',
    variants: [
      ['Байтурсынов Ахмет', 'suffix'],
      ['Akhmet Baitursynuly', 'latin-en'],
      ['Achmet Baitursynow', 'latin-de'],
      ['Ahmet Baitūrsynūly', 'latin-kz'],
    ],
  },
  {
    base: 'Жұмабаев Мағжан Бекенұлы',
    variants: [
      ['Жумабаев Магжан Бекенович', 'kk-ru'],
      ['Magzhan Zhumabayev', 'latin-en'],
      ['Mağjan Jūmabaev', 'latin-kz'],
    ],
  },
  {
    base: 'Жансүгіров Ілияс',
    variants: [
      ['Джансугуров Ильяс', 'soviet'],
      ['Ilyas Zhansugurov', 'latin-en'],
      ['Iliyas Zhansugirov', 'latin-en'],
    ],
  },
  {
    base: 'Қажымұқан Мұңайтпасұлы',
    variants: [
      ['Хаджимукан Мунайтпасов', 'soviet'],
      ['Kazhymukan Munaitpasov', 'latin-en'],
      ['Qajymūqan Mūñaitpasūly', 'latin-kz'],
    ],
  },
  {
    base: 'Өтемұратов Болат Жәмитұлы',
    variants: [
      ['Утемуратов Булат Жамитович', 'soviet'],
      ['Bulat Utemuratov', 'latin-en'],
    ],
  },
  {
    base: 'Әблязов Мұхтар Қабылұлы',
    variants: [
      ['Аблязов Мухтар Кабулович', 'kk-ru'],
      ['Mukhtar Ablyazov', 'latin-en'],
      ['Muchtar Abljasow', 'latin-de'],
      ['Moukhtar Abliazov', 'latin-fr'],
    ],
  },
  {
    base: 'Әлиев Рахат Мұхтарұлы',
    variants: [
      ['Алиев Рахат Мухтарович', 'kk-ru'],
      ['Rakhat Aliyev', 'latin-en'],
      ['Rachat Alijew', 'latin-de'],
      ['Rakhat Aliev', 'latin-icao'],
    ],
  },
  {
    base: 'Қошқарбаев Рақымжан',
    variants: [
      ['Кошкарбаев Рахимжан', 'kk-ru'],
      ['Rakhimzhan Koshkarbayev', 'latin-en'],
      ['Raqymjan Qoshqarbaev', 'latin-kz'],
    ],
  },
  {
    base: 'Иманов Амангелді Үдербайұлы',
    variants: [
      ['Иманов Амангельды Удербаевич', 'kk-ru'],
      ['Amangeldy Imanov', 'latin-en'],
      ['Amangeldi Imanow', 'latin-de'],
    ],
  },
  {
    base: 'Королёв Дмитрий Сергеевич',
    variants: [
      ['Korolev Dmitriy', 'russian'],
      ['Королев Дмитрий Сергеевич', 'russian'],
      ['Korolyov Dmitry', 'russian'],
      ['KOROLEV DMITRII', 'latin-icao'],
      ['Koroljow Dmitri', 'latin-de'],
    ],
  },
  {
    base: 'Подъячев Алексей Юрьевич',
    variants: [
      ['Podyachev Aleksey', 'russian'],
      ['PODIACHEV ALEKSEI', 'latin-icao'],
      ['Podjatschew Alexej', 'latin-de'],
    ],
  },
  {
    base: 'Юлия Игоревна Ким',
    variants: [
      ['Ким Юлия Игоревна', 'order'],
      ['Yuliya Kim', 'latin-en'],
      ['IULIIA KIM', 'latin-icao'],
      ['Julija Kim', 'latin-de'],
    ],
  },
  // Synthetic names: common Kazakh and Russian names combined.
  {
    base: 'Ахметов Ерлан Серікұлы',
    variants: [
      ['Ахметов Ерлан Серикович', 'kk-ru'],
      ['Akhmetov Yerlan', 'latin-en'],
      ['Ерлан Ахметов', 'order'],
      ['Ахметов Е.С.', 'initials'],
      ['Ахметов Ерлан С.', 'initials'],
      ['Achmetow Jerlan', 'latin-de'],
      ['Ахметов Ерлан Серик ұлы', 'patronymic'],
      ['Ахмтеов Ерлан Серикович', 'typo'],
      ['Ахметов Ерлан Серикович\u200B', 'unicode'],
      ['AXMETOB EPЛAH', 'homoglyph'],
      ['Ahmetov Erlan Serikuly', 'latin-kz'],
      ['Ахметов Ерлан Серикулы', 'kk-ru'],
    ],
  },
  {
    base: 'Жұмабаева Жанна Болатқызы',
    variants: [
      ['Жумабаева Жанна Болатовна', 'kk-ru'],
      ['Jumabaeva Janna', 'latin-kz'],
      ['Zhumabayeva Zhanna', 'latin-en'],
      ['Джумабаева Жанна', 'soviet'],
      ['Жанна Болатқызы Жұмабаева', 'order'],
      ['Жумабаева Жана Болатовна', 'typo'],
      ['Schumabajewa Schanna', 'latin-de'],
    ],
  },
  {
    base: 'Джанбулатов Ерлан',
    variants: [
      ['Жанболат Ерлан', 'suffix'],
      ['Жанбулатов Ерлан', 'soviet'],
      ['Dzhanbulatov Yerlan', 'latin-en'],
    ],
  },
  {
    base: 'Өмірзақов Нұрлан Ерланұлы',
    variants: [
      ['Умирзаков Нурлан Ерланович', 'soviet'],
      ['Омирзаков Нурлан Ерланович', 'kk-ru'],
      ['Umirzakov Nurlan', 'latin-en'],
      ['Ömirzaqov Nūrlan', 'latin-kz'],
      ['Ɵмірзақов Hұрлан', 'homoglyph'],
      ['Омірзақов Нурлан', 'kk-ru'],
    ],
  },
  {
    base: 'Төлегенов Бауыржан Асқарұлы',
    variants: [
      ['Тулегенов Бауржан Аскарович', 'soviet'],
      ['Tulegenov Baurzhan', 'latin-en'],
      ['Tölegenov Bauyrjan', 'latin-kz'],
      ['Толегенов Бауыржан Аскарович', 'kk-ru'],
    ],
  },
  {
    base: 'Мұхаммедов Ахмет',
    variants: [
      ['Мухамедов Ахмед', 'arabic'],
      ['Mukhamedov Akhmet', 'latin-en'],
      ['Muhammedov Ahmet', 'latin-en'],
      ['Мухаммадов Ахмет', 'arabic'],
    ],
  },
  {
    base: 'Абдуллаев Серік',
    variants: [
      ['Абдоллаев Серик', 'arabic'],
      ['Абдулаев Серик', 'arabic'],
      ['Abdullayev Serik', 'latin-en'],
    ],
  },
  {
    base: 'Нұруллаев Дәулет',
    variants: [
      ['Нуроллаев Даулет', 'arabic'],
      ['Nurullaev Daulet', 'latin-en'],
    ],
  },
  {
    base: 'Idrissov Yerlan',
    variants: [
      ['Идрисов Ерлан', 'latin-en'],
      ['Idrisov Erlan', 'latin-en'],
      ['Erlan Idrissov', 'latin-fr'],
    ],
  },
  {
    base: 'Seytqali Omarov',
    variants: [
      ['Сейткали Омаров', 'latin-kz'],
      ['Сейітқали Омаров', 'kk-ru'],
      ['Seitkali Omarov', 'latin-en'],
    ],
  },
  {
    base: 'Еркин Абенов',
    variants: [
      ['Еркен Абенов', 'soviet'],
      ['Erkin Abenov', 'latin-en'],
      ['Yerkin Abenov', 'latin-en'],
    ],
  },
  {
    base: 'Жұлдыз Сапарова',
    variants: [
      ['Жулдуз Сапарова', 'soviet'],
      ['Zhuldyz Saparova', 'latin-en'],
      ['Juldyz Saparova', 'latin-kz'],
      ['Сапарова Жулдыз', 'order'],
    ],
  },
  {
    base: 'Ахметов Серік Болатұлы',
    variants: [
      ['Серик Ахметов', 'order'],
      ['Ахметов Серик', 'missing'],
      ['Akhmetov Serik Bolatovich', 'latin-en'],
      ['Ахметов Серик Болатович', 'kk-ru'],
      ['Ахметов Серик Болат ұлы', 'patronymic'],
    ],
  },
  {
    base: 'Ләззат Қасымова',
    variants: [
      ['Ляззат Касымова', 'soviet'],
      ['Lyazzat Kassymova', 'latin-en'],
      ['Läzzat Qasymova', 'latin-kz'],
      ['Lazzat Kasymova', 'latin-en'],
    ],
  },
  {
    base: 'Гүлнар Сейітова',
    variants: [
      ['Гульнар Сеитова', 'kk-ru'],
      ['Gulnar Seitova', 'latin-en'],
      ['Gülnar Seiıtova', 'latin-kz'],
    ],
  },
  {
    base: 'Айгүл Нұрланқызы Оспанова',
    variants: [
      ['Оспанова Айгуль Нурлановна', 'kk-ru'],
      ['Aigul Ospanova', 'latin-en'],
      ['Aygul Ospanova', 'latin-en'],
      ['Оспанова А.Н.', 'initials'],
    ],
  },
  {
    base: 'Сейтжанов Қайрат Маратұлы',
    variants: [
      ['Сейтжанов Кайрат Маратович', 'kk-ru'],
      ['Kairat Seitzhanov', 'latin-en'],
      ['Qairat Seitjanov', 'latin-kz'],
      ['Kajrat Seitschanow', 'latin-de'],
      ['Сейтжанов Каират Маратович', 'typo'],
    ],
  },
  {
    base: 'Бекмұхамбетов Ержан',
    variants: [
      ['Бекмухамбетов Ержан', 'kk-ru'],
      ['Bekmukhambetov Yerzhan', 'latin-en'],
      ['Бекмуханбетов Ержан', 'arabic'],
    ],
  },
  {
    base: 'Исабеков Асхат Ерболұлы',
    variants: [
      ['Исабеков Асхат Ерболович', 'kk-ru'],
      ['Askhat Issabekov', 'latin-en'],
    ],
  },
  {
    base: 'Уәлиев Нұрбол',
    variants: [
      ['Валиев Нурбол', 'soviet'],
      ['Ualiev Nurbol', 'latin-en'],
      ['Walijew Nurbol', 'latin-de'],
    ],
  },
  {
    base: 'Ғабит Мүсірепов',
    variants: [
      ['Габит Мусрепов', 'soviet'],
      ['Gabit Musrepov', 'latin-en'],
      ['Ğabit Müsırepov', 'latin-kz'],
    ],
  },
  {
    base: 'Бейімбет Майлин',
    variants: [
      ['Беимбет Майлин', 'kk-ru'],
      ['Beimbet Mailin', 'latin-en'],
      ['Beiımbet Mailin', 'latin-kz'],
    ],
  },
  {
    base: 'Сәкен Сейфуллин',
    variants: [
      ['Сакен Сейфуллин', 'kk-ru'],
      ['Saken Seifullin', 'latin-en'],
      ['Säken Seifullin', 'latin-kz'],
    ],
  },
  {
    base: 'Кемелбеков Нұрсұлтан Ерланұлы',
    variants: [
      ['Кемелбеков Нурсултан Ерланович', 'kk-ru'],
      ['Кемелбеков Нур-Султан', 'compound'],
      ['Кемелбеков Нур Султан', 'compound'],
      ['Kemelbekov Nursultan', 'latin-en'],
    ],
  },
  {
    base: 'Әбдірахманова Ақерке',
    variants: [
      ['Абдрахманова Акерке', 'soviet'],
      ['Abdrakhmanova Akerke', 'latin-en'],
      ['Äbdırahmanova Aqerke', 'latin-kz'],
    ],
  },
  {
    base: 'Шәріпов Дәурен',
    variants: [
      ['Шарипов Даурен', 'kk-ru'],
      ['Sharipov Dauren', 'latin-en'],
      ['Scharipow Dauren', 'latin-de'],
      ['Charipov Daouren', 'latin-fr'],
    ],
  },
  {
    base: 'Жақсылықов Ерболат',
    variants: [
      ['Жаксылыков Ерболат', 'kk-ru'],
      ['Zhaksylykov Yerbolat', 'latin-en'],
      ['Jaqsylyqov Erbolat', 'latin-kz'],
    ],
  },
  {
    base: 'Петров Сергей Иванович',
    variants: [
      ['Petrov Sergey', 'russian'],
      ['Petrov Sergei Ivanovich', 'latin-en'],
      ['Petrow Sergej', 'latin-de'],
      ['Петров С.И.', 'initials'],
      ['Сергей Иванович Петров', 'order'],
    ],
  },
  {
    base: 'Кузнецова Анастасия Викторовна',
    variants: [
      ['Kuznetsova Anastasiya', 'russian'],
      ['KUZNETSOVA ANASTASIIA', 'latin-icao'],
      ['Kusnezowa Anastassija', 'latin-de'],
    ],
  },
  {
    base: 'Ли Владимир Сергеевич',
    variants: [
      ['Li Vladimir', 'other-ethnic'],
      ['Lee Vladimir', 'other-ethnic'],
    ],
  },
  {
    base: 'Пак Елена',
    variants: [
      ['Pak Yelena', 'other-ethnic'],
    ],
  },
  {
    base: 'Мамедов Рашид Алиевич',
    variants: [
      ['Mamedov Rashid', 'other-ethnic'],
      ['Məmmədov Rəşid', 'other-ethnic'],
    ],
  },
  {
    base: 'Юсупов Тимур Рустамович',
    variants: [
      ['Yusupov Timur', 'other-ethnic'],
      ['Iusupov Timur', 'latin-icao'],
      ['Юсупов Тимур Рустемович', 'typo'],
    ],
  },
  {
    base: 'Оразбаев Айдос',
    variants: [
      ['Оразбаев Айдос\u2060', 'unicode'],
      ['оразбаев  айдос', 'unicode'],
      ['ОРАЗБАЕВ АЙДОС', 'latin-icao'],
      ['Orazbaev Aidos', 'latin-en'],
      ['Opaзбaeв Aйдoc', 'homoglyph'],
    ],
  },
  {
    base: 'Бердібеков Мирас',
    variants: [
      ['Бердибеков Мирас', 'kk-ru'],
      ['Бердiбеков Мирас', 'homoglyph'],
      ['Berdibekov Miras', 'latin-en'],
    ],
  },
  {
    base: 'Төкенова Салтанат Асқарқызы',
    variants: [
      ['Токенова Салтанат Аскаровна', 'kk-ru'],
      ['Tokenova Saltanat', 'latin-en'],
      ['Төкенова Салтанат Асқар қызы', 'patronymic'],
      ['Салтанат Төкенова', 'order'],
    ],
  },
  {
    base: 'Қалиев Ерғали',
    variants: [
      ['Калиев Ергали', 'kk-ru'],
      ['Kaliev Yergali', 'latin-en'],
      ['Qaliev Erğali', 'latin-kz'],
      ['Калиев Ерғалий', 'typo'],
    ],
  },
  {
    base: 'Мұқанов Сәбит',
    variants: [
      ['Муканов Сабит', 'kk-ru'],
      ['Mukanov Sabit', 'latin-en'],
      ['Muqanov Säbit', 'latin-kz'],
    ],
  },
  {
    base: 'Ахметова Гүлмира Серікқызы',
    variants: [
      ['Гульмира Ахметова', 'order'],
      ['Ахметова Гульмира Сериковна', 'kk-ru'],
      ['Akhmetova Gulmira', 'latin-en'],
      ['Ахметова Г.С.', 'initials'],
    ],
  },
  {
    base: 'Нұрланұлы Ерасыл',
    variants: [
      ['Нурланулы Ерасыл', 'kk-ru'],
      ['Yerassyl Nurlanuly', 'latin-en'],
      ['Ерасыл Нурланов', 'suffix'],
    ],
  },
];

/** Names given as split columns (surname / given / patronymic) against a full-name string. */
export const SPLIT_PAIRS: Array<[{ surname?: string; given?: string; patronymic?: string }, string]> = [
  [{ surname: 'Тоқаев', given: 'Қасым-Жомарт', patronymic: 'Кемелұлы' }, 'Kassym-Jomart Tokayev'],
  [{ surname: 'Ахметов', given: 'Ерлан', patronymic: 'Серикович' }, 'Ерлан Серікұлы Ахметов'],
  [{ surname: 'Назарбаева', given: 'Дарига' }, 'Dariga Nazarbayeva'],
  [{ surname: 'Момышұлы', given: 'Бауыржан' }, 'Baurzhan Momyshuly'],
  [{ given: 'Ерлан', surname: 'Ахметов' }, 'Akhmetov Yerlan'],
  [{ surname: 'Жумабаева', given: 'Жанна', patronymic: 'Болатовна' }, 'Жанна Болатқызы Жұмабаева'],
];
