// The catalogue of broken inputs: for each, what `reconcile merge` says (exact stderr), its exit code, and that a
// refused run leaves no output. Inputs are generated here; every name is synthetic.
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, runBin, writeTree } from '../support/run-cli.js';

const cp1251 = (text: string): Buffer => {
  const decoder = new TextDecoder('windows-1251');
  const table = new Map<string, number>();
  for (let b = 0x80; b <= 0xff; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from([...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : table.get(ch)!)));
};
const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');
const BOM = '\uFEFF';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Writes `files` into a fresh folder and runs `reconcile merge -q --out out ARGS` there. */
function merge(files: Record<string, string | Uint8Array>, args: string[]): { code: number; stderr: string; dir: string } {
  const dir = writeTree(files);
  dirs.push(dir);
  const r = runBin(['merge', '-q', '--out', 'out', ...args], { cwd: dir });
  return { code: r.code, stderr: r.stderr, dir };
}

function readCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(path, 'utf8'), { columns: true }) as Record<string, string>[];
}

function warnings(dir: string): string[] {
  return (JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8')) as { warnings: string[] }).warnings;
}

const QUOTE_HINT = 'hint: a field that starts with " must end with "; inside a quoted field, write a quote as ""\n';
const ENCODING_HINT = 'name the encoding with --encoding (utf-8, utf-16le, utf-16be, windows-1251) or "encoding" in the source\'s config entry';
const HEADER_HINT = 'hint: a source list needs a header line naming its columns (e.g. ФИО,Возраст,Место) and one line per person\n';

interface RefusedCase {
  name: string;
  files: Record<string, string | Uint8Array>;
  args: string[];
  code: number;
  stderr: string;
}

const REFUSED: RefusedCase[] = [
  {
    name: 'truncated inside a quoted field',
    files: { 'a.csv': 'ФИО,Примечание\nТестов Тест,"погиб 5 января\nОбразцова Анна,"ранена в' },
    args: ['a.csv'],
    code: 3,
    stderr:
      'reconcile: error: a.csv:2: unbalanced quote: a field opened with " on line 2 runs to line 3, where a quote is followed by text instead of a delimiter\n' +
      QUOTE_HINT,
  },
  {
    name: 'truncated in the middle of a character',
    files: { 'a.csv': Buffer.concat([utf8('ФИО,Возраст\nТестов Тест,23\nОбразцова Ан'), utf8('н').subarray(0, 1)]) },
    args: ['a.csv'],
    code: 3,
    stderr:
      'reconcile: error: a.csv:3: the file ends in the middle of a character (byte 0xD0 on line 3): it looks cut short\n' +
      'hint: copy or download the file again; if it is complete, remove the broken last character\n',
  },
  {
    name: 'unbalanced quotes',
    files: { 'a.csv': 'ФИО,Возраст\nТестов Тест,23\n"Образцова Анна,31\nПримеров Пример,40\n' },
    args: ['a.csv'],
    code: 3,
    stderr: 'reconcile: error: a.csv:3: unbalanced quote: a field opened with " on line 3 is never closed\n' + QUOTE_HINT,
  },
  {
    name: 'mixed encodings: a Windows-1251 line in a UTF-8 file',
    files: { 'a.csv': Buffer.concat([utf8('ФИО,Возраст\nТестов Тест,23\n'), cp1251('Образцова Анна,31\n')]) },
    args: ['a.csv'],
    code: 3,
    stderr:
      'reconcile: error: a.csv:3: mixed encodings: the file is UTF-8 but line 3 is not (read as Windows-1251 it says "Образцова Анна,31")\n' +
      'hint: save the whole file in one encoding, preferably UTF-8 (in Excel: "CSV UTF-8")\n',
  },
  {
    name: 'a damaged UTF-8 character',
    files: { 'a.csv': Buffer.concat([utf8('ФИО,Возраст\nТестов Тест,23\nОбразц'), Buffer.from([0xd0]), utf8('ова Анна,31\n')]) },
    args: ['a.csv'],
    code: 3,
    stderr:
      'reconcile: error: a.csv:3: the file is UTF-8 but has an invalid byte (0xD0) on line 3 (byte 13)\n' +
      `hint: fix or remove the damaged character on line 3, or ${ENCODING_HINT}\n`,
  },
  {
    name: 'mixed encodings: a UTF-8 line in a Windows-1251 file',
    files: {
      'a.csv': Buffer.concat([
        cp1251('ФИО,Возраст\n' + Array.from({ length: 8 }, (_, i) => `Тестов${i} Тест,${20 + i}\n`).join('')),
        utf8('Образцова Анна,31\n'),
        cp1251('Примеров Пример,40\n'),
      ]),
    },
    args: ['a.csv'],
    code: 3,
    stderr:
      'reconcile: error: a.csv:10: mixed encodings: the file is Windows-1251 but line 10 is written in UTF-8 (it would read "РћР±СЂР°Р·С†РѕРІР° РђРЅР…")\n' +
      'hint: save the whole file in one encoding, preferably UTF-8 (in Excel: "CSV UTF-8")\n',
  },
  {
    name: 'a binary file renamed .csv',
    files: { 'a.csv': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]) },
    args: ['a.csv'],
    code: 3,
    stderr:
      'reconcile: error: a.csv:3: the file looks binary, not CSV text: it contains NUL bytes (the first on line 3)\n' +
      'hint: save the list as CSV text (UTF-8) and try again\n',
  },
  {
    name: 'an Excel workbook renamed .csv',
    files: { 'a.csv': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]) },
    args: ['a.csv'],
    code: 3,
    stderr:
      'reconcile: error: a.csv: the file is an Excel workbook or another ZIP archive (.xlsx, .ods), not CSV text\n' +
      'hint: open it in Excel or LibreOffice and save it as "CSV UTF-8 (comma delimited)"\n',
  },
  {
    name: 'a directory passed as a file',
    files: { 'lists/a.csv': 'ФИО\nТестов Тест\n' },
    args: ['lists'],
    code: 3,
    stderr: 'reconcile: error: lists: is a directory, not a source file\nhint: pass the CSV files themselves, e.g. lists/*.csv\n',
  },
  {
    name: 'a file that does not exist',
    files: {},
    args: ['missing.csv'],
    code: 3,
    stderr: 'reconcile: error: missing.csv: source file not found\nhint: check the path; SOURCE is path.csv or name=path.csv\n',
  },
  {
    name: 'an empty file',
    files: { 'a.csv': '' },
    args: ['a.csv'],
    code: 3,
    stderr: 'reconcile: error: a.csv: the file is empty (0 bytes)\n' + HEADER_HINT,
  },
  {
    name: 'blank lines only',
    files: { 'a.csv': '\n\r\n  \n\t\n' },
    args: ['a.csv'],
    code: 3,
    stderr: 'reconcile: error: a.csv: the file is empty: it has only blank lines\n' + HEADER_HINT,
  },
  {
    name: 'no name column',
    files: { 'a.csv': 'Возраст,Место\n23,Алматы\n' },
    args: ['a.csv'],
    code: 3,
    stderr:
      'reconcile: error: a.csv:1: no name column: found headers "Возраст", "Место"; expected a full name (ФИО, Аты-жөні, Full name) or surname and given name (Фамилия, Имя)\n' +
      'hint: name the column in the config: "columns": {"<header>": "full_name"} (or "surname", "given")\n',
  },
  {
    name: 'a field over --max-field-bytes',
    files: { 'a.csv': `ФИО,Примечание\nТестов Тест,${'x'.repeat(2000)}\n` },
    args: ['--max-field-bytes', '1000', 'a.csv'],
    code: 3,
    stderr:
      'reconcile: error: a.csv:2: a field in the row starting on line 2 is 2000 bytes long, more than the limit of 1000 bytes\n' +
      'hint: a quote that is never closed or a wrong delimiter often causes this; if the data is right, raise the limit with --max-field-bytes\n',
  },
  {
    name: 'more records than --max-records',
    files: { 'a.csv': 'ФИО\nТестов Тест\nОбразцова Анна\nПримеров Пример\n' },
    args: ['--max-records', '2', 'a.csv'],
    code: 3,
    stderr: 'reconcile: error: a.csv:4: the file has more than 2 records (the limit)\nhint: raise the limit with --max-records, or split the file\n',
  },
];

describe('broken inputs that are refused: exact message, exit code, no output', () => {
  it.each(REFUSED.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const r = merge(c.files, c.args);
    expect(r.stderr).toBe(c.stderr);
    expect(r.code).toBe(c.code);
    expect(existsSync(join(r.dir, 'out'))).toBe(false);
  });
});

describe('broken inputs that are read, with every row kept and the problem reported', () => {
  it('a truncated file: the cut row is kept and the file is said to be cut short', () => {
    const r = merge({ 'a.csv': 'ФИО,Возраст,Место\nТестов Тест,23,Алматы\nОбразцова Ан' }, ['a.csv']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(warnings(r.dir)).toEqual([
      'a: 1 row does not have the header\'s 3 fields (line 3 has 1); missing fields are read as empty, extra ones are kept as "(column N)"',
      "a: the file may be cut short: its last row (line 3) has 1 of the header's 3 fields and no line break at the end",
    ]);
    expect(readCsv(join(r.dir, 'out/records.csv')).map((x) => [x.row, x.status, x.name])).toEqual([
      ['1', 'linked', 'Тестов Тест'],
      ['2', 'linked', 'Образцова Ан'],
    ]);
  });

  it('ragged rows: too few and too many fields are reported; rows with a name are kept, extra fields too', () => {
    const r = merge({ 'a.csv': 'ФИО,Возраст,Место\nТестов Тест,23\nОбразцова Анна,31,Тараз,ранена,в больнице\n,40,Алматы,x\nПримеров Пример,50,Тараз\n' }, ['a.csv']);
    expect(r.code).toBe(0);
    expect(warnings(r.dir)).toEqual([
      'a: 3 rows do not have the header\'s 3 fields (line 2 has 2, line 3 has 5, line 4 has 4); missing fields are read as empty, extra ones are kept as "(column N)"',
    ]);
    expect(readCsv(join(r.dir, 'out/records.csv')).map((x) => [x.row, x.status, x.name, x.reason])).toEqual([
      ['1', 'linked', 'Тестов Тест', ''],
      ['2', 'linked', 'Образцова Анна', ''],
      ['3', 'rejected', '', 'no name (row has 4 fields, header has 3)'],
      ['4', 'linked', 'Примеров Пример', ''],
    ]);
    const merged = readCsv(join(r.dir, 'out/merged.csv'));
    expect(merged.find((p) => p.name_cyrillic === 'Образцова Анна')?.place).toBe('Taraz');
  });

  it('duplicate header names: the second is renamed and said so', () => {
    const r = merge({ 'a.csv': 'ФИО,Возраст,Возраст\nТестов Тест,23,24\n' }, ['a.csv']);
    expect(r.code).toBe(0);
    expect(warnings(r.dir)).toEqual([
      'a: header "Возраст" appears twice; column 3 is kept as "Возраст (2)"',
      'a: columns "Возраст" and "Возраст (2)" both look like age; using "Возраст"',
    ]);
    expect(readCsv(join(r.dir, 'out/merged.csv'))[0].age).toBe('23');
  });

  it('empty header names: the unnamed columns are kept, the named ones read', () => {
    const r = merge({ 'a.csv': 'ФИО,,Возраст,\nТестов Тест,x,23,\n' }, ['a.csv']);
    expect(r.code).toBe(0);
    const merged = readCsv(join(r.dir, 'out/merged.csv'));
    expect([merged[0].name_cyrillic, merged[0].age]).toEqual(['Тестов Тест', '23']);
  });

  it('a header only: an empty result, said so', () => {
    const r = merge({ 'a.csv': 'ФИО,Возраст\n' }, ['a.csv']);
    expect(r.code).toBe(0);
    expect(warnings(r.dir)).toEqual(['a: the file has a header (line 1) but no records']);
    expect(readFileSync(join(r.dir, 'out/records.csv'), 'utf8')).toBe('source,row,person_id,status,name,normalized_name,score,reason\n');
  });

  it('a byte-order mark in the middle (two files joined): removed, said so, the repeated header rejected as such', () => {
    const r = merge({ 'a.csv': `ФИО,Возраст\nТестов Тест,23\n${BOM}ФИО,Возраст\nОбразцова Анна,31\n` }, ['a.csv']);
    expect(r.code).toBe(0);
    expect(warnings(r.dir)).toEqual(['a: line 3 starts with a byte-order mark (U+FEFF), as when files are joined together; it was removed']);
    expect(readCsv(join(r.dir, 'out/records.csv')).map((x) => [x.row, x.status, x.name, x.reason])).toEqual([
      ['1', 'linked', 'Тестов Тест', ''],
      ['2', 'rejected', 'ФИО', 'the row repeats the header'],
      ['3', 'linked', 'Образцова Анна', ''],
    ]);
  });
});

describe('heavy inputs finish in seconds with a clear outcome', () => {
  it('a million empty lines: read, counted, the one record kept with its line', () => {
    const r = merge({ 'a.csv': 'ФИО,Возраст\n' + '\n'.repeat(1_000_000) + 'Тестов Тест,23\n' }, ['a.csv']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(warnings(r.dir)).toEqual(['a: 1000000 blank lines skipped']);
    const report = readFileSync(join(r.dir, 'out/report.md'), 'utf8');
    expect(report).toContain('**Records:** 1 read, 1 used, 0 rejected');
  });

  it('a 100 MB single field: refused by the field-size limit, naming the line', () => {
    const dir = writeTree({});
    dirs.push(dir);
    writeFileSync(join(dir, 'a.csv'), Buffer.concat([utf8('ФИО,Примечание\nТестов Тест,"'), Buffer.alloc(100 * 1024 * 1024, 0x61), utf8('"\n')]));
    const r = runBin(['merge', '-q', '--out', 'out', 'a.csv'], { cwd: dir });
    rmSync(join(dir, 'a.csv'));
    expect(r.stderr).toBe(
      'reconcile: error: a.csv:2: a field in the row starting on line 2 is 104857600 bytes long, more than the limit of 1048576 bytes\n' +
        'hint: a quote that is never closed or a wrong delimiter often causes this; if the data is right, raise the limit with --max-field-bytes\n',
    );
    expect(r.code).toBe(3);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('files that cannot be read', () => {
  // root reads any file whatever its permissions: as root (CI containers), the run is made as the user nobody.
  const asRoot = process.getuid?.() === 0;
  it.skipIf(process.platform === 'win32')('an unreadable file', () => {
    const dir = writeTree({ 'a.csv': 'ФИО\nТестов Тест\n' });
    dirs.push(dir);
    chmodSync(join(dir, 'a.csv'), 0o000);
    chmodSync(dir, 0o755);
    const r = spawnSync(process.execPath, [BIN, 'merge', '-q', '--out', 'out', 'a.csv'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    expect(r.stderr).toBe('reconcile: error: a.csv: cannot read source file: permission denied\n');
    expect(r.status).toBe(3);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('outputs that cannot be written: exit 4, nothing left behind', () => {
  const LIST = { 'a.csv': 'ФИО\nТестов Тест\n' };

  it('--out under a path that is a regular file', () => {
    const r = merge({ ...LIST, 'plain.txt': 'x' }, ['--out', 'plain.txt/out', 'a.csv']);
    expect(r.stderr).toBe('reconcile: error: plain.txt/out: cannot create the output folder: a part of the path is a file, not a folder\n');
    expect(r.code).toBe(4);
    expect(readFileSync(join(r.dir, 'plain.txt'), 'utf8')).toBe('x');
  });

  it('--out that is a regular file', () => {
    const r = merge({ ...LIST, 'plain.txt': 'x' }, ['--out', 'plain.txt', 'a.csv']);
    expect(r.stderr).toBe('reconcile: error: plain.txt: cannot create the output folder: it is a file, not a folder\n');
    expect(r.code).toBe(4);
  });

  it('a folder in the way of an output file: refused before anything is written', () => {
    const r = merge({ ...LIST, 'res/merged.csv/keep.txt': 'x', 'res/records.csv': 'old' }, ['--out', 'res', 'a.csv']);
    expect(r.stderr).toBe('reconcile: error: res: cannot write merged.csv: a folder of that name is in the way; nothing was written\n');
    expect(r.code).toBe(4);
    expect(readdirSync(join(r.dir, 'res')).sort()).toEqual(['merged.csv', 'records.csv']);
    expect(readFileSync(join(r.dir, 'res/records.csv'), 'utf8')).toBe('old');
  });
});
