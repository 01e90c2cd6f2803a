// links.csv columns: every level any pair shows (known comparisons first, in their order, then the others in codepoint
// order), each with its weight, then the weights with no level of their own, in codepoint order.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { PreparedRecord } from '../../src/pipeline/prepare.js';
import { renderPairsCsv, type PairRow } from '../../src/report/render-csv.js';

const records = ['m:1', 'm:2', 'n:1', 'n:2'].map((key, i) => ({ record: { key, rawName: `Имя ${i}` } }) as unknown as PreparedRecord);

function pair(a: number, b: number, levels: Record<string, string>, weights: Record<string, number>): PairRow {
  return { a, b, probability: 0.9, weight: 3.17, levels, weights };
}

describe('links.csv columns', () => {
  it('takes the union of the pairs’ level and weight names, whichever pair brings them', () => {
    const pairs = [
      pair(0, 2, { surname: 'exact', given: 'phonetic' }, { prior: -9, surname: 6, given: 4 }),
      // The same names as the pair before: nothing new.
      pair(1, 3, { surname: 'similar', given: 'exact' }, { prior: -9, surname: 3, given: 5 }),
      // New names in the third pair: a known comparison (place), an unknown one (tattoo) and a weight-only one.
      pair(0, 3, { tattoo: 'agree', surname: 'exact', place: 'same-place' }, { prior: -9, surname: 6, place: 2, tattoo: 1, name_interaction: -1.5 }),
    ];
    const text = renderPairsCsv(pairs, records, true);
    const [header] = text.split('\n');
    expect(header).toBe(
      'record_a,record_b,probability,weight,linked_by,name_a,name_b,' +
        'surname_level,surname_weight,given_level,given_weight,place_level,place_weight,tattoo_level,tattoo_weight,' +
        'name_interaction_weight,prior_weight',
    );
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(3);
    // A level a pair does not have is empty, its weight too; a weight-only column a pair lacks is 0.
    expect(rows[0]).toMatchObject({ record_a: 'm:1', record_b: 'n:1', given_level: 'phonetic', place_level: '', place_weight: '', name_interaction_weight: '0.000', prior_weight: '-9.000' });
    expect(rows[2]).toMatchObject({ given_level: '', tattoo_level: 'agree', tattoo_weight: '1.000', name_interaction_weight: '-1.500' });
  });
});
