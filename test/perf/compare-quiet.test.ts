// Bulk comparison without evidence lines gives the same levels, similarity, agreed skeletons and decision.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/cli/merge-run.js';
import { ingestSource } from '../../src/ingest/index.js';
import { compareNames, parseName } from '../../src/names/index.js';
import type { ParsedName } from '../../src/names/types.js';
import { ROOT } from '../support/run-cli.js';

describe('compareNames with evidence off', () => {
  it('differs only in the evidence lines, on pairs of the January 2022 fixtures', () => {
    const config = loadConfig(join(ROOT, 'fixtures/jan2022/config.json'));
    const names: ParsedName[] = [];
    for (const s of config.sources) {
      for (const r of ingestSource(s, readFileSync(s.path)).records) names.push(parseName(r.nameParts ? { ...r.nameParts } : r.rawName));
    }
    let compared = 0;
    for (let i = 0; i < names.length; i += 3) {
      for (let j = i + 1; j < names.length; j += 5) {
        const full = compareNames(names[i], names[j]);
        const quiet = compareNames(names[i], names[j], undefined, { evidence: false });
        expect(quiet).toEqual({ ...full, evidence: [] });
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(5000);
  });

  it('keeps the evidence by default', () => {
    const c = compareNames(parseName('Тестов Ерлан Серикович'), parseName('Testov Yerlan'));
    expect(c.evidence.length).toBeGreaterThan(0);
  });
});
