// `reconcile merge` writes the same bytes whether the candidate pairs are scored on one thread or several.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runBin, tempDir } from '../support/run-cli.js';

describe('merge with scoring threads', () => {
  it('gives the same outputs as one thread on the January 2022 fixtures', () => {
    const outs = ['1', '2'].map((threads) => {
      const out = join(tempDir(), 'out');
      const r = runBin(['merge', '--config', join(ROOT, 'fixtures/jan2022/config.json'), '--out', out, '--quiet'], {
        env: { RECONCILE_THREADS: threads },
      });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      return out;
    });
    const files = readdirSync(outs[0]).sort();
    expect(readdirSync(outs[1]).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(join(outs[1], f), 'utf8'), f).toBe(readFileSync(join(outs[0], f), 'utf8'));
  });
});
