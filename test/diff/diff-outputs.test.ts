import { describe, expect, it } from 'vitest';
import { diffOutputs, parseOutput } from '../../src/diff/index.js';
import { NEW_RUN, OLD_RUN, outputTexts, type PersonSpec } from './build-output.js';

const parse = (name: string, persons: PersonSpec[], rejected: Array<[string, string, string]> = []) => {
  const t = outputTexts(persons, rejected);
  return parseOutput(name, t.records, t.merged);
};

describe('diffOutputs', () => {
  it('finds nothing between an output and itself', () => {
    const d = diffOutputs(parse('a', OLD_RUN), parse('b', OLD_RUN));
    expect(d.differences).toBe(0);
    expect(d.persons.unchanged).toBe(OLD_RUN.length);
  });

  const d = diffOutputs(parse('old', OLD_RUN), parse('new', NEW_RUN));

  it('reports persons added and removed', () => {
    expect(d.persons.added.map((p) => [p.id, p.records])).toEqual([['P0008', ['media:5']]]);
    expect(d.persons.removed.map((p) => [p.id, p.records])).toEqual([['P0005', ['media:4']]]);
  });

  it('reports persons merged into one', () => {
    expect(d.persons.merged.map((m) => [m.from.map((p) => p.id), m.into.id])).toEqual([[['P0002', 'P0003'], 'P0002']]);
  });

  it('reports a person split in two', () => {
    expect(d.persons.split.map((s) => [s.from.id, s.into.map((p) => p.id)])).toEqual([['P0004', ['P0004', 'P0007']]]);
  });

  it('matches a person through a record whose row number shifted, and reports its changed attributes and sources', () => {
    expect(d.persons.changed).toEqual([
      {
        old: { id: 'P0006', name: 'Омарова Динара', records: ['media:5'], sources: ['media'] },
        new: { id: 'P0006', name: 'Омарова Динара', records: ['intl:1', 'media:4'], sources: ['intl', 'media'] },
        changes: [
          { field: 'age', before: '52', after: '53' },
          { field: 'sources', before: 'media', after: 'intl;media' },
        ],
        recordsGained: ['intl:1'],
        recordsLost: [],
      },
    ]);
    expect(d.persons.unchanged).toBe(1);
    expect(d.idsStable).toBe(true);
  });

  it('reports record changes, and renumbered records only as a count', () => {
    expect(d.records.added.map((r) => r.key)).toEqual(['intl:1', 'media:5']);
    expect(d.records.removed.map((r) => r.key)).toEqual(['media:4']);
    expect(d.records.rekeyed).toBe(1);
    expect(d.differences).toBe(1 + 1 + 1 + 1 + 1 + 2 + 1);
  });

  it('reports a record that is now rejected, and a respelled record', () => {
    const edited = OLD_RUN.filter((p) => p.id !== 'P0005').map((p) =>
      p.id === 'P0006' ? { ...p, records: [['media:5', 'Омарова Динара Маратовна']] as Array<[string, string]> } : p,
    );
    const e = diffOutputs(parse('old', OLD_RUN), parse('new', edited, [['media:4', '???', 'name "???" has no letters']]));
    expect(e.records.nowRejected.map((r) => [r.old.key, r.reason])).toEqual([['media:4', 'name "???" has no letters']]);
    expect(e.records.respelled.map((r) => [r.old.name, r.new.name])).toEqual([['Омарова Динара', 'Омарова Динара Маратовна']]);
    expect(e.persons.removed.map((p) => p.id)).toEqual(['P0005']);
    expect(e.persons.changed).toEqual([]);
  });

  it('does not report id changes when ids were not carried over, and reports them when they were', () => {
    const renamed = OLD_RUN.map((p, k) => ({ ...p, id: `Q${k}` }));
    const e = diffOutputs(parse('old', OLD_RUN), parse('new', renamed));
    expect(e.idsStable).toBe(false);
    expect(e.differences).toBe(0);
    expect(e.notes.join(' ')).toMatch(/--previous/);
    const one = OLD_RUN.map((p) => (p.id === 'P0006' ? { ...p, id: 'P0099' } : p));
    const f = diffOutputs(parse('old', OLD_RUN), parse('new', one));
    expect(f.persons.changed.map((c) => c.changes)).toEqual([[{ field: 'person_id', before: 'P0006', after: 'P0099' }]]);
  });

  it('reads outputs written with --excel (BOM, semicolons) and neutralised cells', () => {
    const odd = [...OLD_RUN, { id: 'P0009', name: '=Формула', records: [['media:9', '-Тире']] as Array<[string, string]> }];
    const t = outputTexts(odd);
    const x = outputTexts(odd, [], { bom: true, delimiter: ';' });
    expect(x.merged).toMatch(/^\uFEFFperson_id;/);
    expect(x.merged).toContain("'=Формула");
    const a = parseOutput('a', t.records, t.merged);
    const b = parseOutput('b', x.records, x.merged);
    expect(b.persons.at(-1)!.values.name_cyrillic).toBe('=Формула');
    expect(b.records.find((r) => r.key === 'media:9')!.name).toBe('-Тире');
    expect(diffOutputs(a, b).differences).toBe(0);
  });
});
