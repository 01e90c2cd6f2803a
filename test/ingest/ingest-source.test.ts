import { describe, expect, it } from 'vitest';
import { catchError, ingestText } from './helpers.js';

describe('records', () => {
  it('fills every field from a full row', () => {
    const src = ingestText(
      '№;ФИО;Пол;Возраст;Год рождения;Дата гибели;Место гибели;Область;Категория;Примечание\n' +
        '7;Тестов Тест Тестович;муж.;23 года;1998 г.р.;5 января 2022;г. Талдыкорган;Алматинская обл.;мирный житель;ранен 4 января\n',
      { name: 'media', path: 'lists/media.csv', unique: true },
    );
    expect(src).toMatchObject({ name: 'media', path: 'lists/media.csv', delimiter: ';', encoding: 'utf-8', unique: true });
    expect(src.records).toEqual([
      {
        source: 'media', row: 1, line: 2, key: 'media:1', sourceId: '7', rawName: 'Тестов Тест Тестович', sex: 'M', age: 23,
        birthYear: 1998, dateOfDeath: '2022-01-05', place: 'taldykorgan', region: 'almaty-region', category: 'civilian',
        notes: 'ранен 4 января',
        cells: {
          '№': '7', ФИО: 'Тестов Тест Тестович', Пол: 'муж.', Возраст: '23 года', 'Год рождения': '1998 г.р.',
          'Дата гибели': '5 января 2022', 'Место гибели': 'г. Талдыкорган', Область: 'Алматинская обл.',
          Категория: 'мирный житель', Примечание: 'ранен 4 января',
        },
        warnings: [],
      },
    ]);
  });

  it('warns about values it does not understand and leaves the fields empty', () => {
    const src = ingestText('ФИО,Возраст,Дата смерти,Категория,Пол,Место\nТестов Тест,двадцать,вчера,пенсионер,?м,ул. Абая\n');
    const r = src.records[0];
    expect([r.age, r.dateOfDeath, r.category, r.sex, r.place]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(r.warnings).toEqual([
      'age "двадцать" not understood',
      'date of death "вчера" not understood',
      'place "ул. Абая" not understood',
      'category "пенсионер" not understood',
      'sex "?м" not understood',
    ]);
  });

  it('treats "unknown" markers as empty values, without warnings', () => {
    const src = ingestText('ФИО,Возраст,Дата смерти,Место\nТестов Тест,н/д,-,неизвестно\n');
    expect(src.records[0].warnings).toEqual([]);
    expect(src.records[0].age).toBeUndefined();
  });

  it('takes a year of birth or a date of birth written in the age column', () => {
    const src = ingestText('ФИО,Возраст\nТестов Тест,1998 г.р.\nОбразцова Анна,12.03.1990\n');
    expect(src.records.map((r) => [r.age, r.birthYear, r.birthDate])).toEqual([
      [undefined, 1998, undefined],
      [undefined, 1990, '1990-03-12'],
    ]);
  });

  it('reads a date of birth column', () => {
    const src = ingestText('ФИО,Дата рождения\nТестов Тест,05.06.1994\nОбразцова Анна,1990\n');
    expect(src.records.map((r) => [r.birthDate, r.birthYear])).toEqual([['1994-06-05', 1994], [undefined, 1990]]);
  });

  it('marks places the gazetteer does not know', () => {
    const src = ingestText('ФИО,Место,Регион\nТестов Тест,с. Бесагаш,Алматинская область\nОбразцова Анна,,г. Алматы\n');
    expect(src.records.map((r) => [r.place, r.region, r.warnings])).toEqual([
      ['?besagash', 'almaty-region', ['place "с. Бесагаш" not in the gazetteer']],
      ['almaty', 'almaty-city', []],
    ]);
  });
});

describe('rejected rows', () => {
  it('rejects rows without a usable name, in input order, with a reason', () => {
    const src = ingestText(
      'ФИО,Возраст\nТестов Тест,23\n,31\n???,40\n-,1\nнеизвестно,50\nаты белгісіз,22\nUnknown,19\n' +
        'Неизвестный мужчина,30\nИтого: 241,\nФИО,Возраст\nОбразцова Анна,31\n',
    );
    expect(src.records.map((r) => [r.row, r.rawName])).toEqual([[1, 'Тестов Тест'], [11, 'Образцова Анна']]);
    expect(src.rejected.map((r) => [r.row, r.line, r.key, r.rawName, r.reason])).toEqual([
      [2, 3, 's:2', '', 'no name'],
      [3, 4, 's:3', '???', 'name "???" has no letters'],
      [4, 5, 's:4', '-', 'name "-" has no letters'],
      [5, 6, 's:5', 'неизвестно', 'name "неизвестно" says the name is unknown'],
      [6, 7, 's:6', 'аты белгісіз', 'name "аты белгісіз" says the name is unknown'],
      [7, 8, 's:7', 'Unknown', 'name "Unknown" says the name is unknown'],
      [8, 9, 's:8', 'Неизвестный мужчина', 'name "Неизвестный мужчина" says the name is unknown'],
      [9, 10, 's:9', 'Итого: 241', '"Итого: 241" looks like a total line, not a name'],
      [10, 11, 's:10', 'ФИО', 'the row repeats the header'],
    ]);
    expect(src.rejected[0].cells).toEqual({ ФИО: '', Возраст: '31' });
  });

  it('keeps a real name that is also a common word', () => {
    const src = ingestText('ФИО\nАдам\nЕр адам\n');
    expect(src.records.map((r) => r.rawName)).toEqual(['Адам']);
    expect(src.rejected.map((r) => r.reason)).toEqual(['name "Ер адам" says the name is unknown']);
  });

  it('joins split name parts, and rejects a row whose parts are all empty', () => {
    const src = ingestText('Фамилия,Имя,Отчество,Возраст\n,Тест,,\n,,,23\n');
    expect(src.records.map((r) => [r.rawName, r.nameParts])).toEqual([['Тест', { given: 'Тест' }]]);
    expect(src.rejected.map((r) => r.reason)).toEqual(['no name']);
  });
});

describe('ragged rows and blank lines', () => {
  it('keeps ragged rows with a recoverable name, with a warning', () => {
    const src = ingestText('ФИО,Возраст,Место\nТестов Тест,23\nОбразцова Анна,31,Тараз,лишнее\nПримеров Пример,40,Тараз,\n');
    expect(src.records.map((r) => [r.rawName, r.warnings])).toEqual([
      ['Тестов Тест', ['row has 2 fields, header has 3']],
      ['Образцова Анна', ['row has 4 fields, header has 3']],
      ['Примеров Пример', []],
    ]);
    expect(src.records[1].cells).toEqual({ ФИО: 'Образцова Анна', Возраст: '31', Место: 'Тараз', '(column 4)': 'лишнее' });
  });

  it('rejects a ragged row whose name is missing, saying so', () => {
    const src = ingestText('Возраст,ФИО\n23\n');
    expect(src.rejected.map((r) => r.reason)).toEqual(['no name (row has 1 fields, header has 2)']);
  });

  it('skips blank lines, counting them', () => {
    const src = ingestText('\n\nФИО,Возраст\n\nТестов Тест,23\n,\n  ,  \nОбразцова Анна,31\n\n');
    expect(src.records.map((r) => [r.row, r.line])).toEqual([[1, 5], [2, 8]]);
    expect(src.warnings).toEqual(['6 blank lines skipped']);
  });
});

describe('limits', () => {
  it('refuses a field larger than maxFieldBytes', () => {
    const err = catchError(() => ingestText(`ФИО,Примечание\nТестов Тест,${'я'.repeat(600)}\n`, {}, { maxFieldBytes: 1000 }));
    expect(err.code).toBe('LIMIT');
    expect(err.message).toBe('a field in the row starting on line 2 is 1200 bytes long, more than the limit of 1000 bytes');
    expect(err.line).toBe(2);
  });

  it('refuses more records than maxRecords', () => {
    const err = catchError(() => ingestText('ФИО\nА\nБ\nВ\n', {}, { maxRecords: 2 }));
    expect(err.code).toBe('LIMIT');
    expect(err.message).toBe('the file has more than 2 records (the limit)');
    expect(err.hint).toBe('raise the limit with --max-records, or split the file');
  });

  it('accepts exactly maxRecords records', () => {
    expect(ingestText('ФИО\nА\nБ\n', {}, { maxRecords: 2 }).records).toHaveLength(2);
  });
});
