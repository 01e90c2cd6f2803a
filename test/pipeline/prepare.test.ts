import { describe, expect, it } from 'vitest';
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
