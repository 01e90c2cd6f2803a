// schema/report.schema.json documents report.json: the schema is checked with a small validator for the subset of
// JSON Schema 2020-12 it uses, against a hand-made report, the fixtures' real report.json and broken variants.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReportData } from '../../src/report/build-report.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SCHEMA = JSON.parse(readFileSync(join(ROOT, 'schema/report.schema.json'), 'utf8')) as JsonSchema;

type JsonSchema = { [key: string]: unknown };

/** Keywords the validator below understands; the schema may use no others. */
const KEYWORDS = new Set(['$schema', '$defs', '$ref', 'title', 'description', 'type', 'required', 'properties', 'items', 'additionalProperties', 'enum', 'minimum', 'maximum', 'pattern']);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  const t = typeOf(value);
  return t === type || (type === 'number' && t === 'integer' && Number.isFinite(value as number));
}

function resolveRef(ref: string): JsonSchema {
  if (!ref.startsWith('#/')) throw new Error(`only local $ref supported: ${ref}`);
  let node: unknown = SCHEMA;
  for (const part of ref.slice(2).split('/')) node = (node as JsonSchema)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  if (typeof node !== 'object' || node === null) throw new Error(`unresolved $ref ${ref}`);
  return node as JsonSchema;
}

/** Validates `value` against `schema` (the keyword subset above); returns errors as `path: problem`. */
function validate(schema: JsonSchema | boolean, value: unknown, path = '$'): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${path}: not allowed`];
  const errors: string[] = [];
  if (typeof schema.$ref === 'string') errors.push(...validate(resolveRef(schema.$ref), value, path));
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => hasType(value, t))) return [...errors, `${path}: expected ${types.join(' or ')}, got ${typeOf(value)}`];
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) {
    errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${path}: ${value} is below the minimum ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${path}: ${value} is above the maximum ${schema.maximum}`);
  }
  if (typeof value === 'string' && typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) {
    errors.push(`${path}: ${JSON.stringify(value)} does not match ${schema.pattern}`);
  }
  if (Array.isArray(value) && schema.items !== undefined) {
    value.forEach((item, i) => errors.push(...validate(schema.items as JsonSchema, item, `${path}[${i}]`)));
  }
  if (typeOf(value) === 'object') {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
    for (const key of (schema.required ?? []) as string[]) if (!(key in obj)) errors.push(`${path}: missing required key "${key}"`);
    for (const [key, v] of Object.entries(obj)) {
      if (key in props) errors.push(...validate(props[key], v, `${path}.${key}`));
      else if (schema.additionalProperties !== undefined) {
        const extra = validate(schema.additionalProperties as JsonSchema | boolean, v, `${path}.${key}`);
        errors.push(...(schema.additionalProperties === false ? [`${path}: unexpected key "${key}"`] : extra));
      }
    }
  }
  return errors;
}

/** Every subschema of the schema, with its location. */
function* subschemas(schema: unknown, path = '#'): Generator<[string, JsonSchema]> {
  if (typeof schema !== 'object' || schema === null) return;
  const s = schema as JsonSchema;
  yield [path, s];
  for (const [key, child] of Object.entries(s)) {
    if (key === 'properties' || key === '$defs') for (const [name, sub] of Object.entries(child as JsonSchema)) yield* subschemas(sub, `${path}/${key}/${name}`);
    else if (key === 'items' || key === 'additionalProperties') yield* subschemas(child, `${path}/${key}`);
  }
}

/** A small, complete report: two lists, one of them covering security officers only. */
function sampleReport(): ReportData {
  return {
    schema_version: 1,
    official_total: 241,
    persons: 3,
    gap: 238,
    persons_range: { stricter: { threshold: 0.97, persons: 4 }, looser: { threshold: 0.8, persons: 3 } },
    records: 5,
    linked_records: 4,
    rejected_records: 1,
    threshold: 0.9,
    threshold_source: 'default',
    threshold_table: [
      { threshold: 0.8, persons: 3 },
      { threshold: 0.9, persons: 3 },
    ],
    sources: [
      { name: 'official', file: 'official.csv', sha256: 'ab'.repeat(32), encoding: 'utf-8', delimiter: ',', records: 1, persons: 1, only_here: 0, duplicates: 0, rejected: 0, coverage: 0.3333, covers: 'security', unique: true, by_category: { civilian: 0, security: 1, other: 0, unknown: 0 } },
      { name: 'ngo', file: 'ngo.csv', sha256: 'cd'.repeat(32), encoding: 'utf-16le', delimiter: 'tab', records: 4, persons: 3, only_here: 2, duplicates: 0, rejected: 1, coverage: 1, unique: false, by_category: { civilian: 2, security: 1, other: 0, unknown: 0 } },
    ],
    overlap: { ngo: { ngo: 3, official: 1 }, official: { ngo: 1, official: 1 } },
    capture_histories: [
      { sources: ['ngo'], persons: 2 },
      { sources: ['official', 'ngo'], persons: 1 },
    ],
    by_category: [
      { category: 'security', persons: 1, by_source: { ngo: 1, official: 1 } },
      { category: 'civilian', persons: 2, by_source: { ngo: 2, official: 0 } },
      { category: 'other', persons: 0, by_source: { ngo: 0, official: 0 } },
    ],
    by_date: [
      { date: '2022-01-05', persons: 2 },
      { date: 'unknown', persons: 1 },
    ],
    by_place: [
      { place: 'almaty', label: 'Almaty', persons: 2 },
      { place: '?жаңа ауыл', label: 'жаңа ауыл', persons: 1 },
    ],
    conflicts: [{ person_id: 'P-1', name: 'Тестов Ерлан', field: 'age', values: [{ record: 'official:1', source: 'official', value: '30' }, { record: 'ngo:2', source: 'ngo', value: '31' }] }],
    review: { pending: 1, decisions_applied: 0, pairs: [{ record_a: 'ngo:1', record_b: 'ngo:3', probability: 0.62, name_a: 'Примеров Алмас', name_b: 'Primerov Almas' }] },
    within_source_duplicates: [],
    rejected: [{ source: 'ngo', row: 4, line: 5, name: 'белгісіз', reason: 'the name says the name is unknown' }],
    candidate_pairs: 4,
    warnings: [],
  };
}

/** Applies `change` to a deep copy of the sample report. */
function mutated(change: (r: Record<string, any>) => void): unknown {
  const r = structuredClone(sampleReport()) as Record<string, any>;
  change(r);
  return r;
}

describe('schema/report.schema.json', () => {
  it('is JSON Schema 2020-12 using only keywords the validator checks', () => {
    expect(SCHEMA.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    for (const [path, s] of subschemas(SCHEMA)) {
      for (const key of Object.keys(s)) expect(KEYWORDS.has(key), `${path}: keyword ${key}`).toBe(true);
      if (typeof s.$ref === 'string') expect(() => resolveRef(s.$ref as string), path).not.toThrow();
      if (Array.isArray(s.required)) for (const k of s.required as string[]) expect(Object.keys((s.properties ?? {}) as object), `${path} requires ${k}`).toContain(k);
    }
  });

  it('requires every top-level key but the optional estimate', () => {
    const props = Object.keys(SCHEMA.properties as object);
    expect([...(SCHEMA.required as string[]), 'estimate'].sort()).toEqual(props.sort());
  });

  it('accepts a hand-made report', () => {
    expect(validate(SCHEMA, sampleReport())).toEqual([]);
  });

  it('accepts an estimate with keys of its own', () => {
    const total = { estimable: false, N: null, lower: null, upper: null, method: '', reason: 'one list', se: null };
    const report = { ...sampleReport(), estimate: { persons: 3, lists: ['ngo'], total, strata: [{ stratum: 'all', persons: 3, estimate: total, models: null }], clusterings: null, extra: { any: 1 } } };
    expect(validate(SCHEMA, report)).toEqual([]);
  });

  it.each<[string, (r: Record<string, any>) => void, string]>([
    ['a missing key', (r) => delete r.persons, '$: missing required key "persons"'],
    ['a missing nested key', (r) => delete r.sources[1].sha256, '$.sources[1]: missing required key "sha256"'],
    ['a negative count', (r) => (r.persons = -1), '$.persons: -1 is below the minimum 0'],
    ['a fractional count', (r) => (r.sources[0].records = 1.5), '$.sources[0].records: expected integer, got number'],
    ['an official total given as text', (r) => (r.official_total = '241'), '$.official_total: expected integer or null, got string'],
    ['a probability above 1', (r) => (r.review.pairs[0].probability = 1.2), '$.review.pairs[0].probability: 1.2 is above the maximum 1'],
    ['a malformed fingerprint', (r) => (r.sources[0].sha256 = 'ABC'), '$.sources[0].sha256: "ABC" does not match ^[0-9a-f]{64}$'],
    ['an unknown conflict field', (r) => (r.conflicts[0].field = 'name'), '$.conflicts[0].field: "name" is not one of ["sex","age","date_of_death","place","category"]'],
    ['an unknown category', (r) => (r.by_category[0].category = 'police'), '$.by_category[0].category: "police" is not one of ["security","civilian","other","unknown"]'],
    ['a record key without a row', (r) => (r.within_source_duplicates = [{ record_a: 'ngo', record_b: 'ngo:2' }]), '$.within_source_duplicates[0].record_a: "ngo" does not match ^.+:[0-9]+$'],
    ['an undocumented top-level key', (r) => (r.total = 3), '$: unexpected key "total"'],
    ['an overlap count given as text', (r) => (r.overlap.ngo.ngo = '3'), '$.overlap.ngo.ngo: expected integer, got string'],
    ['a date in another format', (r) => (r.by_date[0].date = '05.01.2022'), '$.by_date[0].date: "05.01.2022" does not match ^([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|unknown)$'],
    ['an estimate total that is not a number', (r) => (r.estimate = { total: { N: 'many' } }), '$.estimate.total.N: expected number or null, got string'],
    ['a negative count in the matching sensitivity', (r) => (r.estimate = { thresholds: [{ label: 'threshold 0.9', threshold: 0.9, persons: -1 }] }), '$.estimate.thresholds[0].persons: -1 is below the minimum 0'],
    ['sampled clusterings given as a list', (r) => (r.estimate = { clusterings: [] }), '$.estimate.clusterings: expected object or null, got array'],
    ['a wrong schema version', (r) => (r.schema_version = 2), '$.schema_version: 2 is not one of [1]'],
  ])('rejects %s', (_, change, error) => {
    expect(validate(SCHEMA, mutated(change))).toEqual([error]);
  });

  it('allows any source names as overlap and by_source keys', () => {
    const r = mutated((x) => {
      x.overlap['список 3'] = { 'список 3': 0 };
      x.by_category[0].by_source['список 3'] = 0;
    });
    expect(validate(SCHEMA, r)).toEqual([]);
  });
});

describe('report.json of the January 2022 fixtures', () => {
  const work = mkdtempSync(join(tmpdir(), 'reconcile-schema-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('matches the schema', async () => {
    // In-process run of the real command (src, no build needed); imported here so a broken pipeline fails only this test.
    const { runCli } = await import('../../src/cli/run-cli.js');
    const stderr = new PassThrough();
    const stdout = new PassThrough();
    let errText = '';
    stderr.on('data', (d: Buffer) => (errText += d.toString()));
    stdout.resume();
    const out = join(work, 'out');
    const code = await runCli(['merge', '--config', join(ROOT, 'fixtures/jan2022/config.json'), '--out', out], { stdout, stderr, stdin: new PassThrough(), env: { NO_COLOR: '1' }, cwd: ROOT });
    expect(code, errText).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as ReportData;
    expect(validate(SCHEMA, report)).toEqual([]);
    // Sanity of the figures the schema cannot express.
    expect(report.linked_records + report.rejected_records).toBe(report.records);
    expect(report.capture_histories.reduce((n, h) => n + h.persons, 0)).toBe(report.persons);
    expect(report.gap).toBe(report.official_total! - report.persons);
  }, 240_000);
});
