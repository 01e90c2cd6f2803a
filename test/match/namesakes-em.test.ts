// Training on lists full of namesakes: the model's match class must stay "same person", not "same name".
import { describe, expect, it } from 'vitest';
import { linkRecords } from '../../src/match/index.js';
import { createRandom } from '../../src/match/prng.js';
import { makeRecords, type RecordSpec } from './helpers.js';

// 12 full names shared by 600 persons (50 namesakes each), each person in two or three of four lists, with age,
// date and place of death mostly given and agreeing between the lists of one person.
function namesakeLists(): RecordSpec[] {
  const surnames = ['Ахметов', 'Сапаров', 'Касымов', 'Оспанов'];
  const given = ['Ерлан', 'Серик', 'Мурат'];
  const places = ['Almaty', 'Taldykorgan', 'Shymkent', 'Aktobe'];
  const rnd = createRandom(7);
  const specs: RecordSpec[] = [];
  for (let p = 0; p < 600; p++) {
    const name = `${surnames[p % 4]} ${given[Math.floor(p / 4) % 3]}`;
    const age = 18 + Math.floor(rnd() * 50);
    const day = 4 + Math.floor(rnd() * 4);
    const place = places[Math.floor(rnd() * 4)];
    const lists = ['a', 'b', 'c', 'd'].filter(() => rnd() < 0.6);
    for (const source of lists.length >= 2 ? lists : ['a', 'b']) {
      specs.push({
        source,
        person: String(p),
        name,
        age: rnd() < 0.8 ? age : undefined,
        dateOfDeath: rnd() < 0.8 ? `2022-01-0${day}` : undefined,
        place: rnd() < 0.8 ? place : undefined,
      });
    }
  }
  return specs;
}

describe('training among namesakes', () => {
  it('learns that records of one person agree on age, date and place, and links few namesakes', () => {
    const specs = namesakeLists();
    const records = makeRecords(specs);
    const r = linkRecords(records, {});
    const m = (name: string) => r.model.comparisons.find((c) => c.name === name)!.levels[0].m;
    expect(m('age')).toBeGreaterThan(0.8);
    expect(m('date_of_death')).toBeGreaterThan(0.8);
    expect(m('place')).toBeGreaterThan(0.8);
    let wrong = 0;
    for (const c of r.clusters) for (let x = 1; x < c.length; x++) if (specs[c[x]].person !== specs[c[0]].person) wrong++;
    expect(wrong / records.length).toBeLessThan(0.05);
  });
});
