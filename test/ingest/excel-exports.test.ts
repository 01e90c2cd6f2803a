// Shapes that spreadsheet exports give lists in real life.
import { describe, expect, it } from 'vitest';
import { encodeCp1251, ingestText } from './helpers.js';

describe('spreadsheet exports', () => {
  it('reads Excel\'s "sep=;" first line as the delimiter', () => {
    const src = ingestText('sep=;\r\nФИО;Возраст\r\nТестов, Тест;23\r\n');
    expect(src.delimiter).toBe(';');
    expect(src.records.map((r) => [r.line, r.rawName, r.age])).toEqual([[3, 'Тестов, Тест', 23]]);
    expect(src.warnings).toEqual(['line 1 "sep=;" read as the delimiter line Excel writes']);
  });

  it('drops empty trailing columns, keeping a value written under no header', () => {
    const src = ingestText('ФИО;Возраст;;\nТестов Тест;23;;\nОбразцова Анна;31;;см. примечание\n');
    expect(src.records.map((r) => r.cells)).toEqual([
      { ФИО: 'Тестов Тест', Возраст: '23' },
      { ФИО: 'Образцова Анна', Возраст: '31', '(column 4)': 'см. примечание' },
    ]);
    expect(src.records.map((r) => r.warnings)).toEqual([[], []]);
  });

  it('trims spaces around headers', () => {
    const src = ingestText(' ФИО , Возраст \nТестов Тест,23\n');
    expect(src.columns).toEqual({ ФИО: 'full_name', Возраст: 'age' });
    expect(src.records[0].cells).toEqual({ ФИО: 'Тестов Тест', Возраст: '23' });
  });

  it('reads headers broken over two lines inside quotes', () => {
    const src = ingestText('"Дата\nгибели","Ф.И.О.\n(полностью)"\n05.01.2022,Тестов Тест\n');
    expect(src.columns).toEqual({ 'Дата\nгибели': 'date_of_death', 'Ф.И.О.\n(полностью)': 'full_name' });
    expect(src.records[0]).toMatchObject({ line: 4, dateOfDeath: '2022-01-05', rawName: 'Тестов Тест' });
  });

  it('reads date columns exported as Excel serial numbers', () => {
    const src = ingestText('ФИО,Дата смерти,Дата рождения\nТестов Тест,44566,35431\n');
    expect(src.records[0]).toMatchObject({ dateOfDeath: '2022-01-05', birthDate: '1997-01-01', birthYear: 1997 });
  });

  it('reads mixed line endings with the right line numbers', () => {
    const src = ingestText('ФИО,Возраст\r\nТестов Тест,23\nОбразцова Анна,31\rПримеров Пример,40\r\n');
    expect(src.records.map((r) => [r.line, r.rawName, r.age])).toEqual([
      [2, 'Тестов Тест', 23], [3, 'Образцова Анна', 31], [4, 'Примеров Пример', 40],
    ]);
  });

  it('reads a Windows-1251 export with CRLF, quotes and a title row', () => {
    const text = 'Список;;\r\n№;Ф.И.О.;Место гибели\r\n1;"Тестов ""Тестик"" Тест";г. Алматы\r\n2;Образцова Анна;Жанаозен\r\n';
    const src = ingestText(encodeCp1251(text));
    expect(src.encoding).toBe('windows-1251');
    expect(src.records.map((r) => [r.sourceId, r.rawName, r.place, r.line])).toEqual([
      ['1', 'Тестов "Тестик" Тест', 'almaty', 3],
      ['2', 'Образцова Анна', 'zhanaozen', 4],
    ]);
    expect(src.warnings).toEqual(['1 row above the header skipped (line 1)']);
  });
});
