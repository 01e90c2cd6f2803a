import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { catchError, encodeCp1251, encodeUtf16, ingestText, utf8 } from './helpers.js';

const CSV = 'ФИО,Возраст,Место\r\nТестов Тест Тестович,23 года,Жаңаөзен\r\nОбразцова Анна,31,Алматы\r\n';
const CSV_RU = 'ФИО;Возраст;Место\r\nТестов Тест Тестович;23 года;Жанаозен\r\nОбразцова Анна;31;Алматы\r\n';

describe('encodings', () => {
  it.each([
    ['UTF-8 without BOM', utf8(CSV), 'utf-8'],
    ['UTF-8 with BOM', utf8('\ufeff' + CSV), 'utf-8'],
    ['UTF-16LE with BOM', encodeUtf16(CSV, 'le'), 'utf-16le'],
    ['UTF-16BE with BOM', encodeUtf16(CSV, 'be'), 'utf-16be'],
  ])('reads %s', (_label, bytes, encoding) => {
    const src = ingestText(bytes);
    expect(src.encoding).toBe(encoding);
    expect(Object.keys(src.columns)).toEqual(['ФИО', 'Возраст', 'Место']);
    expect(src.records.map((r) => [r.rawName, r.age, r.place])).toEqual([
      ['Тестов Тест Тестович', 23, 'zhanaozen'],
      ['Образцова Анна', 31, 'almaty'],
    ]);
  });

  it('detects Windows-1251 from the bytes', () => {
    const src = ingestText(encodeCp1251(CSV_RU));
    expect(src.encoding).toBe('windows-1251');
    expect(src.delimiter).toBe(';');
    expect(src.records.map((r) => r.rawName)).toEqual(['Тестов Тест Тестович', 'Образцова Анна']);
    expect(src.records[0].place).toBe('zhanaozen');
  });

  it.each(['windows-1251', 'cp1251', '1251', 'CP-1251', 'win1251'])('takes a forced encoding "%s"', (label) => {
    const src = ingestText(encodeCp1251(CSV_RU), { encoding: label });
    expect(src.encoding).toBe('windows-1251');
    expect(src.records[1].rawName).toBe('Образцова Анна');
  });

  it('takes other encodings Node knows when forced (KOI8-R, DOS 866)', () => {
    const koi8 = Uint8Array.from([...utf8('name\n'), 0xf4, 0xc5, 0xd3, 0xd4, 0x0a]); // "Тест" in KOI8-R
    expect(ingestText(koi8, { encoding: 'koi8-r' })).toMatchObject({ encoding: 'koi8-r', records: [{ rawName: 'Тест' }] });
    const dos = Uint8Array.from([...utf8('name\n'), 0x92, 0xa5, 0xe1, 0xe2, 0x0a]); // "Тест" in code page 866
    expect(ingestText(dos, { encoding: 'cp866' })).toMatchObject({ encoding: 'ibm866', records: [{ rawName: 'Тест' }] });
  });

  it('takes forced UTF-16LE, UTF-16BE, UTF-8 aliases', () => {
    expect(ingestText(encodeUtf16(CSV, 'be'), { encoding: 'UTF-16BE' }).records[0].rawName).toBe('Тестов Тест Тестович');
    expect(ingestText(encodeUtf16(CSV, 'le'), { encoding: 'utf16le' }).records).toHaveLength(2);
    expect(ingestText(utf8(CSV), { encoding: 'UTF8' }).encoding).toBe('utf-8');
  });

  it('hashes the bytes as read', () => {
    expect(ingestText('ФИО\nТест\n').sha256).toBe(createHash('sha256').update(utf8('ФИО\nТест\n')).digest('hex'));
    expect(ingestText('ФИО\nТест\n').sha256).not.toBe(ingestText('ФИО\nТест \n').sha256);
  });
});

describe('encoding errors', () => {
  it('rejects bytes that are neither UTF-8 nor Windows-1251, naming the line of the first bad byte', () => {
    // Windows-1252 curly quotes and dashes: not UTF-8, and not Cyrillic letters in Windows-1251 either.
    const bytes = Uint8Array.from([...utf8('name,age\nAbc,1\n'), 0x93, 0x94, 0x85, 0x96, 0x97, 0x0a]);
    const err = catchError(() => ingestText(bytes));
    expect(err.code).toBe('ENCODING');
    expect(err.message).toBe('unknown text encoding: the file is not UTF-8 (byte 0x93 on line 3) and does not look like Windows-1251 Cyrillic');
    expect(err.line).toBe(3);
    expect(err.hint).toContain('--encoding');
  });

  it('reports a damaged UTF-8 file at the bad byte', () => {
    const bytes = Uint8Array.from([...utf8('ФИО,Возраст\nТестов Тест,23\nОбразцова'), 0xff, ...utf8(' Анна,31\n')]);
    const err = catchError(() => ingestText(bytes));
    expect(err.code).toBe('ENCODING');
    expect(err.message).toBe('the file is UTF-8 but has an invalid byte (0xFF) on line 3 (byte 19)');
    expect(err.line).toBe(3);
  });

  it('reports forced UTF-8 on a Windows-1251 file', () => {
    const err = catchError(() => ingestText(encodeCp1251(CSV_RU), { encoding: 'utf-8' }));
    expect(err.code).toBe('ENCODING');
    expect(err.message).toBe('the file is not valid UTF-8: byte 0xD4 on line 1 (byte 1) is not part of a UTF-8 character');
    expect(err.hint).toBe('files saved by Excel in Russian are often Windows-1251: --encoding windows-1251');
  });

  it('refuses a binary file', () => {
    const err = catchError(() => ingestText(Uint8Array.from([0x46, 0x49, 0x4f, 0x0a, 0x00, 0x01, 0x02, 0x9c])));
    expect(err.code).toBe('ENCODING');
    expect(err.message).toBe('the file looks binary, not CSV text: it contains NUL bytes (the first on line 2)');
    expect(err.format()).toBe('s.csv:2: the file looks binary, not CSV text: it contains NUL bytes (the first on line 2)');
  });

  it('suggests UTF-16 for a UTF-16 file without a byte-order mark', () => {
    const err = catchError(() => ingestText(encodeUtf16('name\nAbc\n', 'le', false)));
    expect(err.code).toBe('ENCODING');
    expect(err.hint).toBe('if it is UTF-16 text without a byte-order mark, name the encoding: --encoding utf-16le (or utf-16be)');
  });

  it('names an Excel workbook', () => {
    const err = catchError(() => ingestText(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00])));
    expect(err.message).toBe('the file is an Excel workbook or another ZIP archive (.xlsx, .ods), not CSV text');
    expect(err.hint).toBe('open it in Excel or LibreOffice and save it as "CSV UTF-8 (comma delimited)"');
  });

  it('refuses an unknown forced encoding', () => {
    const err = catchError(() => ingestText(CSV, { encoding: 'klingon-8' }));
    expect(err.code).toBe('BAD_CONFIG');
    expect(err.message).toBe('unknown encoding "klingon-8"');
  });
});
