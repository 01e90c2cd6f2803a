import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../src/ingest/index.js';
import { catchError, ingestText } from './helpers.js';

describe('delimiters', () => {
  it.each([
    [',', 'ФИО,Возраст,Место\nТестов Тест,23,Алматы\nОбразцова Анна,31,Тараз\n'],
    [';', 'ФИО;Возраст;Место\nТестов, Тест;23;Алматы\nОбразцова Анна;31,5;Тараз\n'],
    ['\t', 'ФИО\tВозраст\tМесто\nТестов Тест\t23\tАлматы\nОбразцова, Анна\t31\tТараз\n'],
  ])('detects %j', (delimiter, text) => {
    const src = ingestText(text);
    expect(src.delimiter).toBe(delimiter);
    expect(src.records).toHaveLength(2);
    expect(src.records[1].place).toBe('taraz');
  });

  it('ignores delimiters inside quotes when detecting', () => {
    expect(detectDelimiter('"ФИО; полностью",Возраст\n"Тестов; Тест",23\n"Образцова; Анна",31\n')).toBe(',');
  });

  it('reads a single-column file', () => {
    const src = ingestText('ФИО\nТестов Тест\nОбразцова Анна\n');
    expect(src.delimiter).toBe(',');
    expect(src.records.map((r) => r.rawName)).toEqual(['Тестов Тест', 'Образцова Анна']);
  });

  it.each([
    [';', ';'], ['tab', '\t'], ['\t', '\t'], ['semicolon', ';'], [',', ','],
  ])('takes a forced delimiter %j', (forced, delimiter) => {
    const text = `ФИО${delimiter}Возраст\nТестов Тест${delimiter}23\n`;
    const src = ingestText(text, { delimiter: forced });
    expect(src.delimiter).toBe(delimiter);
    expect(src.records[0].age).toBe(23);
  });

  it('refuses an unknown forced delimiter', () => {
    const err = catchError(() => ingestText('ФИО\nТест\n', { delimiter: '::' }));
    expect(err.code).toBe('BAD_CONFIG');
    expect(err.message).toBe('unknown delimiter "::"');
  });
});

describe('line endings, quotes and line numbers', () => {
  it.each([
    ['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r'],
  ])('reads %s line endings with the right line numbers', (_label, eol) => {
    const text = ['ФИО,Примечание', 'Тестов Тест,"первая строка', 'вторая строка"', '', 'Образцова Анна,нет'].join(eol) + eol;
    const src = ingestText(text);
    expect(src.records.map((r) => [r.row, r.line, r.rawName])).toEqual([
      [1, 2, 'Тестов Тест'],
      [2, 5, 'Образцова Анна'],
    ]);
    expect(src.records[0].notes).toBe('первая строка\nвторая строка');
    expect(src.warnings).toEqual(['1 blank line skipped']);
  });

  it('reads doubled quotes and delimiters inside quoted fields', () => {
    const src = ingestText('ФИО,Примечание\n"Тестов ""Тестик"" Тест","погиб 5 января, в Алматы"\n');
    expect(src.records[0].rawName).toBe('Тестов "Тестик" Тест');
    expect(src.records[0].notes).toBe('погиб 5 января, в Алматы');
  });

  it('tolerates a stray quote inside an unquoted field', () => {
    const src = ingestText('ФИО,Возраст\nТестов "Тестик" Тест,23\n');
    expect(src.records[0].rawName).toBe('Тестов "Тестик" Тест');
  });

  it('reports an unbalanced quote at the line where the field opens', () => {
    const lines = ['ФИО,Возраст'];
    for (let i = 1; i <= 12; i++) lines.push(`Тестов${i} Тест,${20 + i}`);
    lines.push('"Образцова Анна,31');
    lines.push('Примеров Пример,40');
    const err = catchError(() => ingestText(lines.join('\n') + '\n'));
    expect(err.code).toBe('CSV_MALFORMED');
    expect(err.message).toBe('unbalanced quote: a field opened with " on line 14 is never closed');
    expect(err.line).toBe(14);
    expect(err.format()).toBe('s.csv:14: unbalanced quote: a field opened with " on line 14 is never closed');
    expect(err.hint).toBe('a field that starts with " must end with "; inside a quoted field, write a quote as ""');
  });

  it('finds the unclosed quote after closed quoted fields on the same row', () => {
    const err = catchError(() => ingestText('ФИО,Примечание,Место\n"Тестов Тест","ок","Алматы\nОбразцова Анна,,\n'));
    expect(err.message).toBe('unbalanced quote: a field opened with " on line 2 is never closed');
  });
});
