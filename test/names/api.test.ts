// Basic behaviour of the names engine's public API on real spellings of public figures' names.
import { describe, expect, it } from 'vitest';
import { compareNames, nameBlockingKeys, nameSkeletonsForFrequency, parseName } from '../../src/names/index.js';

describe('parseName', () => {
  it('parses a Kazakh full name with roles, sex and display forms', () => {
    const p = parseName('Тоқаев Қасым-Жомарт Кемелұлы');
    expect(p.empty).toBe(false);
    expect(p.script).toBe('cyrillic-kk');
    expect(p.surname?.canon).toBe('tokaev');
    expect(p.patronymic?.canon).toBe('kemeluly');
    expect(p.sex).toBe('M');
    expect(p.latin).toBe('Tokayev Kasym-Zhomart Kemeluly');
    expect(p.cyrillic).toBe('Токаев Касым-Жомарт Кемелулы');
  });

  it.each(['', '   ', '123', '\u0000', '\uD800', '🙂', '\u202E\u202D', '.-.'])('marks %j as empty without throwing', (s) => {
    expect(parseName(s).empty).toBe(true);
  });
});

describe('compareNames', () => {
  it('meets Cyrillic and Latin spellings of one person', () => {
    const c = compareNames(parseName('Тоқаев Қасым-Жомарт Кемелұлы'), parseName('Kassym-Jomart Tokayev'));
    expect(c.decision).toBe('same');
    expect(c.surname).toBe('phonetic');
    expect(c.patronymic).toBe('missing');
  });

  it('meets ье written ye or je in Latin (Yuryevich, Vasilyev, Jurjewitsch) with the Cyrillic', () => {
    // Synthetic names; the patronymic used to stay unpaired (stems yury- / yur-) and the pair was called different.
    const patronymic = compareNames(parseName('Stepanov Dmitriy Yuryevich'), parseName('Степанов Дмитрий Юрьевич'));
    expect(patronymic.patronymic).toBe('exact');
    expect(patronymic.decision).toBe('same');
    expect(compareNames(parseName('Дмитрий Юрьевич Степанов'), parseName('Stepanov Dmitriy Yuryevich')).decision).toBe('same');
    const surname = compareNames(parseName('Vasilyev Igor Grigoryevich'), parseName('Васильев Игорь Григорьевич'));
    expect(surname.surname).toBe('phonetic');
    expect(surname.decision).toBe('same');
    expect(compareNames(parseName('Sidorow Artjom Jurjewitsch'), parseName('Сидоров Артём Юрьевич')).decision).toBe('same');
    // a y that is not a soft sign stays: Dmitriyevich (ие) and the ы of Kazakh Latin
    expect(compareNames(parseName('Petrov Ivan Dmitriyevich'), parseName('Петров Иван Дмитриевич')).decision).toBe('same');
  });

  it('reads Ильич as a patronymic, in Cyrillic and Latin', () => {
    expect(parseName('Ершов Тимофей Ильич').patronymic?.raw).toBe('Ильич');
    // two namesakes with different patronymics are different persons
    expect(compareNames(parseName('Ершов Тимофей Ильич'), parseName('Ершов Тимофей Николаевич')).decision).toBe('different');
    for (const latin of ['Yershov Timofey Ilyich', 'Jerschow Timofej Iljitsch', 'Ershov Timofei Ilich']) {
      const c = compareNames(parseName('Ершов Тимофей Ильич'), parseName(latin));
      expect(c.patronymic, latin).toBe('exact');
      expect(c.decision, latin).toBe('same');
    }
  });

  it('separates male and female forms', () => {
    const c = compareNames(parseName('Назарбаев Нурсултан'), parseName('Назарбаева Нурсултан'));
    expect(c.sexConflict).toBe(true);
    expect(c.decision).toBe('different');
  });
});

describe('keys', () => {
  it('gives sorted blocking keys shared by two spellings', () => {
    const a = nameBlockingKeys(parseName('Тоқаев Қасым-Жомарт Кемелұлы'));
    const b = nameBlockingKeys(parseName('Kassym-Jomart Tokayev'));
    expect([...a].sort()).toEqual(a);
    expect(a.some((k) => b.includes(k))).toBe(true);
    expect(nameSkeletonsForFrequency(parseName('Ахметов Серик'))).toEqual({ surname: 'AKmEt', given: 'sErIK' });
  });
});

describe('robustness', () => {
  it('compares a ParsedName built by hand by parsing its raw text', () => {
    const real = parseName('Ахметов Ерлан');
    const byHand = { ...real, tokens: real.tokens.map((t) => ({ raw: t.raw, canon: t.canon, skel: t.skel, role: t.role, initial: t.initial })) };
    expect(compareNames(byHand, parseName('Akhmetov Yerlan')).decision).toBe('same');
  });
});
