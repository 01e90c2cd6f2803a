// A small seeded pseudo-random generator (mulberry32) for sampling pairs: same seed, same sample. Pure.

/** Returns a function giving floats in [0, 1). Example: createRandom(1)() → 0.6270739405881613 */
export function createRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
