// The true population of a synthetic scenario: dead persons with ethnicity, sex, names in their native Cyrillic
// spelling, age, date and place of death, category, and the hard cases: families (brothers, spouses, parent and
// child) and namesakes (same surname and given name; a name element added). Pure; driven by an Rng.
import type { Category, Sex } from '../core/types.js';
import type { Rng } from './prng.js';
import {
  ETHNICITY_WEIGHTS,
  GROUPS,
  KAZAKH,
  KAZAKH_COMPOUNDS,
  NAME_ELEMENTS,
  RUSSIAN_PATRONYMIC_EXCEPTIONS,
  type Ethnicity,
} from './name-data.js';
import { PLACE_WEIGHTS } from './places.js';

/** How a Kazakh surname is built: `Ахметов` (ov), `Ахмет` (bare, art. 194), `Ахметұлы` (uly); others are fixed. */
export type SurnameType = 'ov' | 'bare' | 'uly' | 'fixed';

export interface Surname {
  /** Kazakh stem (`Жұмабай`), or the full male form for fixed surnames (`Иванов`, `Ким`). */
  stem: string;
  /** `ов` | `ев` | `ин` for Kazakh stems; empty for fixed ones. */
  suffix: string;
  type: SurnameType;
}

export type Relation = 'brother' | 'sister' | 'spouse' | 'parent-child' | 'sibling';
export type SimilarKind = 'namesake' | 'full-namesake' | 'element-given' | 'element-surname';

export interface Person {
  index: number;
  id: string;
  ethnicity: Ethnicity;
  sex: Sex;
  /** Given name in native Cyrillic; may be a hyphenated compound. */
  given: string;
  /** Father's given name (for the patronymic). */
  father: string;
  /** Patronymic form on the person's documents: Kazakh `-ұлы/-қызы` or Russian `-ович/-овна`. */
  patronymicStyle: 'kz' | 'ru';
  surname: Surname;
  age: number;
  /** ISO birth date consistent with `age` on the date of death. */
  birthDate: string;
  dateOfDeath: string;
  /** Index into the PLACES table of places.ts. */
  place: number;
  category: Category;
  /** For security: which service (labels differ per source). */
  service?: 'police' | 'military' | 'guard' | 'knb';
  familyId?: string;
  relation?: Relation;
  /** For namesakes: the id of the person whose name this one shares, and how. */
  similarTo?: string;
  similarKind?: SimilarKind;
  /** Relative chance of being listed (media attention, family reach). */
  visibility: number;
}

export interface PopulationOptions {
  persons: number;
  /** Exact number of security officers (default 8% of persons). */
  security?: number;
  /** Exact number of `other` (e.g. died in custody; default 1.5%). */
  other?: number;
}

// ---------------------------------------------------------------------------------------------- name building

const CYR_VOWELS = 'аәеёиоөуұүыіэюя';

/** Male or female surname text in native Cyrillic, e.g. (Жұмабай, ев, ov, F) → Жұмабаева. */
export function surnameText(s: Surname, sex: Sex, type: SurnameType = s.type): string {
  if (s.type === 'fixed') return sex === 'F' ? feminizeRussianSurname(s.stem) : s.stem;
  if (type === 'bare') return s.stem;
  if (type === 'uly') return s.stem + (sex === 'F' ? 'қызы' : 'ұлы');
  let male: string;
  const last = s.stem.slice(-1);
  if (s.suffix === 'ин') male = (last === 'а' ? s.stem.slice(0, -1) : s.stem) + 'ин';
  else if (s.suffix === 'ев') {
    male = (last === 'й' || last === 'ь' ? s.stem.slice(0, -1) : last === 'і' ? s.stem.slice(0, -1) + 'и' : s.stem) + 'ев';
  }
  else male = s.stem + 'ов';
  return sex === 'F' ? male + 'а' : male;
}

/** Иванов → Иванова, Ковальский → Ковальская; Ким, Шевченко, Шмидт stay. */
export function feminizeRussianSurname(male: string): string {
  if (/(ов|ев|ёв|ин|ын)$/.test(male)) return male + 'а';
  if (male.endsWith('ский')) return male.slice(0, -4) + 'ская';
  if (male.endsWith('ой')) return male.slice(0, -2) + 'ая';
  return male;
}

/** Russian-style patronymic from a father's name: Серік → Серікович, Орынбай → Орынбаевич, Сергей → Сергеевич. */
export function russianPatronymic(father: string, sex: Sex): string {
  const exc = RUSSIAN_PATRONYMIC_EXCEPTIONS[father];
  if (exc) return sex === 'F' ? exc[1] : exc[0];
  let stem: string;
  let ev: boolean;
  const last = father.slice(-1);
  if (last === 'й') {
    stem = father.slice(0, -1);
    ev = true;
  } else if (CYR_VOWELS.includes(last)) {
    stem = last === 'і' ? father.slice(0, -1) + 'и' : father;
    ev = true;
  } else {
    stem = father;
    ev = false;
  }
  return stem + (ev ? (sex === 'F' ? 'евна' : 'евич') : sex === 'F' ? 'овна' : 'ович');
}

/** Kazakh patronymic: Кемел → Кемелұлы / Кемелқызы (written apart by some lists: `Кемел ұлы`). */
export function kazakhPatronymic(father: string, sex: Sex, apart = false): string {
  return father + (apart ? ' ' : '') + (sex === 'F' ? 'қызы' : 'ұлы');
}

const PARSED = new Map<string, { stem: string; suffix: string }>();

function parseKazakhSurname(entry: string): Surname {
  let p = PARSED.get(entry);
  if (!p) {
    const [stem, suffix] = entry.split(':');
    PARSED.set(entry, (p = { stem, suffix }));
  }
  return { stem: p.stem, suffix: p.suffix, type: 'ov' };
}

function suffixForStem(stem: string): string {
  const last = stem.slice(-1);
  return last === 'й' || last === 'ь' || CYR_VOWELS.includes(last) ? 'ев' : 'ов';
}

// ---------------------------------------------------------------------------------------------- draws

const DATE_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['2022-01-04', 5], ['2022-01-05', 42], ['2022-01-06', 26], ['2022-01-07', 12], ['2022-01-08', 6],
  ['2022-01-09', 2], ['2022-01-10', 1.5], ['2022-01-12', 1], ['2022-01-15', 1], ['2022-01-19', 0.8],
  ['2022-01-24', 0.6], ['2022-02-02', 0.5],
];

function drawAge(rng: Rng): number {
  const r = rng.next();
  if (r < 0.03) return rng.range(4, 17);
  if (r < 0.07) return rng.range(56, 79);
  return Math.min(70, 18 + Math.round(Math.exp(2.35 + 0.6 * rng.normal())));
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function birthDateFor(age: number, rng: Rng): string {
  // Born on day `day` of the year; a birthday in 1–4 January means the birthday had passed by the death.
  let day = rng.range(1, 365);
  const year = day <= 4 ? 2022 - age : 2021 - age;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  let month = 0;
  while (day > MONTH_DAYS[month] + (month === 1 && leap ? 1 : 0)) day -= MONTH_DAYS[month] + (month++ === 1 && leap ? 1 : 0);
  return `${year}-${month < 9 ? '0' : ''}${month + 1}-${day < 10 ? '0' : ''}${day}`;
}

function drawEthnicity(rng: Rng): Ethnicity {
  return rng.weighted(ETHNICITY_WEIGHTS);
}

interface NameDraw {
  ethnicity: Ethnicity;
  sex: Sex;
  given: string;
  father: string;
  patronymicStyle: 'kz' | 'ru';
  surname: Surname;
}

// Zipf weights: the first names of a list are common, the last rare (list order is rough frequency order).
const ZIPF = new WeakMap<readonly string[], Float64Array>();

function zipfPick(list: readonly string[], rng: Rng): string {
  let cum = ZIPF.get(list);
  if (!cum) {
    cum = new Float64Array(list.length);
    let total = 0;
    for (let i = 0; i < list.length; i++) cum[i] = total += 1 / Math.pow(i + 12, 0.75);
    ZIPF.set(list, cum);
  }
  const x = rng.next() * cum[cum.length - 1];
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return list[lo];
}

/** A Kazakh given name: a common one, or (long tail) a compound of two name elements. */
function kazakhGiven(sex: Sex, rng: Rng): string {
  const c = KAZAKH_COMPOUNDS;
  if (sex === 'F') {
    if (rng.chance(0.65)) return zipfPick(KAZAKH.female, rng);
    const pre = rng.pick(c.femalePrefix);
    let suf = rng.pick(c.femaleSuffix);
    if (pre.toLowerCase() === suf) suf = 'гүл';
    return pre + suf;
  }
  if (rng.chance(0.6)) return zipfPick(KAZAKH.male, rng);
  const pre = rng.pick(c.malePrefix);
  let suf = rng.pick(c.maleSuffix);
  if (pre.toLowerCase().endsWith(suf)) suf = 'бек';
  return pre + suf;
}

/** A surname stem built from a (male) given name: Kazakh and Central Asian surnames come from an ancestor's name. */
function stemFromGiven(eth: Ethnicity, rng: Rng): string {
  const g = eth === 'kazakh' ? kazakhGiven('M', rng) : zipfPick(GROUPS[eth].male, rng);
  return g.replace(/-/g, '');
}

function drawSurname(eth: Ethnicity, rng: Rng): Surname {
  const list = GROUPS[eth].surnames;
  const derivable = eth === 'kazakh' || eth === 'uzbek' || eth === 'uyghur' || eth === 'tatar' || eth === 'azerbaijani';
  if (eth !== 'kazakh') {
    if (derivable && rng.chance(0.35)) {
      const stem = stemFromGiven(eth, rng);
      return { stem: surnameText({ stem, suffix: suffixForStem(stem), type: 'ov' }, 'M'), suffix: '', type: 'fixed' };
    }
    return { stem: zipfPick(list, rng), suffix: '', type: 'fixed' };
  }
  let s: Surname;
  if (rng.chance(0.55)) {
    const stem = stemFromGiven(eth, rng);
    s = { stem, suffix: suffixForStem(stem), type: 'ov' };
  } else s = parseKazakhSurname(zipfPick(list, rng));
  const r = rng.next();
  s.type = r < 0.07 ? 'bare' : r < 0.12 ? 'uly' : 'ov';
  return s;
}

function drawGiven(eth: Ethnicity, sex: Sex, rng: Rng): string {
  if (eth === 'kazakh') return kazakhGiven(sex, rng);
  const g = GROUPS[eth];
  return zipfPick(sex === 'F' ? g.female : g.male, rng);
}

function drawFather(eth: Ethnicity, rng: Rng): string {
  if (eth === 'kazakh') return rng.chance(0.5) ? zipfPick(KAZAKH.fathers, rng) : kazakhGiven('M', rng).replace(/-.*/, '');
  return zipfPick(GROUPS[eth].fathers, rng);
}

function drawName(rng: Rng, sex?: Sex, eth?: Ethnicity): NameDraw {
  const ethnicity = eth ?? drawEthnicity(rng);
  const s: Sex = sex ?? (rng.chance(0.88) ? 'M' : 'F');
  return {
    ethnicity,
    sex: s,
    given: drawGiven(ethnicity, s, rng),
    father: drawFather(ethnicity, rng),
    patronymicStyle: ethnicity === 'kazakh' && rng.chance(0.35) ? 'kz' : 'ru',
    surname: drawSurname(ethnicity, rng),
  };
}

interface Unit {
  members: Array<NameDraw & { age?: number; relation?: Relation; similarKind?: SimilarKind; similarToMember?: number }>;
  family: boolean;
  samePlace: boolean;
}

function clampAge(a: number): number {
  return Math.max(1, Math.min(85, a));
}

function drawFamily(rng: Rng): Unit {
  const head = drawName(rng, 'M');
  const headAge = Math.max(20, drawAge(rng));
  const kind = rng.weighted([
    ['brothers', 45],
    ['spouses', 20],
    ['parent-child', 25],
    ['sisters', 5],
    ['mixed-siblings', 5],
  ] as const);
  const members: Unit['members'] = [];
  if (kind === 'brothers' || kind === 'sisters' || kind === 'mixed-siblings') {
    const n = rng.chance(0.2) ? 3 : 2;
    const rel: Relation = kind === 'brothers' ? 'brother' : kind === 'sisters' ? 'sister' : 'sibling';
    const used = new Set<string>();
    for (let i = 0; i < n; i++) {
      const sex: Sex = kind === 'brothers' ? 'M' : kind === 'sisters' ? 'F' : i === 0 ? 'M' : 'F';
      let given = drawGiven(head.ethnicity, sex, rng);
      for (let t = 0; t < 10 && used.has(given); t++) given = drawGiven(head.ethnicity, sex, rng);
      used.add(given);
      members.push({ ...head, sex, given, age: clampAge(headAge + rng.range(-9, 9)), relation: rel });
    }
  } else if (kind === 'spouses') {
    members.push({ ...head, age: headAge, relation: 'spouse' });
    const wife = drawName(rng, 'F', head.ethnicity);
    members.push({
      ...wife,
      surname: head.surname,
      age: clampAge(headAge + rng.range(-6, 3)),
      relation: 'spouse',
    });
  } else {
    const fatherAge = Math.max(42, headAge + 20);
    members.push({ ...head, age: Math.min(80, fatherAge), relation: 'parent-child' });
    const sonSex: Sex = rng.chance(0.85) ? 'M' : 'F';
    members.push({
      ethnicity: head.ethnicity,
      sex: sonSex,
      given: drawGiven(head.ethnicity, sonSex, rng),
      father: head.given,
      patronymicStyle: head.ethnicity === 'kazakh' && rng.chance(0.5) ? 'kz' : 'ru',
      surname: head.surname,
      age: clampAge(Math.min(80, fatherAge) - rng.range(20, 32)),
      relation: 'parent-child',
    });
  }
  return { members, family: true, samePlace: rng.chance(0.9) };
}

const COMMON_KAZAKH_MALE = ['Ерлан', 'Серік', 'Нұрлан', 'Асқар', 'Бауыржан', 'Ержан', 'Мұрат', 'Қайрат', 'Болат', 'Арман'];
const COMMON_KAZAKH_SURNAMES = ['Ахмет:ов', 'Сапар:ов', 'Жұмабай:ев', 'Омар:ов', 'Қасым:ов', 'Оспан:ов', 'Сүлеймен:ов'];

function drawNamesakes(rng: Rng): Unit {
  const kind = rng.weighted([
    ['namesake', 55],
    ['full-namesake', 10],
    ['element-given', 20],
    ['element-surname', 15],
  ] as const);
  const a = drawName(rng, 'M', 'kazakh');
  a.given = rng.pick(COMMON_KAZAKH_MALE);
  a.surname = { ...parseKazakhSurname(rng.pick(COMMON_KAZAKH_SURNAMES)), type: 'ov' };
  const b = drawName(rng, 'M', 'kazakh');
  b.surname = { ...a.surname };
  b.given = a.given;
  if (kind === 'full-namesake') {
    b.father = a.father;
    b.patronymicStyle = a.patronymicStyle;
  } else if (kind === 'element-given') {
    b.given = a.given + rng.pick(NAME_ELEMENTS);
    if (rng.chance(0.5)) b.father = a.father;
  } else if (kind === 'element-surname') {
    const stem = a.surname.stem + rng.pick(NAME_ELEMENTS);
    b.surname = { stem, suffix: suffixForStem(stem), type: 'ov' };
  }
  const ageA = Math.max(18, drawAge(rng));
  let ageB = Math.max(18, drawAge(rng));
  if (Math.abs(ageA - ageB) < 6) ageB = clampAge(ageA + (rng.chance(0.5) ? 1 : -1) * rng.range(6, 25));
  if (ageB < 16) ageB = ageA + rng.range(6, 20);
  return {
    members: [
      { ...a, age: ageA },
      { ...b, age: ageB, similarKind: kind, similarToMember: 0 },
    ],
    family: false,
    samePlace: kind !== 'full-namesake' && rng.chance(0.5),
  };
}

/**
 * Generates the true population of a scenario (exactly `persons` people), ids `P0001`... in generation order.
 * About 12% belong to families and 8% to namesake pairs; categories follow exact quotas.
 * @example generatePopulation(createRng(1, 'population'), { persons: 250 }).length // 250
 */
export function generatePopulation(rng: Rng, opts: PopulationOptions): Person[] {
  const n = opts.persons;
  const width = Math.max(4, String(n).length);
  const people: Person[] = [];
  let familyCount = 0;
  while (people.length < n) {
    const r = rng.next();
    const unit: Unit =
      r < 0.075 ? drawFamily(rng)
      : r < 0.115 ? drawNamesakes(rng)
      : { members: [drawName(rng)], family: false, samePlace: true };
    const room = n - people.length;
    if (unit.members.length > room) unit.members.length = room;
    const familyId = unit.family && unit.members.length > 1 ? `F${String(++familyCount).padStart(width - 1, '0')}` : undefined;
    const place = rng.weighted(PLACE_WEIGHTS);
    const date = rng.weighted(DATE_WEIGHTS);
    const firstIndex = people.length;
    for (const m of unit.members) {
      const index = people.length;
      const age = m.age ?? drawAge(rng);
      const ownPlace = unit.samePlace ? place : rng.weighted(PLACE_WEIGHTS);
      const ownDate = unit.family && rng.chance(0.75) ? date : rng.weighted(DATE_WEIGHTS);
      const p: Person = {
        index,
        id: `P${String(index + 1).padStart(width, '0')}`,
        ethnicity: m.ethnicity,
        sex: m.sex,
        given: m.given,
        father: m.father,
        patronymicStyle: m.patronymicStyle,
        surname: m.surname,
        age,
        birthDate: birthDateFor(age, rng),
        dateOfDeath: ownDate,
        place: ownPlace,
        category: 'civilian',
        familyId,
        relation: familyId ? m.relation : undefined,
        visibility: Math.exp(0.6 * rng.normal()) * (age < 18 ? 1.6 : 1),
      };
      if (m.similarKind !== undefined && m.similarToMember !== undefined) {
        p.similarKind = m.similarKind;
        p.similarTo = people[firstIndex + m.similarToMember]?.id;
        // A namesake lives elsewhere more often than not.
        if (p.place === people[firstIndex + m.similarToMember]?.place && rng.chance(0.5)) p.place = rng.weighted(PLACE_WEIGHTS);
      }
      people.push(p);
    }
  }
  assignCategories(people, rng, opts.security ?? Math.round(n * 0.08), opts.other ?? Math.round(n * 0.015));
  return people;
}

function assignCategories(people: Person[], rng: Rng, security: number, other: number): void {
  const eligible = people.filter((p) => p.age >= 19 && p.age <= 55 && (p.sex === 'M' || rng.chance(0.06)));
  rng.shuffle(eligible);
  for (const p of eligible.slice(0, security)) {
    p.category = 'security';
    p.service = rng.weighted([['police', 45], ['guard', 30], ['military', 18], ['knb', 7]] as const);
    // Officers died mostly in Almaty, where the fighting was heaviest.
    if (rng.chance(0.2)) p.place = 0;
    // They were reported by name more consistently.
    p.visibility *= 1.3;
  }
  const rest = people.filter((p) => p.category === 'civilian' && p.age >= 16);
  rng.shuffle(rest);
  for (const p of rest.slice(0, other)) p.category = 'other';
}
