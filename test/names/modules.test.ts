// Table-driven tests of the names engine's building blocks: clean-up, homoglyphs, romanisation, skeletons,
// similarity, parsing of roles, initials and sex, and the documented examples.
import { describe, expect, it } from 'vitest';
import { cleanText, repairWord } from '../../src/names/clean-text.js';
import { foldText, parseName } from '../../src/names/index.js';
import { initialClass } from '../../src/names/parse-name.js';
import { canonWord, displayCyrillicWord, displayLatinWord } from '../../src/names/romanize.js';
import { applyConvention, consonantKey, detectConvention, skeletonOf } from '../../src/names/skeleton.js';
import { skeletonDistance, skeletonSimilarity } from '../../src/names/similarity.js';

describe('cleanText', () => {
  it.each([
    ['Тоқаев\u00AD  Қасым\u2013Жомарт', 'Тоқаев Қасым-Жомарт'],
    ['Ахметов\u200BЕрлан', 'АхметовЕрлан'],
    ['\u202EАхметов\u202C Ерлан', 'Ахметов Ерлан'],
    ['Кемел ұлы', 'Кемел ұлы'],
    ['Касым — Жомарт', 'Касым-Жомарт'],
    ['O’Brien', "O'Brien"],
    ['«Ахметов» Ерлан', 'Ахметов Ерлан'],
    ['Ａｈｍｅｔｏｖ', 'Ahmetov'],
    ['\uD800Ахметов', 'Ахметов'],
    ['Ахметов\u0000Ерлан', 'Ахметов Ерлан'],
  ])('%j → %j', (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });
});

describe('repairWord', () => {
  it.each([
    ['Тokaев', 'cyr', 'Токаев'],
    ['Cepик', 'cyr', 'Серик'],
    ['Hұрлан', 'cyr', 'Нұрлан'],
    ['Əлихан', 'cyr', 'Әлихан'],
    ['Ахмет0в', 'cyr', 'Ахметов'],
    ['Ca6ит', 'cyr', 'Сабит'],
    ['Тоkаеv', 'lat', 'Tokaev'],
    ['AXMETOB', 'lat', 'AXMETOB'],
  ] as const)('%s (%s) → %s', (input, fallback, expected) => {
    expect(repairWord(input, fallback).word).toBe(expected);
  });

  it('takes the script of the other words for an all look-alike word', () => {
    expect(repairWord('AXMETOB', 'lat', 'cyr').word).toBe('АХМЕТОВ');
  });
});

describe('romanisation', () => {
  it.each([
    ['тоқаев', 'tokaev'],
    ['әлихан', 'alikhan'],
    ['ғабит', 'gabit'],
    ['жаңаөзен', 'zhanaozen'],
    ['цой', 'tsoy'],
    ['королёв', 'korolev'],
    ['подъячев', 'podyachev'],
    ['qasym-jomart', 'qasym-jomart'],
    ["s'oqan", 'shoqan'],
    ['şoqan', 'shoqan'],
    ['nūrsūltan', 'nursultan'],
    ['äbişūly', 'abishuly'],
    ['baýyrjan', 'bauyrjan'],
    ['tokaïev', 'tokaiev'],
  ])('canonWord(%s) = %s', (input, expected) => {
    expect(canonWord(input)).toBe(expected);
  });

  it.each([
    ['тоқаев', 'tokayev'],
    ['ерлан', 'yerlan'],
    ['юлия', 'yuliya'],
    ['королёв', 'korolev'],
    ['жанна', 'zhanna'],
  ])('displayLatinWord(%s) = %s', (input, expected) => {
    expect(displayLatinWord(input)).toBe(expected);
  });

  it.each([
    ['tokayev', 'токаев'],
    ['ilyas', 'ильяс'],
    ['zhanna', 'жанна'],
    ['yerlan', 'ерлан'],
  ])('displayCyrillicWord(%s) = %s', (input, expected) => {
    expect(displayCyrillicWord(input)).toBe(expected);
  });
});

describe('conventions and skeletons', () => {
  it.each([
    [['tokajew', 'kassym-schomart'], 'de'],
    [['noursoultan', 'nazarbaiev'], 'fr'],
    [['qasym-jomart', 'toqaev'], 'en'],
    [['ajdos', 'tujakbaj'], 'de'],
    [['janna', 'oljas'], 'en'],
  ] as const)('detectConvention(%j) = %s', (words, expected) => {
    expect(detectConvention([...words])).toBe(expected);
  });

  it.each([
    ['nasarbajew', 'de', 'nazarbayev'],
    ['tschokan', 'de', 'chokan'],
    ['seitschanow', 'de', 'seitshanov'],
    ['dschambul', 'de', 'dzhambul'],
    ['walichanow', 'de', 'valikhanov'],
    ['dujsenow', 'de', 'duysenov'],
    ['tkatschenko', 'de', 'tkachenko'],
    ['noursoultan', 'fr', 'nursultan'],
    ['djamboul', 'fr', 'dzhambul'],
    ['momychouly', 'fr', 'momyshuly'],
  ] as const)('applyConvention(%s, %s) = %s', (word, conv, expected) => {
    expect(applyConvention(word, conv)).toBe(expected);
  });

  // Spellings of one name that must share a skeleton.
  it.each([
    [['tokaev', 'tokayev', 'toqaev', 'tokaiev'], 'tUKAEv'],
    [['zhanna', 'janna', 'dzhanna'], 'JAnA'],
    [['mukhammed', 'muhammad', 'mukhamed'], undefined],
    [['bauyrzhan', 'baurzhan'], 'bAUrJAn'],
    [['ualikhanov', 'valikhanov', 'valihanov'], 'vAlIKAnUv'],
    [['omirzak', 'umirzak'], 'UmIrzAK'],
    [['yerlan', 'erlan'], 'ErlAn'],
    [['iuliia', 'yuliya'], 'UlIA'],
    [['dmitrii', 'dmitriy', 'dmitry'], 'dmItrI'],
    [['korolyov', 'korolev'], 'KUrUlEv'],
    [['lee', 'li'], 'lI'],
    [['andreev', 'andreyev'], 'AndrEv'],
    [['timofeev', 'timofeyev'], 'tImUfEv'],
    [['victor', 'viktor'], 'vIKtUr'],
  ])('%j share a skeleton', (words, expected) => {
    const skels = new Set(words.map((w) => skeletonOf(w)));
    if (expected !== undefined) expect([...skels]).toEqual([expected]);
    else expect(skels.size).toBeLessThanOrEqual(2);
  });

  it('keys consonants of a skeleton', () => {
    expect(consonantKey('tUKAEv')).toBe('tKv');
  });
});

describe('similarity', () => {
  it.each([
    ['tUKAEv', 'tUKAEv', 1],
    ['ErKIn', 'ErKEn', 0.9],
    ['sErIK', 'sErIKbUl', 0.575],
  ])('skeletonSimilarity(%s, %s) = %s', (a, b, expected) => {
    expect(skeletonSimilarity(a, b)).toBeCloseTo(expected, 3);
  });

  it.each([
    ['Ахметов', 'Ахметжанов'],
    ['Жумабеков', 'Жумабаев'],
    ['Марат', 'Мурат'],
    ['Калиев', 'Галиев'],
    ['Исаков', 'Искаков'],
    ['Диана', 'Дана'],
  ])('%s and %s stay apart', (a, b) => {
    const sa = skeletonOf(canonWord(a.toLowerCase()));
    const sb = skeletonOf(canonWord(b.toLowerCase()));
    expect(skeletonSimilarity(sa, sb)).toBeLessThan(0.85);
  });

  it('is symmetric', () => {
    expect(skeletonDistance('AKmEtUv', 'AKmtEUv')).toBe(skeletonDistance('AKmtEUv', 'AKmEtUv'));
  });
});

describe('parseName roles, initials and sex', () => {
  it.each([
    ['Токаев Касым-Жомарт Кемелевич', 'tokaev', ['kasym-zhomart'], 'kemelevich', 'M'],
    ['Қасым-Жомарт Кемелұлы Тоқаев', 'tokaev', ['kasym-zhomart'], 'kemeluly', 'M'],
    ['Kassym-Jomart Tokayev', 'tokayev', ['kassym-jomart'], undefined, 'M'],
    ['Назарбаева Дарига Нурсултановна', 'nazarbaeva', ['dariga'], 'nursultanovna', 'F'],
    ['Момышұлы Бауыржан', 'momyshuly', ['bauyrzhan'], undefined, 'M'],
    ['Бауыржан Момышұлы', 'momyshuly', ['bauyrzhan'], undefined, 'M'],
    ['Токаев Касым-Жомарт Кемел ұлы', 'tokaev', ['kasym-zhomart'], 'kemeluly', 'M'],
    ['Ахметов Ерлан', 'akhmetov', ['erlan'], undefined, 'M'],
    ['Серик Ахметов', 'akhmetov', ['serik'], undefined, 'M'],
    ['Ким Евгения', 'kim', ['evgeniya'], undefined, 'F'],
    ['TOKAYEV Kassym-Jomart', 'tokayev', ['kassym-jomart'], undefined, 'M'],
  ])('%s', (input, surname, given, patronymic, sex) => {
    const p = parseName(input);
    expect(p.surname?.canon).toBe(surname);
    expect(p.given.filter((t) => !t.initial).map((t) => t.canon)).toEqual(given);
    expect(p.patronymic?.canon).toBe(patronymic);
    expect(p.sex).toBe(sex);
  });

  it.each([
    ['Токаев К.-Ж.К.', [['K', 'J']], ['K']],
    ['Ахметов Е.С.', [['E']], ['s']],
    ['Ахметов Е. С.', [['E']], ['s']],
    ['Е.С. Ахметов', [['E']], ['s']],
    ['Ахметов ЕС', [['E']], ['s']],
    ['Tokayev K.-Zh.', [['K', 'J']], []],
    ['Ахметов Ерлан С.', [], ['s']],
    ['Ахметов Ерлан Ш.', [], ['S']],
  ])('initials of %s', (input, givenInits, patInits) => {
    const p = parseName(input) as ReturnType<typeof parseName> & { tokens: Array<{ inits: string[] }> };
    const toks = p.tokens as unknown as Array<{ initial: boolean; role: string; inits: string[] }>;
    expect(toks.filter((t) => t.initial && t.role === 'given').map((t) => t.inits)).toEqual(givenInits);
    expect(toks.filter((t) => t.initial && t.role === 'patronymic').flatMap((t) => t.inits)).toEqual(patInits);
  });

  it('gives no sex when two suffix-less words suggest different sexes', () => {
    expect(parseName('Адильбек Сымбат').sex).toBeNull();
    expect(parseName('Адильбек Сымбат Мухтаровна').sex).toBe('F');
  });

  it('reads split columns by their roles', () => {
    const p = parseName({ surname: 'Момышұлы', given: 'Бауыржан' });
    expect(p.surname?.canon).toBe('momyshuly');
    expect(p.given.map((t) => t.canon)).toEqual(['bauyrzhan']);
    expect(p.latin).toBe('Momyshuly Bauyrzhan');
  });

  it('gives display forms surname first', () => {
    const p = parseName('Kassym-Jomart Tokayev');
    expect(p.latin).toBe('Tokayev Kassym-Jomart');
    expect(p.cyrillic).toBe('Токаев Кассым-Жомарт');
    expect(p.normalized).toBe('tokayev kassym-jomart');
  });

  it('keeps at most six words and says so', () => {
    const p = parseName('А Б В Г Д Е Ж З');
    expect(p.tokens.length).toBe(6);
    expect(p.warnings.some((w) => w.includes('6'))).toBe(true);
  });

  it('reports repaired look-alike letters', () => {
    expect(parseName('Cepик Ахметов').warnings.join(' ')).toContain('look-alike');
  });

  it.each([
    ['Талдықорған', 'taldykorgan'],
    ['Qonaev  qalasy', 'qonaev qalasy'],
    ['г. Алматы', 'g almaty'],
  ])('foldText(%s) = %s', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  it('initial classes', () => {
    expect(initialClass('yerlan')).toBe('E');
    expect(initialClass('zhomart')).toBe('J');
    expect(initialClass('y')).toBe('*');
  });
});
