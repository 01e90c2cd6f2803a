// A whole synthetic scenario: the population, which persons each source lists (capture, duplicates, row order),
// and a row-by-row renderer so that a million records can be streamed. Pure and deterministic for a seed.
import { compareStrings } from '../core/compare.js';
import { createRng, type Rng } from './prng.js';
import { generatePopulation, surnameText, type Person } from './population.js';
import { PLACES } from './places.js';
import {
  JAN2022_PERSONS,
  profilesFor,
  varyProfile,
  type Encoding,
  type PresetName,
  type SourceProfile,
} from './profiles.js';
import { chooseStyle, renderHeader, renderRow, type SourceStyle } from './render.js';
import type { ScriptId } from './scripts.js';

export interface ScenarioOptions {
  seed: string | number;
  /** True number of dead persons (default: 252 for jan2022, 1000 otherwise). */
  persons?: number;
  preset?: PresetName;
  /** Number of sources for the generic preset (default 5). */
  sources?: number;
  /** Multiplier of every noise rate (typos, look-alike letters, lost Kazakh letters, initials, surname and field
   * errors); 0 writes clean lists, 2 doubles the noise. Default 1. */
  noise?: number;
}

/** One row of a source, before numbering: which person, and is it a within-source duplicate or unidentified. */
export interface PlannedRow {
  person: number;
  duplicate: boolean;
  unidentified: boolean;
}

export interface SourcePlan {
  profile: SourceProfile;
  fileName: string;
  header: string[];
  rows: PlannedRow[];
}

export interface Scenario {
  seed: string;
  preset: PresetName;
  officialTotal: number;
  persons: Person[];
  sources: SourcePlan[];
}

/** An entry of `config.json` (contract), with paths relative to the scenario folder. */
export interface ConfigSource {
  name: string;
  path: string;
  unique?: boolean;
  covers?: string;
  encoding: string;
  delimiter: string;
  columns?: Record<string, string>;
}

export interface ScenarioConfig {
  official_total: number;
  event_date: string;
  sources: ConfigSource[];
}

function captureWeight(p: Person, profile: SourceProfile): number {
  let w = p.visibility;
  const bias = profile.placeBias?.[PLACES[p.place].id];
  if (bias !== undefined) w *= bias;
  if (p.age < 18 && profile.minorBias !== undefined) w *= profile.minorBias;
  return w;
}

/** Weighted sampling of k items without replacement (Efraimidis–Spirakis keys). */
function sampleWeighted(items: Person[], k: number, weight: (p: Person) => number, rng: Rng): Person[] {
  const keyed = items.map((p) => ({ p, key: Math.log(1 - rng.next()) / weight(p) }));
  keyed.sort((a, b) => b.key - a.key || a.p.index - b.p.index);
  return keyed.slice(0, k).map((x) => x.p);
}

function selectPersons(persons: Person[], profile: SourceProfile, rng: Rng): { listed: Person[]; duplicates: number } {
  const eligible = profile.covers ? persons.filter((p) => p.category === profile.covers) : persons;
  if (profile.records !== undefined) {
    const dups = Math.round(profile.records * profile.duplicateRate);
    const unique = Math.min(eligible.length, profile.records - dups);
    return { listed: sampleWeighted(eligible, unique, (p) => captureWeight(p, profile), rng), duplicates: profile.records - unique };
  }
  const listed: Person[] = [];
  for (const p of eligible) if (rng.chance(Math.min(0.97, profile.capture * captureWeight(p, profile)))) listed.push(p);
  const duplicates = profile.unique ? 0 : Math.round(listed.length * profile.duplicateRate);
  return { listed, duplicates };
}

const PLACE_RANK: number[] = (() => {
  const ids = PLACES.map((p, i) => [p.id, i] as const).sort((a, b) => compareStrings(a[0], b[0]));
  const rank = new Array<number>(PLACES.length);
  ids.forEach(([, i], r) => (rank[i] = r));
  return rank;
})();

/** Per-person sort material, computed once for all sources. */
interface OrderMaterial {
  /** Rank of the distinct (male surname + given) strings in codepoint order. */
  alpha: Int32Array;
  /** Rank of the date of death among the scenario's distinct dates. */
  date: Int32Array;
}

function orderMaterial(persons: Person[]): OrderMaterial {
  const text = persons.map((p) => surnameText(p.surname, 'M') + ' ' + p.given);
  const distinct = Array.from(new Set(text)).sort(compareStrings);
  const rank = new Map(distinct.map((t, i) => [t, i]));
  const dates = Array.from(new Set(persons.map((p) => p.dateOfDeath))).sort(compareStrings);
  const dateRank = new Map(dates.map((d, i) => [d, i]));
  const alpha = new Int32Array(persons.length);
  const date = new Int32Array(persons.length);
  for (let i = 0; i < persons.length; i++) {
    alpha[i] = rank.get(text[i]) ?? 0;
    date[i] = dateRank.get(persons[i].dateOfDeath) ?? 0;
  }
  return { alpha, date };
}

/** Integer sort keys of a source's rows, in the source's habitual order (ties are broken at random later). */
function orderKeys(rows: PlannedRow[], persons: Person[], m: OrderMaterial, profile: SourceProfile): Float64Array {
  const keys = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const k = rows[i].person;
    switch (profile.order) {
      case 'alpha':
        keys[i] = m.alpha[k];
        break;
      case 'date':
        keys[i] = m.date[k] * 64 + PLACE_RANK[persons[k].place];
        break;
      case 'place':
        keys[i] = PLACE_RANK[persons[k].place] * 65536 + m.date[k];
        break;
      case 'shuffle':
        break;
    }
  }
  return keys;
}

/** Encoding names as the config states them (the BOM is detected, not configured). */
const CONFIG_ENCODING: Record<Encoding, string> = {
  'utf-8': 'utf-8',
  'utf-8-bom': 'utf-8',
  'windows-1251': 'windows-1251',
  'utf-16le': 'utf-16le',
};

/** Scales a profile's noise rates by `factor` (rates stay probabilities, at most 1). */
export function scaleNoise(p: SourceProfile, factor: number): SourceProfile {
  if (factor === 1) return p;
  const f = (x: number): number => Math.min(1, x * factor);
  return {
    ...p,
    typo: f(p.typo),
    homoglyph: f(p.homoglyph),
    kazakhLetterLoss: f(p.kazakhLetterLoss),
    surnameVariant: f(p.surnameVariant),
    initials: f(p.initials),
    ageError: f(p.ageError),
    dateError: f(p.dateError),
    columnSwap: f(p.columnSwap),
  };
}

/**
 * Plans a scenario: population, per-source selection, duplicates, unidentified rows and row order.
 * Rendering happens row by row in `renderSourceRows`, so the plan stays small.
 * @example planScenario({ seed: 7, preset: 'jan2022' }).sources.map((s) => s.rows.length) // [19, 188, 221, 40]
 */
export function planScenario(opts: ScenarioOptions): Scenario {
  const seed = String(opts.seed);
  const preset = opts.preset ?? 'generic';
  const n = opts.persons ?? (preset === 'jan2022' ? JAN2022_PERSONS : 1000);
  const profiles = profilesFor(preset, n, opts.sources)
    .map((p) => (preset === 'jan2022' ? p : varyProfile(p, createRng(seed, 'vary', p.name))))
    .map((p) => scaleNoise(p, opts.noise ?? 1));
  const security = preset === 'jan2022' ? Math.max(profiles[0].records ?? 0, Math.round(n * 0.08)) : undefined;
  const persons = generatePopulation(createRng(seed, 'population'), { persons: n, security });
  const selections = profiles.map((profile) => ({ profile, ...selectPersons(persons, profile, createRng(seed, 'select', profile.name)) }));

  // Which persons are listed by more than one source: unidentified rows prefer persons listed nowhere else.
  const listedBy = new Uint16Array(n);
  const material = orderMaterial(persons);
  for (const s of selections) for (const p of s.listed) listedBy[p.index]++;

  const sources: SourcePlan[] = selections.map(({ profile, listed, duplicates }) => {
    const rng = createRng(seed, 'plan', profile.name);
    const rows: PlannedRow[] = listed.map((p) => ({ person: p.index, duplicate: false, unidentified: false }));
    const dupOf = rng.shuffle(listed.slice()).slice(0, Math.min(duplicates, listed.length));
    for (const p of dupOf) rows.push({ person: p.index, duplicate: true, unidentified: false });
    const wantUnidentified =
      profile.unidentified >= 1 ? Math.round(profile.unidentified) : Math.round(listed.length * profile.unidentified);
    if (wantUnidentified > 0) {
      const duplicated = new Set(dupOf.map((p) => p.index));
      const candidates = rows.filter((r) => !r.duplicate && listedBy[r.person] === 1 && !duplicated.has(r.person));
      const pool = candidates.length >= wantUnidentified ? candidates : rows.filter((r) => !r.duplicate);
      for (const r of rng.shuffle(pool.slice()).slice(0, wantUnidentified)) r.unidentified = true;
    }
    // Row order: by the source's habit, ties broken at random.
    const tie = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) tie[i] = rng.next();
    const keys = orderKeys(rows, persons, material, profile);
    const idx = rows.map((_, i) => i);
    idx.sort((a, b) => keys[a] - keys[b] || tie[a] - tie[b]);
    const header = renderHeader(profile, createRng(seed, 'header', profile.name));
    return { profile, fileName: `${profile.name}.csv`, header, rows: idx.map((i) => rows[i]) };
  });
  return { seed, preset, officialTotal: preset === 'jan2022' ? 241 : n, persons, sources };
}

/** One rendered row plus what the truth file says about it. */
export interface SynthRow {
  cells: string[];
  personId: string;
  script: ScriptId;
}

/**
 * Renders the rows of one source in order (1-based row numbers go into a `source_id` column if present).
 * Deterministic per (seed, source) and independent of other sources, so sources can be written one at a time.
 */
export function* renderSourceRows(scenario: Scenario, plan: SourcePlan): Generator<SynthRow> {
  const rng = createRng(scenario.seed, 'render', plan.profile.name);
  const style: SourceStyle = chooseStyle(plan.profile, createRng(scenario.seed, 'style', plan.profile.name));
  const idCol = plan.profile.columns.indexOf('source_id');
  let rowNo = 0;
  for (const r of plan.rows) {
    rowNo++;
    const person = scenario.persons[r.person];
    const row = renderRow(person, plan.profile, style, rng, r.unidentified);
    if (idCol >= 0) row.cells[idCol] = String(rowNo);
    yield { cells: row.cells, personId: person.id, script: row.script };
  }
}

/** The scenario's `config.json` (contract layout). */
export function scenarioConfig(scenario: Scenario): ScenarioConfig {
  return {
    official_total: scenario.officialTotal,
    event_date: '2022-01-05',
    sources: scenario.sources.map((s) => {
      const p = s.profile;
      const entry: ConfigSource = { name: p.name, path: s.fileName, encoding: CONFIG_ENCODING[p.encoding], delimiter: p.delimiter };
      if (p.unique) entry.unique = true;
      if (p.covers) entry.covers = p.covers;
      const rankCol = p.columns.indexOf('rank');
      if (rankCol >= 0) entry.columns = { [s.header[rankCol]]: 'ignore' };
      return entry;
    }),
  };
}

/** Header of `truth/persons.csv`: the true population with its hard cases. */
export const PERSONS_HEADER = [
  'true_person_id', 'ethnicity', 'sex', 'surname', 'given', 'father', 'age', 'birth_date', 'date_of_death', 'place',
  'region', 'category', 'family_id', 'relation', 'similar_to', 'similar_kind', 'sources', 'records',
];

/** Rows of `truth/persons.csv`, in person-id order (a generator, so a large population streams). */
export function* personRows(scenario: Scenario): Generator<string[]> {
  const sourcesOf: string[][] = scenario.persons.map(() => []);
  const records = new Uint32Array(scenario.persons.length);
  for (const s of scenario.sources) {
    for (const r of s.rows) {
      const list = sourcesOf[r.person];
      if (list[list.length - 1] !== s.profile.name) list.push(s.profile.name);
      records[r.person]++;
    }
  }
  for (let i = 0; i < scenario.persons.length; i++) {
    const p = scenario.persons[i];
    yield [
      p.id,
      p.ethnicity,
      p.sex,
      surnameText(p.surname, p.sex),
      p.given,
      p.father,
      String(p.age),
      p.birthDate,
      p.dateOfDeath,
      PLACES[p.place].id,
      PLACES[p.place].region,
      p.category,
      p.familyId ?? '',
      p.relation ?? '',
      p.similarTo ?? '',
      p.similarKind ?? '',
      Array.from(new Set(sourcesOf[i])).sort(compareStrings).join(';'),
      String(records[i]),
    ];
  }
}
