// Property tests on hostile input: CSV outputs read back as written; name handling never throws on any Unicode
// (combining marks, emoji, right-to-left text, zero-width characters, NUL, lone surrogates) and is stable; comparison
// is symmetric; ingestion of any bytes ends in records or a ReconError; persons do not depend on row or source order;
// diff of a list with itself is empty. Fixed seed; PROPERTY_RUNS=N runs more cases.
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ReconError } from '../../src/core/errors.js';
import { diffLists } from '../../src/diff/index.js';
import { ingestSource } from '../../src/ingest/index.js';
import { readRows } from '../../src/ingest/read-rows.js';
import { compareNames, foldText, parseName } from '../../src/names/index.js';
import { reconcile } from '../../src/pipeline/reconcile.js';
import { neutralizeCell, toCsv } from '../../src/report/csv.js';
import { propertyRuns, propertySeed } from './runs.js';

const run = (n: number) => ({ numRuns: propertyRuns(n), seed: propertySeed() });

/** Characters that break naive text handling. */
const HOSTILE = [
  '\u0301', '\u0308', '\u0306', // combining acute, diaeresis, breve (й as и + breve)
  '😀', '👩‍👩‍👧', '🇰🇿', '\uFE0F', // emoji, a ZWJ sequence, a flag, a variation selector
  'مريم', 'עמית', '\u200F', '\u202E', '\u2066', // Arabic, Hebrew, RLM, RLO, isolate
  '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', // zero-width space/non-joiner/joiner, word joiner, BOM, soft hyphen
  '\u0000', '\u0007', '\u001B', '\u007F', // NUL and other controls
  '\uD800', '\uDFFF', // lone surrogates
  '\u00A0', '\u2003', '\u3000', '\t', '\r', '\n', // spaces and line breaks
  'Ё', 'ё', 'Ә', 'ә', 'Ғ', 'Қ', 'Ң', 'Ө', 'Ұ', 'Ү', 'Һ', 'І', 'İ', 'ı', 'ß', 'ǅ', 'ﬁ', 'Ⅻ', '٣',
  'Тестов', 'Тест', 'Тестович', 'Testov', '-', '.', ',', '"', "'", '=', '+', '@',
];
const hostileText = fc.oneof(
  fc.array(fc.constantFrom(...HOSTILE), { maxLength: 12 }).map((a) => a.join('')),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);

describe('names: hostile Unicode', () => {
  it('parseName, foldText and compareNames never throw', () => {
    fc.assert(
      fc.property(hostileText, hostileText, (x, y) => {
        const a = parseName(x);
        const b = parseName(y);
        compareNames(a, b);
        foldText(x);
        parseName({ surname: x, given: y });
      }),
      run(300),
    );
  });

  it('folding is idempotent', () => {
    fc.assert(
      fc.property(hostileText, (x) => {
        const f = foldText(x);
        expect(foldText(f)).toBe(f);
      }),
      run(300),
    );
  });

  // Normalising is not idempotent at the first step: a name re-read from its Latin form is read again (a separate
  // `ұлы` is joined to the surname, `w` becomes `v`, French `ou` becomes `u`), and `normalized` puts the guessed
  // surname first, a guess that can flip between two readings. Its words settle from the second step on.
  const words = (s: string): string => s.split(' ').filter(Boolean).sort().join(' ');
  it('normalising settles: from the second step on, the words of the normalised name do not change', () => {
    fc.assert(
      fc.property(hostileText, (x) => {
        const twice = parseName(parseName(x).normalized).normalized;
        expect(words(parseName(twice).normalized)).toBe(words(twice));
      }),
      run(300),
    );
  });

  it('comparison is symmetric', () => {
    fc.assert(
      fc.property(hostileText, hostileText, (x, y) => {
        const ab = compareNames(parseName(x), parseName(y));
        const ba = compareNames(parseName(y), parseName(x));
        expect([ba.decision, ba.score]).toEqual([ab.decision, ab.score]);
      }),
      run(300),
    );
  });
});

/** Text without lone surrogates (UTF-8 cannot hold them; they are covered by the never-throws properties). */
const cellText = fc.oneof(hostileText, fc.string({ unit: 'grapheme', maxLength: 20 })).map((s) => s.replace(/[\uD800-\uDFFF]/g, (c, i: number, str: string) => {
  const code = c.charCodeAt(0);
  const pairOk = code < 0xdc00 ? /[\uDC00-\uDFFF]/.test(str[i + 1] ?? '') : /[\uD800-\uDBFF]/.test(str[i - 1] ?? '');
  return pairOk ? c : '?';
}));
const table = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 5 })).chain(([w, h]) =>
  fc.tuple(fc.array(cellText, { minLength: w, maxLength: w }), fc.array(fc.array(cellText, { minLength: w, maxLength: w }), { minLength: h, maxLength: h })),
);

describe('CSV outputs round-trip', () => {
  it.each([
    ['plain', { neutralize: false }],
    ['Excel: BOM and ;', { neutralize: false, bom: true, delimiter: ';' }],
    ['tab', { neutralize: false, delimiter: '\t' }],
  ])('%s: csv-parse and the ingestion reader both read back every cell', (_label, options) => {
    fc.assert(
      fc.property(table, ([header, rows]) => {
        const text = toCsv(header, rows, options);
        const body = options.bom ? text.slice(1) : text;
        expect(parse(body, { delimiter: options.delimiter ?? ',', relax_column_count: true, record_delimiter: '\n' })).toEqual([header, ...rows]);
        const back: string[][] = [];
        readRows(body, options.delimiter ?? ',', 'out.csv', (r) => back.push(r.fields));
        // The ingestion reader reads CR and CRLF inside a field as LF, the only intended change.
        const lf = (xs: string[][]) => xs.map((r) => r.map((c) => c.replace(/\r\n?/g, '\n')));
        expect(back).toEqual(lf([header, ...rows]));
      }),
      run(200),
    );
  });

  it('with neutralisation, every cell reads back as its neutralised form, and no cell starts a formula', () => {
    fc.assert(
      fc.property(table, ([header, rows]) => {
        const back = parse(toCsv(header, rows), { relax_column_count: true, record_delimiter: '\n' }) as string[][];
        expect(back.slice(1)).toEqual(rows.map((r) => r.map(neutralizeCell)));
        for (const cell of back.slice(1).flat()) {
          if (/^[=+\-@\t\r]/.test(cell)) expect(cell).toMatch(/^-?\d+(\.\d+)?$/);
        }
      }),
      run(200),
    );
  });
});

describe('ingestion of any bytes', () => {
  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 200 }),
    fc.array(fc.constantFrom(...HOSTILE, 'ФИО,Возраст\n', 'Full name;Age\n', '\n', '\r\n', ',', ';', '"', '23', 'Тестов Тест'), { maxLength: 30 }).map((a) => new TextEncoder().encode(a.join(''))),
  );

  it('ends in records (every data row kept or rejected) or a ReconError, never another error', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        try {
          const src = ingestSource({ name: 's', path: 's.csv' }, b);
          const rows = [...src.records, ...src.rejected].map((r) => r.row).sort((x, y) => x - y);
          expect(rows).toEqual(rows.map((_, i) => i + 1));
        } catch (e) {
          if (!(e instanceof ReconError)) throw e;
          expect(e.exitCode).toBe(e.code === 'BAD_CONFIG' ? 2 : 3);
        }
      }),
      run(400),
    );
  });
});

/** Small lists of synthetic people: each record tagged with its true person, some persons in several lists. */
const SURNAMES = ['Тестов', 'Образцов', 'Примеров', 'Шаблонов', 'Выдуманов', 'Условнов'];
const GIVEN = ['Тест', 'Пример', 'Образ', 'Макет', 'Эскиз'];
const lists = fc
  .array(
    fc.record({
      surname: fc.constantFrom(...SURNAMES),
      given: fc.constantFrom(...GIVEN),
      age: fc.integer({ min: 18, max: 70 }),
      in: fc.subarray(['a', 'b', 'c'], { minLength: 1 }),
      latinIn: fc.subarray(['a', 'b', 'c']),
    }),
    { minLength: 1, maxLength: 10 },
  )
  .map((people) => {
    const rows: Record<string, string[]> = { a: [], b: [], c: [] };
    people.forEach((p, id) => {
      for (const s of p.in) {
        const name = p.latinIn.includes(s) ? latin(`${p.surname} ${p.given}`) : `${p.surname} ${p.given}`;
        rows[s].push(`${name},${p.age},t${id}-${s}`);
      }
    });
    return rows;
  });

function latin(s: string): string {
  const map: Record<string, string> = { Т: 'T', е: 'e', с: 's', т: 't', о: 'o', в: 'v', О: 'O', б: 'b', р: 'r', а: 'a', з: 'z', П: 'P', и: 'i', м: 'm', Ш: 'Sh', л: 'l', н: 'n', ы: 'y', д: 'd', у: 'u', У: 'U', ч: 'ch', М: 'M', к: 'k', Э: 'E', Б: 'B', ф: 'f', й: 'y', В: 'V', ш: 'sh', ц: 'ts' };
  return [...s].map((c) => map[c] ?? c).join('');
}

/** Persons as sets of tags (row- and order-free). */
function grouping(rows: Record<string, string[]>, order: string[]): string[][] {
  const sources = order.filter((s) => rows[s].length > 0).map((s) =>
    ingestSource({ name: s, path: `${s}.csv` }, new TextEncoder().encode(`ФИО,Возраст,Метка\n${rows[s].join('\n')}\n`)),
  );
  const result = reconcile(sources, {});
  const tagOf = new Map(sources.flatMap((s) => s.records.map((r) => [r.key, r.cells['Метка']] as const)));
  return result.persons.map((p) => p.records.map((k) => tagOf.get(k)!).sort()).sort();
}

function shuffle<T>(xs: T[], keys: number[]): T[] {
  return xs.map((x, i) => ({ x, k: keys[i % keys.length] ?? 0, i })).sort((p, q) => p.k - q.k || p.i - q.i).map((p) => p.x);
}

describe('persons do not depend on input order', () => {
  it('shuffling rows within lists and the order of lists gives the same persons', () => {
    fc.assert(
      fc.property(lists, fc.array(fc.nat(), { minLength: 1, maxLength: 30 }), fc.constantFrom(['a', 'b', 'c'], ['c', 'a', 'b'], ['b', 'c', 'a'], ['c', 'b', 'a']), (rows, keys, order) => {
        const shuffled = { a: shuffle(rows.a, keys), b: shuffle(rows.b, keys.slice(1)), c: shuffle(rows.c, keys.slice(2)) };
        expect(grouping(shuffled, order)).toEqual(grouping(rows, ['a', 'b', 'c']));
      }),
      run(40),
    );
  });
});

describe('diff of a list with itself', () => {
  it('is empty, whatever the names hold', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(cellText, fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined })), { maxLength: 12 }), (people) => {
        const text = 'ФИО,Возраст\n' + people.map(([n, a]) => `"${n.replace(/"/g, '""')}",${a ?? ''}`).join('\n') + '\n';
        let src;
        try {
          src = ingestSource({ name: 's', path: 's.csv' }, new TextEncoder().encode(text));
        } catch (e) {
          if (e instanceof ReconError) return;
          throw e;
        }
        const d = diffLists(src, src);
        expect(d.differences).toBe(0);
        expect(d.unchanged).toBe(src.records.length);
      }),
      run(150),
    );
  });
});
