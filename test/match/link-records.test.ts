// linkRecords end to end on small synthetic lists: grouping, decisions, one-to-one, shuffling, ids, model reuse.
import { describe, expect, it } from 'vitest';
import {
  assignPersonIds,
  explainPair,
  linkRecords,
  renderExplanation,
  validateModel,
  type MatchRecord,
} from '../../src/match/index.js';
import { grouping, makeRecords, shuffled, type RecordSpec } from './helpers.js';

const D5 = '2022-01-05';
const D6 = '2022-01-06';

// Synthetic persons; Tokayev appears only as a spelling example.
const SPECS: RecordSpec[] = [
  { source: 'media', person: 'A', name: 'Ахметов Ерлан Серикович', age: 34, dateOfDeath: D5, place: 'almaty' },
  { source: 'media', person: 'B', name: 'Жумабаева Жанна Болатовна', age: 28, dateOfDeath: D6, place: 'almaty' },
  { source: 'media', person: 'C', name: 'Сапаров Нурлан Маратович', age: 45, dateOfDeath: D5, place: 'taldykorgan' },
  { source: 'media', person: 'E', name: 'Иванов Сергей', age: 30, dateOfDeath: D6, place: 'almaty', category: 'security' },
  { source: 'media', person: 'G', name: 'Токаев Касым-Жомарт Кемелевич', age: 50, dateOfDeath: D5, place: 'astana' },
  { source: 'media', person: 'H', name: 'Нурпеисов Даурен Асылбекович', age: 22, dateOfDeath: D5, place: 'aktau' },
  { source: 'media', person: 'J', name: 'Бекова Айгуль Нурлановна', age: 41, dateOfDeath: D6, place: 'shymkent' },
  { source: 'media', person: 'K', name: 'Омаров Бахыт Сабитович', age: 37, dateOfDeath: D5, place: 'zhanaozen' },
  { source: 'ngo', person: 'A', name: 'Akhmetov Yerlan', age: 34, dateOfDeath: D5, place: 'almaty' },
  { source: 'ngo', person: 'B', name: 'Jumabaeva Janna', age: 28, dateOfDeath: D6, place: 'almaty' },
  { source: 'ngo', person: 'C', name: 'Сапаров Нұрлан Маратұлы', birthYear: 1976, dateOfDeath: D5, place: 'taldykorgan' },
  { source: 'ngo', person: 'D', name: 'Сапаров Ержан Маратович', age: 40, dateOfDeath: D5, place: 'taldykorgan' },
  { source: 'ngo', person: 'F', name: 'Ахметова Айгерим Серикқызы', age: 33, dateOfDeath: D5, place: 'almaty' },
  { source: 'ngo', person: 'G', name: 'Kassym-Jomart Tokayev', age: 50, dateOfDeath: D5, place: 'astana' },
  { source: 'ngo', person: 'J', name: 'Бекова Айгүл', age: 41, dateOfDeath: D6, place: 'shymkent' },
  { source: 'ngo', person: 'L', name: 'Ким Виктор Николаевич', age: 52, dateOfDeath: D6, place: 'almaty' },
  { source: 'ngo', person: 'M', name: 'Сулейменов Асхат', age: 19, dateOfDeath: D5, place: 'almaty' },
  { source: 'official', person: 'A', name: 'АХМЕТОВ Ерлан Серикович', age: 34, dateOfDeath: D5, place: 'almaty', category: 'security' },
  { source: 'official', person: 'E', name: 'Иванов Сергей Петрович', age: 30, dateOfDeath: D6, place: 'almaty', category: 'security' },
  { source: 'official', person: 'N', name: 'Омарова Сауле Бахытовна', age: 29, dateOfDeath: D5, place: 'zhanaozen', category: 'security' },
];

const EXPECTED = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'N'];

function persons(records: MatchRecord[], clusters: number[][]): string[][] {
  return clusters.map((c) => [...new Set(c.map((i) => records[i].record.cells.person))].sort()).sort();
}

const OPTIONS = { eventDate: D5, uniqueSources: ['official'] };

describe('linkRecords', () => {
  const records = makeRecords(SPECS);
  const result = linkRecords(records, OPTIONS);

  it('groups the spellings of each person and keeps relatives apart', () => {
    expect(persons(records, result.clusters)).toEqual(EXPECTED.map((p) => [p]));
    // each cluster holds exactly the records of one person
    for (const c of result.clusters) expect(new Set(c.map((i) => records[i].record.cells.person)).size).toBe(1);
  });

  it('returns well-formed clusters, ids, links and model', () => {
    const seen = result.clusters.flat().sort((a, b) => a - b);
    expect(seen).toEqual(records.map((_, i) => i));
    for (const c of result.clusters) expect(c).toEqual([...c].sort((a, b) => a - b));
    expect(result.clusters.map((c) => c[0])).toEqual([...result.clusters.map((c) => c[0])].sort((a, b) => a - b));
    expect(result.personIds).toHaveLength(result.clusters.length);
    expect(new Set(result.personIds).size).toBe(result.clusters.length);
    for (const l of result.links) {
      expect(l.a).toBeLessThan(l.b);
      expect(l.probability).toBeGreaterThanOrEqual(result.threshold - 1e-6);
    }
    expect(validateModel(JSON.parse(JSON.stringify(result.model)), 'model.json')).toEqual(result.model);
    expect(result.thresholdTable.map((t) => t.threshold)).toEqual([0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99]);
    expect(result.stats.blockingRules[0].name).toBe('all-pairs');
  });

  it('gives the same persons when the rows of every input are shuffled', () => {
    for (const seed of [1, 2, 3]) {
      const order = shuffled(SPECS, seed);
      const again = makeRecords(order);
      const r = linkRecords(again, OPTIONS);
      expect(grouping(again, r.clusters)).toEqual(grouping(records, result.clusters));
    }
  });

  it('a must-link decision joins what the model keeps apart; a cannot-link splits what it joins', () => {
    const key = (person: string, source: string) => records.find((r) => r.record.cells.person === person && r.record.source === source)!.record.key;
    const brothers = { a: key('C', 'media'), b: key('D', 'ngo'), decision: 'match' as const, note: 'same man, two names' };
    const split = { a: key('B', 'media'), b: key('B', 'ngo'), decision: 'distinct' as const };
    const r = linkRecords(records, { ...OPTIONS, model: result.model, decisions: [brothers, split] });
    const got = persons(records, r.clusters);
    expect(got).toContainEqual(['C', 'D']);
    expect(got.filter((p) => p.length === 1 && p[0] === 'B')).toHaveLength(2);
    // the must-link is reported as a link with its evidence; the decided pairs are not proposed for review
    const ia = records.findIndex((x) => x.record.key === brothers.a);
    const ib = records.findIndex((x) => x.record.key === brothers.b);
    const link = r.links.find((l) => l.a === Math.min(ia, ib) && l.b === Math.max(ia, ib));
    expect(link?.evidence).toContain('clerical decision: same person (must-link)');
    expect(r.review.some((p) => (p.a === Math.min(ia, ib) && p.b === Math.max(ia, ib)))).toBe(false);
  });

  it('one-to-one: two records of a duplicate-free source never share a person', () => {
    const specs: RecordSpec[] = [
      ...SPECS,
      { source: 'official', person: 'A2', name: 'Ахметов Ерлан', age: 34, dateOfDeath: D5, place: 'almaty', category: 'security' },
    ];
    const recs = makeRecords(specs);
    const unique = linkRecords(recs, OPTIONS);
    for (const c of unique.clusters) {
      const official = c.filter((i) => recs[i].record.source === 'official');
      expect(official.length).toBeLessThanOrEqual(1);
    }
    // the stronger link wins: the full-name official record stays with person A's other records
    const a = unique.clusters.find((c) => c.some((i) => recs[i].record.cells.person === 'A' && recs[i].record.source === 'official'))!;
    expect(a.map((i) => recs[i].record.source).sort()).toEqual(['media', 'ngo', 'official']);
    // without the declaration the duplicate joins the same person
    const free = linkRecords(recs, { ...OPTIONS, uniqueSources: [] });
    expect(free.clusters.some((c) => c.filter((i) => recs[i].record.source === 'official').length === 2)).toBe(true);
  });

  it('links a within-source duplicate only on strong evidence, and reports it', () => {
    const specs: RecordSpec[] = [
      ...SPECS,
      { source: 'media', person: 'K', name: 'Омаров Бахыт Сабитович', age: 37, dateOfDeath: D5, place: 'zhanaozen' },
    ];
    const recs = makeRecords(specs);
    const r = linkRecords(recs, OPTIONS);
    expect(r.withinSourceDuplicates.map(([a, b]) => [recs[a].record.key, recs[b].record.key])).toEqual([['media:8', 'media:9']]);
  });

  it('reuses a reviewed model without training and finds the same persons', () => {
    const r = linkRecords(records, { ...OPTIONS, model: result.model, threshold: result.threshold });
    expect(r.stats.emIterations).toBe(0);
    expect(r.clusters).toEqual(result.clusters);
    expect(r.thresholdSource).toBe('user');
  });
});

describe('person ids across a source update', () => {
  it('keeps the ids of persons that still hold their records and gives new persons new ids', () => {
    const before = makeRecords(SPECS);
    const first = linkRecords(before, OPTIONS);
    const previous = new Map<string, string>();
    first.clusters.forEach((c, k) => c.forEach((i) => previous.set(before[i].record.key, first.personIds[k])));

    // The ngo list gains a row for person H and a new person P.
    const updated = makeRecords([
      ...SPECS,
      { source: 'ngo', person: 'H', name: 'Нұрпейісов Дәурен Асылбекұлы', age: 22, dateOfDeath: D5, place: 'aktau' },
      { source: 'ngo', person: 'P', name: 'Ермеков Талгат Муратович', age: 61, dateOfDeath: D6, place: 'almaty' },
    ]);
    const second = linkRecords(updated, OPTIONS);
    const ids = assignPersonIds(second.clusters.map((c) => c.map((i) => updated[i].record.key)), previous);
    const idOf = (recs: MatchRecord[], clusters: number[][], pids: string[], person: string) =>
      pids[clusters.findIndex((c) => c.some((i) => recs[i].record.cells.person === person))];
    for (const p of EXPECTED) expect(idOf(updated, second.clusters, ids, p)).toBe(idOf(before, first.clusters, first.personIds, p));
    const newId = idOf(updated, second.clusters, ids, 'P');
    expect(first.personIds).not.toContain(newId);
    expect(newId).toMatch(/^P-[0-9A-Z]{6}$/);
  });
});

describe('explainPair', () => {
  it('lists every comparison with level, m, u and weight, and sums to the pair probability', () => {
    const records = makeRecords(SPECS);
    const result = linkRecords(records, OPTIONS);
    const link = result.links[0];
    const expl = explainPair(records, link.a, link.b, result.model, OPTIONS);
    expect(expl.comparisons.map((c) => c.name)).toEqual(['surname', 'given', 'patronymic', 'sex', 'age', 'date_of_death', 'place', 'category']);
    const sum = expl.priorWeight + expl.nameInteraction + expl.comparisons.reduce((s, c) => s + c.weight + c.tfAdjustment, 0);
    expect(sum).toBeCloseTo(expl.totalWeight, 6);
    expect(expl.probability).toBeCloseTo(link.probability, 4);
    const text = renderExplanation(expl, [`${expl.keys[0]}  ${records[link.a].record.rawName}`, `${expl.keys[1]}  ${records[link.b].record.rawName}`]);
    expect(text).toContain('prior');
    expect(text).toContain('surname');
    expect(text).toMatch(/match probability/);
    // aligned: every comparison row puts the weight column at the same place
    const rows = text.split('\n').filter((l) => /^(surname|given|patronymic|sex|age|date_of_death|place|category) /.test(l));
    expect(rows).toHaveLength(8);
  });

  it('says when a decision overrides the model', () => {
    const records = makeRecords(SPECS);
    const model = linkRecords(records, OPTIONS).model;
    const expl = explainPair(records, 2, 11, model, {
      ...OPTIONS,
      decisions: [{ a: records[2].record.key, b: records[11].record.key, decision: 'match', note: 'checked' }],
    });
    expect(expl.override).toMatch(/must-link/);
  });
});
