// Typing errors between two full words (one letter inserted, dropped, replaced or two swapped): similar, and the
// decision left to the other fields; distinct listed given names stay different. Also -ұлы surnames beside a patronymic.
import { describe, expect, it } from 'vitest';
import { compareNames, parseName } from '../../src/names/index.js';
import { oneEditApart } from '../../src/names/compare-names.js';

const cmp = (a: string, b: string) => compareNames(parseName(a), parseName(b));

describe('oneEditApart', () => {
  it('accepts one insertion, deletion, replacement or adjacent swap', () => {
    expect(oneEditApart('ruslan', 'rkslan')).toBe(true);
    expect(oneEditApart('aidos', 'aids')).toBe(true);
    expect(oneEditApart('esbol', 'esbolx')).toBe(true);
    expect(oneEditApart('dinara', 'dinaar')).toBe(true);
    expect(oneEditApart('erlan', 'erlna')).toBe(true);
  });
  it('rejects equal words and two edits', () => {
    expect(oneEditApart('erlan', 'erlan')).toBe(false);
    expect(oneEditApart('asan', 'usen')).toBe(false);
    expect(oneEditApart('kairat', 'kyrat')).toBe(false);
    expect(oneEditApart('saparov', 'sarov')).toBe(false);
  });
  it('is symmetric', () => {
    for (const [a, b] of [['aidos', 'aids'], ['dinara', 'dinaar'], ['ruslan', 'rusla'], ['abc', 'abcd']]) {
      expect(oneEditApart(a, b)).toBe(oneEditApart(b, a));
    }
  });
});

describe('typing errors in names', () => {
  it('a given-name typo is similar and uncertain, not different', () => {
    for (const [a, b] of [
      ['Воронцов Ркслан Сергеевич', 'Воронцов Руслан'],
      ['Ысқақова Динаар Асылбекқызы', 'Ыскакова Динара'],
      ['Омаров Кайрат', 'Kyrat Omarov'],
      ['СОЛОВЬЕВ Сергей', 'SETGEI SOLOVEV'],
    ]) {
      const c = cmp(a, b);
      expect(c.given, `${a} | ${b}`).toBe('similar');
      expect(c.surname).toBe('exact');
      expect(c.decision).toBe('uncertain');
      expect(c.evidence.some((e) => e.includes('typing error?'))).toBe(true);
    }
  });

  it('a surname typo: similar; counted as agreement only when given name and patronymic agree', () => {
    const withPatronymic = cmp('Сааров Бауржан Ермекулы', 'Сапаров Бауыржан Ермекович');
    expect(withPatronymic.surname).toBe('similar');
    expect(withPatronymic.decision).toBe('same');
    const without = cmp('Сааров Бауржан', 'Сапаров Бауыржан Ермекович');
    expect(without.surname).toBe('similar');
    expect(without.decision).toBe('uncertain');
  });

  it('two distinct listed given names one edit apart stay different (brothers)', () => {
    const c = cmp('Оспанов Нурлан Серикович', 'Оспанов Нуржан Серикович');
    expect(c.given).toBe('different');
    expect(c.decision).toBe('different');
  });

  it('short words and typos with nothing else agreeing are not enough', () => {
    expect(cmp('Ли Анна', 'Ли Инна').decision).toBe('different');
    expect(cmp('Ркслан', 'Руслан').decision).toBe('different');
  });

  it('is symmetric', () => {
    const a = cmp('Воронцов Ркслан Сергеевич', 'Воронцов Руслан');
    const b = cmp('Воронцов Руслан', 'Воронцов Ркслан Сергеевич');
    expect([b.surname, b.given, b.patronymic, b.decision]).toEqual([a.surname, a.given, a.patronymic, a.decision]);
  });
});

describe('-ұлы surname beside a patronymic', () => {
  it('pairs as the surname (СУЛЕЙМЕНУЛЫ Айдос Галымович)', () => {
    for (const [a, b] of [
      ['СУЛЕЙМЕНУЛЫ Айдос Галымович', 'Сулейменулы Айдос Галымович'],
      ['Есимулы Ерсайын Абуевич', 'Есимулы Ерсайын Абуевич'],
    ]) {
      const c = cmp(a, b);
      expect([c.surname, c.given, c.patronymic, c.decision], a).toEqual(['exact', 'exact', 'exact', 'same']);
    }
  });
  it('a conflicting patronymic still makes the names different', () => {
    expect(cmp('Сулейменулы Айдос Галымович', 'Сулейменулы Айдос Ерланович').decision).toBe('different');
  });
});
