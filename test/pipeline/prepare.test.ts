import { describe, expect, it } from 'vitest';
import { parseName } from '../../src/names/index.js';
import { shareNameStrings } from '../../src/names/share-strings.js';
import { ageAtEvent } from '../../src/pipeline/prepare.js';
import { toInitials } from '../../src/pipeline/redact.js';

describe('ageAtEvent', () => {
  it.each([
    [{ age: 23 }, '2022-01-05', 23],
    [{ birthDate: '1990-06-01' }, '2022-01-05', 31],
    [{ birthDate: '1990-01-05' }, '2022-01-05', 32],
    [{ birthYear: 1998 }, '2022-01-05', 24],
    [{ birthYear: 1998, dateOfDeath: '2022-01-06' }, undefined, 24],
    [{ birthYear: 1998 }, undefined, undefined],
    [{}, '2022-01-05', undefined],
  ])('%j at %s → %s', (rec, eventDate, expected) => {
    expect(ageAtEvent(rec, eventDate)).toBe(expected);
  });
});

describe('toInitials', () => {
  it.each([
    ['Токаев Касым-Жомарт Кемелевич', 'Т. К.-Ж. К.'],
    ['kassym-jomart tokayev', 'K.-J. T.'],
    ['  ', ''],
  ])('%s → %s', (name, expected) => {
    expect(toInitials(name)).toBe(expected);
  });
});

describe('shareNameStrings', () => {
  const names = ['Тоқаев Қасым-Жомарт Кемелұлы', 'Kassym-Jomart Tokayev', 'Токаев К.-Ж.', 'Назарбаева Дарига'];

  it('changes no value of a parsed name', () => {
    const pool = new Map<string, string>();
    for (const text of names) {
      const name = parseName(text);
      shareNameStrings(name, pool);
      expect(name).toEqual(parseName(text));
    }
  });

  it('pools every string a name and its tokens hold, so that none is left out of the sharing', () => {
    const pool = new Map<string, string>();
    for (const text of names) {
      const name = parseName(text);
      shareNameStrings(name, pool);
      const strings: string[] = [name.raw, name.cyrillic, name.latin, name.normalized, ...name.sexEvidence, ...name.warnings];
      for (const t of name.tokens) {
        for (const v of Object.values(t)) {
          if (typeof v === 'string') strings.push(v);
          else if (Array.isArray(v)) strings.push(...v.filter((x): x is string => typeof x === 'string'));
        }
      }
      // Role, script and sex words are constants of the engine; everything else comes from the parse.
      for (const v of strings) if (!['surname', 'given', 'patronymic', 'unknown', 'cyr', 'lat', 'other', 'M', 'F'].includes(v)) expect(pool.has(v), v).toBe(true);
    }
  });
});
