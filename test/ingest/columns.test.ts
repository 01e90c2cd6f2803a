import { describe, expect, it } from 'vitest';
import { detectRole } from '../../src/ingest/index.js';
import { catchError, ingestText } from './helpers.js';

describe('header roles', () => {
  it.each([
    // Russian
    ['ФИО', 'full_name'], ['Ф.И.О.', 'full_name'], ['ф. и. о.', 'full_name'], ['Фамилия Имя Отчество', 'full_name'],
    ['Фамилия, имя, отчество', 'full_name'], ['Фамилия', 'surname'], ['Имя', 'given'], ['Отчество', 'patronymic'],
    ['Возраст', 'age'], ['Год рождения', 'birth_year'], ['Г.р.', 'birth_year'], ['Дата рождения', 'birth_date'],
    ['Дата смерти', 'date_of_death'], ['Дата гибели', 'date_of_death'], ['Место гибели', 'place'],
    ['Населённый пункт', 'place'], ['Населенный пункт', 'place'], ['Город', 'place'], ['Область', 'region'],
    ['Категория', 'category'], ['Статус', 'category'], ['Пол', 'sex'], ['№', 'source_id'], ['№ п/п', 'source_id'],
    ['Номер', 'source_id'], ['Примечание', 'notes'], ['Комментарий', 'notes'],
    // Kazakh, with Kazakh letters and typed with Russian ones
    ['Аты-жөні', 'full_name'], ['Аты-жони', 'full_name'], ['Толық аты-жөні', 'full_name'], ['Тегі', 'surname'],
    ['Аты', 'given'], ['Әкесінің аты', 'patronymic'], ['Жасы', 'age'], ['Жас', 'age'], ['Туған жылы', 'birth_year'],
    ['Туған күні', 'birth_date'], ['Қайтыс болған күні', 'date_of_death'], ['Қаза тапқан күні', 'date_of_death'],
    ['Қаза тапқан жері', 'place'], ['Қала', 'place'], ['Орны', 'place'], ['Облыс', 'region'], ['Санаты', 'category'],
    ['Мәртебесі', 'category'], ['Жынысы', 'sex'], ['Ескерту', 'notes'], ['Ескертпе', 'notes'],
    // English
    ['Full name', 'full_name'], ['FULL_NAME', 'full_name'], ['Name', 'full_name'], ['Victim', 'full_name'],
    ['Last name', 'surname'], ['Family name', 'surname'], ['First name', 'given'], ['Given name', 'given'],
    ['Middle name', 'patronymic'], ['Age', 'age'], ['Year of birth', 'birth_year'], ['DOB', 'birth_date'],
    ['Date of death', 'date_of_death'], ['Died', 'date_of_death'], ['Place of death', 'place'], ['City', 'place'],
    ['Oblast', 'region'], ['Status', 'category'], ['Gender', 'sex'], ['No.', 'source_id'], ['ID', 'source_id'],
    ['Record id', 'source_id'], ['Notes', 'notes'],
    // with extra words after a known header
    ['ФИО погибшего (полностью)', 'full_name'], ['Дата гибели (дд.мм.гггг)', 'date_of_death'], ['Возраст, лет', 'age'],
  ])('%j → %s', (header, role) => {
    expect(detectRole(header)).toBe(role);
  });

  it.each(['Звание', 'Место работы', 'Город проживания', 'Источник', ''])('%j is not recognised', (header) => {
    expect(detectRole(header)).toBeUndefined();
  });

  it('keeps unrecognised columns in cells only', () => {
    const src = ingestText('ФИО,Звание\nТестов Тест,сержант\n');
    expect(src.columns).toEqual({ ФИО: 'full_name' });
    expect(src.records[0].cells).toEqual({ ФИО: 'Тестов Тест', Звание: 'сержант' });
  });

  it('reads split name columns', () => {
    const src = ingestText('Тегі,Аты,Әкесінің аты,Жасы\nТестов,Тест,Тестович,23\nОбразцова,Анна,,31\n');
    expect(src.records.map((r) => [r.rawName, r.nameParts])).toEqual([
      ['Тестов Тест Тестович', { surname: 'Тестов', given: 'Тест', patronymic: 'Тестович' }],
      ['Образцова Анна', { surname: 'Образцова', given: 'Анна' }],
    ]);
  });
});

describe('config columns', () => {
  it('overrides detection and ignores columns', () => {
    const src = ingestText('Кто,Звание,Лет\nТестов Тест,сержант,23\n', {
      columns: { Кто: 'full_name', Звание: 'ignore', Лет: 'age' },
    });
    expect(src.columns).toEqual({ Кто: 'full_name', Звание: 'ignore', Лет: 'age' });
    expect(src.records[0]).toMatchObject({ rawName: 'Тестов Тест', age: 23, cells: { Кто: 'Тестов Тест', Лет: '23' } });
    expect(src.records[0].cells).not.toHaveProperty('Звание');
  });

  it('gives a configured column the role over a detected one', () => {
    const src = ingestText('ФИО,Name latin\nТестов Тест,Testov Test\n', { columns: { 'Name latin': 'full_name' } });
    expect(src.records[0].rawName).toBe('Testov Test');
    expect(src.columns).toEqual({ 'Name latin': 'full_name' });
    expect(src.warnings).toEqual(['columns "Name latin" and "ФИО" both look like full_name; using "Name latin"']);
  });

  it('refuses an unknown role', () => {
    const err = catchError(() => ingestText('ФИО\nТест\n', { columns: { ФИО: 'fullname' } }));
    expect(err.code).toBe('BAD_CONFIG');
    expect(err.message).toBe('column "ФИО" is given the unknown role "fullname"');
  });

  it('refuses a configured header the file lacks', () => {
    const err = catchError(() => ingestText('ФИО,Возраст\nТест,1\n', { columns: { Имя: 'full_name' } }));
    expect(err.code).toBe('MISSING_COLUMN');
    expect(err.message).toBe('the config names column "Имя", which the header does not have (found: "ФИО", "Возраст")');
    expect(err.line).toBe(1);
  });
});

describe('header problems', () => {
  it('reports a file without a name column, listing the headers found', () => {
    const err = catchError(() => ingestText('№,Возраст,Город\n1,23,Алматы\n'));
    expect(err.code).toBe('MISSING_COLUMN');
    expect(err.message).toBe(
      'no name column: found headers "№", "Возраст", "Город"; expected a full name (ФИО, Аты-жөні, Full name) or surname and given name (Фамилия, Имя)',
    );
    expect(err.hint).toBe('name the column in the config: "columns": {"<header>": "full_name"} (or "surname", "given")');
    expect(err.format()).toMatch(/^s\.csv:1: no name column/);
  });

  it('keeps both duplicate headers, suffixing the second', () => {
    const src = ingestText('Name,Возраст,Name\nTestov Test,23,Testov T.\n');
    expect(src.records[0].cells).toEqual({ Name: 'Testov Test', Возраст: '23', 'Name (2)': 'Testov T.' });
    expect(src.records[0].rawName).toBe('Testov Test');
    expect(src.warnings).toContain('header "Name" appears twice; column 3 is kept as "Name (2)"');
  });

  it('skips title rows above the header', () => {
    const src = ingestText('Список погибших;;\nпо состоянию на 2022 год;;\n;;\nФИО;Возраст;Место\nТестов Тест;23;Алматы\n');
    expect(src.records.map((r) => [r.row, r.line, r.rawName])).toEqual([[1, 5, 'Тестов Тест']]);
    expect(src.warnings).toEqual(['2 rows above the header skipped (lines 1–2)', '1 blank line skipped']);
  });

  it('accepts a header without records, with a warning', () => {
    const src = ingestText('ФИО,Возраст\n');
    expect(src.records).toEqual([]);
    expect(src.rejected).toEqual([]);
    expect(src.warnings).toEqual(['the file has a header (line 1) but no records']);
  });

  it.each([
    ['an empty file', '', 'the file is empty (0 bytes)'],
    ['a file of blank lines', '\n  \r\n\t\n', 'the file is empty: it has only blank lines'],
    ['a BOM alone', '\ufeff', 'the file is empty: it has only blank lines'],
  ])('refuses %s', (_label, text, message) => {
    const err = catchError(() => ingestText(text));
    expect(err.code).toBe('EMPTY_FILE');
    expect(err.message).toBe(message);
  });
});

describe('header look-alike letters', () => {
  it('reads a Cyrillic header typed with Latin look-alike letters', () => {
    // "ФИO" with a Latin O, "Boзpacт" with Latin B, o, p, a, c
    expect(detectRole('ФИO')).toBe('full_name');
    expect(detectRole('Boзpacт')).toBe('age');
  });
});
