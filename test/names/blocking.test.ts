// Blocking keys: two spellings of one person share a key (measured on the labelled corpus); keys stay few and sorted.
import { describe, expect, it } from 'vitest';
import { nameBlockingKeys, parseName } from '../../src/names/index.js';
import { buildCorpus } from './corpus.js';

const corpus = buildCorpus();

function shareKey(a: string[], b: string[]): boolean {
  const s = new Set(a);
  return b.some((k) => s.has(k));
}

describe('nameBlockingKeys', () => {
  it('gives a shared key to spellings of one person (recall on the corpus)', () => {
    const same = corpus.filter((p) => p.label === 'same');
    const missed = same.filter((p) => !shareKey(nameBlockingKeys(parseName(p.a)), nameBlockingKeys(parseName(p.b))));
    const recall = 1 - missed.length / same.length;
    console.log(`blocking recall ${recall.toFixed(4)} on ${same.length} same pairs; missed:`);
    for (const m of missed) console.log(`  ${JSON.stringify(m.a)} | ${JSON.stringify(m.b)}`);
    expect(recall).toBeGreaterThanOrEqual(0.99);
  });

  it('keeps keys few, sorted and deduplicated', () => {
    for (const p of corpus.slice(0, 200)) {
      const keys = nameBlockingKeys(parseName(p.a));
      expect(keys).toEqual([...new Set(keys)].sort());
      expect(keys.length).toBeLessThanOrEqual(30);
    }
  });

  it('keys a Latin Z. or S. initial under both sibilants (Zh and Sh cut to one letter)', () => {
    const latin = nameBlockingKeys(parseName('AIBEKOV Z.'));
    expect(shareKey(latin, nameBlockingKeys(parseName('Айбеков Жандос')))).toBe(true);
    expect(shareKey(latin, nameBlockingKeys(parseName('Айбеков Зарина')))).toBe(true);
    expect(shareKey(nameBlockingKeys(parseName('Turayev S.')), nameBlockingKeys(parseName('Тураев Шерзод')))).toBe(true);
  });

  it('gives no key to an empty name', () => {
    expect(nameBlockingKeys(parseName('  --  '))).toEqual([]);
  });
});
