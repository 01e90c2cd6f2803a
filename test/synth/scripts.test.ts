import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/synth/prng.js';
import {
  addHomoglyph,
  foldKazakhToRussian,
  loseKazakhLetters,
  makeTypo,
  romanizeWord,
  type LatinScheme,
} from '../../src/synth/scripts.js';
import { kazakhPatronymic, russianPatronymic, surnameText, feminizeRussianSurname } from '../../src/synth/population.js';
import { formatDate } from '../../src/synth/render.js';
import { encodeText, formatCsvRow, byteOrderMark } from '../../src/synth/encode.js';

const fixed = { doubleS: 0, initialYe: 1, kazakhDigraphs: 0 };

describe('romanizeWord', () => {
  it.each<[string, LatinScheme, string]>([
    ['Тоқаев', 'kz2021', 'Toqaev'],
    ['Нұрсұлтан', 'kz2021', 'Nūrsūltan'],
    ['Шыңғыс', 'kz2021', 'Şyñğys'],
    ['Әсел', 'kz2021', 'Äsel'],
    ['Ілияс', 'kz2021', 'Iliias'],
    ['Іңкәр', 'kz2021', 'Iñkär'],
    ['Ибрай', 'kz2021', 'İbrai'],
    ['Тоқаев', 'kz2018', 'Toqaev'],
    ['Шыңғыс', 'kz2018', 'Shyńǵys'],
    ['Өмір', 'kz2017', "O'mir"],
    ['Токаев', 'de', 'Tokajew'],
    ['Жомарт', 'de', 'Schomart'],
    ['Назарбаев', 'fr', 'Nazarbaïev'],
    ['Нурсултан', 'fr', 'Noursoultan'],
    ['Чокан', 'fr', 'Tchokan'],
    ['Юлия', 'icao', 'IULIIA'],
    ['Хасанов', 'icao', 'KHASANOV'],
    ['Юлия', 'icao-legacy', 'YULIYA'],
    ['Ерлан', 'en', 'Yerlan'],
    ['Токаев', 'en', 'Tokayev'],
    ['Жанна', 'en', 'Zhanna'],
    ['Цой', 'en', 'Tsoy'],
    ['Илья', 'kz2017', "I'li'a"],
    ['Илья', 'kz2021', 'İlia'],
    ['ұлы', 'en', 'uly'],
  ])('%s in %s → %s', (word, scheme, expected) => {
    expect(romanizeWord(word, scheme, createRng(1, 'r'), fixed)).toBe(expected);
  });

  it('writes an intervocalic с as ss when the source has that habit', () => {
    expect(romanizeWord('Касым', 'en', createRng(1), { ...fixed, doubleS: 1 })).toBe('Kassym');
    expect(romanizeWord('Идрисов', 'de', createRng(1), { ...fixed, doubleS: 1 })).toBe('Idrissow');
  });

  it('follows a source\'s English habits for Ж, Х and Ы', () => {
    const habits = { ...fixed, zhAsJ: 1, khAsH: 1, yAsI: 1 };
    expect(romanizeWord('Жомарт', 'en', createRng(1), habits)).toBe('Jomart');
    expect(romanizeWord('Ахметов', 'en', createRng(1), habits)).toBe('Ahmetov');
    expect(romanizeWord('Касым', 'en', createRng(1), habits)).toBe('Kasim');
    expect(romanizeWord('Джамбул', 'en', createRng(1), habits)).toBe('Jambul');
  });

  it('writes a final -ий in the English press ways', () => {
    const rng = createRng(9);
    const seen = new Set<string>();
    for (let i = 0; i < 60; i++) seen.add(romanizeWord('Дмитрий', 'en', rng, fixed));
    expect(Array.from(seen).sort()).toEqual(['Dmitri', 'Dmitriy', 'Dmitry']);
  });

  it('keeps Kazakh letters distinct in the Kazakh Latin scheme and folds them in the press schemes', () => {
    expect(romanizeWord('Қайрат', 'kz2021', createRng(2))).toBe('Qairat');
    expect(romanizeWord('Қайрат', 'de', createRng(2), fixed)).toBe('Kajrat');
  });
});

describe('foldKazakhToRussian', () => {
  it('folds Kazakh letters without russification', () => {
    const rng = createRng(3);
    for (let i = 0; i < 20; i++) {
      const out = foldKazakhToRussian('Нұрғали', rng, { russify: 0 });
      expect(out).toBe('Нургали');
    }
  });

  it('produces the variants Russian-language lists show', () => {
    const rng = createRng(4);
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      seen.add(foldKazakhToRussian('Бауыржан', rng, { russify: 0 }));
      seen.add(foldKazakhToRussian('Айгүл', rng, { russify: 0 }));
      seen.add(foldKazakhToRussian('Жанболат', rng, { russify: 1, kazakh: true }));
      seen.add(foldKazakhToRussian('Жуков', rng, { russify: 1, kazakh: false }));
      seen.add(foldKazakhToRussian('Өмірзақ', rng, { russify: 1 }));
    }
    for (const v of ['Бауржан', 'Бауыржан', 'Айгуль', 'Айгул', 'Джанболат', 'Жанбулат', 'Умирзак', 'Омирзак']) {
      expect(seen).toContain(v);
    }
    expect(seen).not.toContain('Джуков');
  });

  it('leaves a lower-case word (a patronymic written apart) lower-case', () => {
    expect(foldKazakhToRussian('ұлы', createRng(5), { russify: 0 })).toBe('улы');
  });
});

describe('noise', () => {
  it('makes each kind of typo without touching the first letter', () => {
    const rng = createRng(6);
    for (const kind of ['adjacent-key', 'dropped-letter', 'doubled-letter', 'transposed'] as const) {
      for (let i = 0; i < 30; i++) {
        const out = makeTypo('Серикбаев', rng, kind);
        expect(out[0]).toBe('С');
        expect(out).not.toBe('');
        if (kind === 'dropped-letter') expect(out.length).toBe(8);
        if (kind === 'doubled-letter') expect(out.length).toBe(10);
        if (kind === 'adjacent-key' || kind === 'transposed') expect(out.length).toBe(9);
      }
    }
  });

  it('puts Latin look-alikes inside a Cyrillic word', () => {
    const out = addHomoglyph('Серик', createRng(7));
    expect(out).not.toBe('Серик');
    expect(/[A-Za-zə]/.test(out) && /[а-я]/.test(out)).toBe(true);
  });

  it('types Kazakh letters with Russian ones or look-alikes', () => {
    expect(loseKazakhLetters('Нұрлан', createRng(8), 1)).toMatch(/^Н[уү]рлан$/);
    expect(loseKazakhLetters('Нұрлан', createRng(8), 0)).toBe('Нұрлан');
  });
});

describe('names', () => {
  it.each([
    ['Серік', 'M', 'Серікович'],
    ['Орынбай', 'F', 'Орынбаевна'],
    ['Әли', 'M', 'Әлиевич'],
    ['Сергей', 'M', 'Сергеевич'],
    ['Дмитрий', 'F', 'Дмитриевна'],
    ['Юрий', 'F', 'Юрьевна'],
    ['Илья', 'M', 'Ильич'],
    ['Ғабдулла', 'M', 'Ғабдуллаевич'],
  ] as const)('russianPatronymic(%s, %s) = %s', (father, sex, expected) => {
    expect(russianPatronymic(father, sex)).toBe(expected);
  });

  it('forms Kazakh patronymics joined or apart', () => {
    expect(kazakhPatronymic('Кемел', 'M')).toBe('Кемелұлы');
    expect(kazakhPatronymic('Кемел', 'F', true)).toBe('Кемел қызы');
  });

  it.each([
    [{ stem: 'Жұмабай', suffix: 'ев', type: 'ov' }, 'F', 'Жұмабаева'],
    [{ stem: 'Ғабдулла', suffix: 'ин', type: 'ov' }, 'M', 'Ғабдуллин'],
    [{ stem: 'Қали', suffix: 'ев', type: 'ov' }, 'M', 'Қалиев'],
    [{ stem: 'Ахмет', suffix: 'ов', type: 'bare' }, 'F', 'Ахмет'],
    [{ stem: 'Ахмет', suffix: 'ов', type: 'uly' }, 'F', 'Ахметқызы'],
    [{ stem: 'Ковальский', suffix: '', type: 'fixed' }, 'F', 'Ковальская'],
    [{ stem: 'Ким', suffix: '', type: 'fixed' }, 'F', 'Ким'],
  ] as const)('surnameText(%o, %s) = %s', (s, sex, expected) => {
    expect(surnameText({ ...s }, sex)).toBe(expected);
  });

  it('leaves invariant surnames alone', () => {
    expect(feminizeRussianSurname('Шевченко')).toBe('Шевченко');
    expect(feminizeRussianSurname('Соловьёв')).toBe('Соловьёва');
  });
});

describe('formatDate', () => {
  it.each([
    ['dmy-dot', '05.01.2022'],
    ['dmy-dot-short', '5.1.22'],
    ['iso', '2022-01-05'],
    ['dmy-slash', '05/01/2022'],
    ['ru-long', '5 января 2022'],
    ['ru-abbr', '5 янв. 2022'],
    ['kk-long', '5 қаңтар 2022'],
    ['kk-formal', '2022 жылғы 5 қаңтар'],
    ['en-mdy', 'January 5, 2022'],
    ['en-dmy', '5 January 2022'],
    ['en-short', 'Jan 5 2022'],
  ] as const)('%s → %s', (format, expected) => {
    expect(formatDate('2022-01-05', format)).toBe(expected);
  });
});

describe('encoding', () => {
  it('encodes Windows-1251 so that the platform decoder reads it back; Kazakh letters become ?', () => {
    const bytes = encodeText('Ахметов Ёлкин «Тест»;№', 'windows-1251');
    expect(new TextDecoder('windows-1251').decode(bytes)).toBe('Ахметов Ёлкин «Тест»;№');
    expect(new TextDecoder('windows-1251').decode(encodeText('Нұрлан', 'windows-1251'))).toBe('Н?рлан');
  });

  it('writes UTF-16LE and the byte-order marks', () => {
    expect(new TextDecoder('utf-16le').decode(encodeText('Әсел', 'utf-16le'))).toBe('Әсел');
    expect(Array.from(byteOrderMark('utf-16le'))).toEqual([0xff, 0xfe]);
    expect(Array.from(byteOrderMark('utf-8-bom'))).toEqual([0xef, 0xbb, 0xbf]);
    expect(byteOrderMark('utf-8').length).toBe(0);
  });

  it('quotes CSV fields that need it', () => {
    expect(formatCsvRow(['a', 'b;c', 'd"e', 'f\ng'], ';')).toBe('a;"b;c";"d""e";"f\ng"\n');
    expect(formatCsvRow(['a', 'b;c'], ',', '\r\n')).toBe('a,b;c\r\n');
  });
});
