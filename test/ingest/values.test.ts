import { describe, expect, it } from 'vitest';
import { parseAge, parseBirthYear, parseCategory, parseDate, parseSex } from '../../src/ingest/index.js';

describe('parseDate', () => {
  it.each([
    ['05.01.2022', '2022-01-05'], ['5.1.22', '2022-01-05'], ['2022-01-05', '2022-01-05'], ['05/01/2022', '2022-01-05'],
    ['5-1-2022', '2022-01-05'], ['05.01.2022 г.', '2022-01-05'], ['05.01.2022 0:00:00', '2022-01-05'],
    ['2022-01-05T00:00:00Z', '2022-01-05'], ['  06.01.2022  ', '2022-01-06'],
    ['5 января 2022', '2022-01-05'], ['5 января 2022 года', '2022-01-05'], ['5 янв. 2022', '2022-01-05'],
    ['5 янв 2022 г.', '2022-01-05'], ['7 Января 2022', '2022-01-07'], ['1 мая 1990', '1990-05-01'],
    ['12 марта 1985 г.', '1985-03-12'], ['5-го января 2022', '2022-01-05'],
    ['5 қаңтар 2022', '2022-01-05'], ['2022 жылғы 5 қаңтар', '2022-01-05'], ['2022 ж. 6 қаңтарда', '2022-01-06'],
    ['5 кантар 2022', '2022-01-05'], ['15 желтоқсан 1999', '1999-12-15'],
    ['January 5, 2022', '2022-01-05'], ['5 January 2022', '2022-01-05'], ['Jan 5 2022', '2022-01-05'],
    ['Jan. 5th, 2022', '2022-01-05'], ['5 Sept 1991', '1991-09-05'], ['29.02.2020', '2020-02-29'],
  ])('%j → %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it.each([
    '', 'январь 2022', '01.2022', '5-6 января 2022', '32.01.2022', '29.02.2022', '05.13.2022', 'вчера', '2022',
    '5 foo 2022', 'неизвестно',
  ])('%j → undefined', (text) => {
    expect(parseDate(text)).toBeUndefined();
  });
});

describe('parseAge', () => {
  it.each([
    ['23', 23], ['23 года', 23], ['23 лет', 23], ['21 год', 21], ['23 г.', 23], ['23 жаста', 23], ['23 жас', 23],
    ['23 y.o.', 23], ['23 yo', 23], ['23 years', 23], ['23 years old', 23], ['23.0', 23], ['около 30', 30], ['~45', 45],
    ['0', 0], ['8 мес.', 0], ['5 months', 0], ['23 (по другим данным 24)', 23],
  ])('%j → %s', (text, age) => {
    expect(parseAge(text)).toBe(age);
  });

  it.each(['', 'двадцать', '1998', '1998 г.р.', '150', '23 кг', 'abc'])('%j → undefined', (text) => {
    expect(parseAge(text)).toBeUndefined();
  });
});

describe('parseBirthYear', () => {
  it.each([
    ['1998', 1998], ['1998 г.р.', 1998], ['1998 г. р.', 1998], ['1998г.р.', 1998], ['1998 г/р', 1998], ['1998 г.', 1998],
    ['1998 года рождения', 1998], ['1998 ж.т.', 1998], ['1998 жылы туған', 1998], ['b. 1998', 1998], ['1998.0', 1998],
  ])('%j → %s', (text, year) => {
    expect(parseBirthYear(text)).toBe(year);
  });

  it.each(['', '98', '23', '3022', '1700', 'тысяча'])('%j → undefined', (text) => {
    expect(parseBirthYear(text)).toBeUndefined();
  });
});

describe('parseCategory', () => {
  it.each([
    ['мирный житель', 'civilian'], ['Мирный житель', 'civilian'], ['гражданский', 'civilian'],
    ['гражданское лицо', 'civilian'], ['бейбіт тұрғын', 'civilian'], ['бейбит тургын', 'civilian'],
    ['civilian', 'civilian'], ['Civil', 'civilian'], ['журналист', 'civilian'], ['ребёнок', 'civilian'],
    ['военнослужащий', 'security'], ['сотрудник полиции', 'security'], ['полицейский', 'security'],
    ['сотрудник КНБ', 'security'], ['нацгвардия', 'security'], ['военнослужащий Нацгвардии', 'security'],
    ['сотрудник органов', 'security'], ['сотрудник', 'security'], ['сарбаз', 'security'],
    ['әскери қызметші', 'security'], ['полиция қызметкері', 'security'], ['police', 'security'],
    ['Military', 'security'], ['soldier', 'security'], ['serviceman', 'security'], ['security officer', 'security'],
    ['National Guard', 'security'], ['Ұлттық ұлан сарбазы', 'security'], ['ҰҚК қызметкері', 'security'],
    ['подполковник', 'security'], ['other', 'other'], ['другое', 'other'], ['басқа', 'other'],
    ['умер под стражей', 'other'], ['died in custody', 'other'],
    ['полицейский (по данным родных — мирный житель)', 'security'],
  ])('%j → %s', (text, category) => {
    expect(parseCategory(text)).toBe(category);
  });

  it.each(['', 'пенсионер?', 'xyz', 'сотрудник аэропорта'])('%j → undefined', (text) => {
    expect(parseCategory(text)).toBeUndefined();
  });
});

describe('parseSex', () => {
  it.each([
    ['М', 'M'], ['м', 'M'], ['М.', 'M'], ['муж', 'M'], ['муж.', 'M'], ['мужской', 'M'], ['ер', 'M'], ['M', 'M'],
    ['male', 'M'], ['Ж', 'F'], ['жен', 'F'], ['жен.', 'F'], ['женский', 'F'], ['әйел', 'F'], ['F', 'F'],
    ['Female', 'F'],
  ])('%j → %s', (text, sex) => {
    expect(parseSex(text)).toBe(sex);
  });

  it.each(['', '?', 'X', 'мальчик?'])('%j → undefined', (text) => {
    expect(parseSex(text)).toBeUndefined();
  });
});
