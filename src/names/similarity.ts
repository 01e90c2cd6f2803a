// Weighted edit similarity of two phonetic skeletons. Drift vowel swaps, voicing pairs (d/t, b/p, g/k, z/s, v/f) and
// sibilant confusions (ж/ш, ц/с) cost half; insertions cost 0.8 (glide), 1 (vowel), 1.2 (consonant); adjacent
// transpositions (typing) cost 0.7.
// Pure and allocation-free for skeletons up to 63 letters (two reusable rows).

const MAX = 64;
let rowA = new Float64Array(MAX);
let rowB = new Float64Array(MAX);
let rowC = new Float64Array(MAX);

// Letter pairs that cost half a substitution: vowel classes, voicing pairs and sibilant confusions.
// Vowel swaps that are spelling drift (і/е, ы/у, и/у, а/е: Еркин/Еркен, Жулдыз/Жулдуз, Рустам/Рустем) cost less
// than swaps that make another name (а/у, а/и: Марат/Мурат, Дана/Дина).
const PAIR_COSTS: Array<[string, number]> = [
  ['IE', 0.5], ['IU', 0.5], ['AE', 0.6], ['EU', 0.8], ['AU', 0.8], ['AI', 0.8],
  ['bp', 0.5], ['dt', 0.5], ['Kg', 0.5], ['sz', 0.5], ['fv', 0.5], ['JS', 0.5], ['CS', 0.5], ['Cs', 0.5],
  ['Ss', 0.5], ['Jz', 0.5], ['bv', 0.7], ['XJ', 0.1], ['XS', 0.1], ['Cz', 0.5], ['Zs', 0.1], ['Zz', 0.1], ['Yz', 0.1], ['YC', 0.1], ['Ys', 0.5], ['YZ', 0.3],
];
const SUBST = new Float64Array(128 * 128).fill(1);
for (let i = 0; i < 128; i++) SUBST[i * 128 + i] = 0;
for (const [p, cost] of PAIR_COSTS) {
  const a = p.charCodeAt(0);
  const b = p.charCodeAt(1);
  SUBST[a * 128 + b] = cost;
  SUBST[b * 128 + a] = cost;
}

// Letter classes for a lower bound of the distance: letters whose substitution costs less than CHEAP share a class
// (ш/ж/дж, German s/z/tz and ц); every other substitution, and every insertion or deletion, costs at least CHEAP.
// Letters outside ASCII share one class.
const CHEAP = 0.5;
const CLASS_BIT = new Int32Array(129);
{
  const parent = Array.from({ length: 128 }, (_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  for (const [p, cost] of PAIR_COSTS) if (cost < CHEAP) parent[find(p.charCodeAt(0))] = find(p.charCodeAt(1));
  const bitOfRoot = new Map<number, number>();
  // Skeleton letters (see skeleton.ts): lower-case consonants and upper-case sound classes.
  for (const ch of 'bcdfghjklmnpqrstvwxyzAEIUJSCKXYZ') {
    const c = ch.charCodeAt(0);
    const root = find(c);
    let bit = bitOfRoot.get(root);
    if (bit === undefined) {
      // 32 bits: classes beyond the 31st share the last bit (sharing a class only weakens the bound).
      bit = Math.min(bitOfRoot.size, 31);
      bitOfRoot.set(root, bit);
    }
    CLASS_BIT[c] = 1 << bit;
  }
  // Any other character (vowel letters, digits, *, non-ASCII letters) falls in the last class.
  CLASS_BIT[128] = 1 << 31;
}

function classMask(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const b = c < 128 ? CLASS_BIT[c] : 0;
    m |= b !== 0 ? b : CLASS_BIT[128];
  }
  return m;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * A lower bound of skeletonDistance(a, b), computed in one pass without the dynamic programme: each letter class
 * present on one side only needs its own edit, and every edit that changes classes costs at least 0.5. Used to reject
 * clearly different words before any lookup.
 *
 * @example skeletonDistanceLowerBound('sErIK', 'AKmEtUv') // 2.5 (A, m, t, U, v: five classes on one side)
 */
export function skeletonDistanceLowerBound(a: string, b: string): number {
  const ma = classMask(a);
  const mb = classMask(b);
  const onlyA = popcount(ma & ~mb);
  const onlyB = popcount(mb & ~ma);
  return (onlyA > onlyB ? onlyA : onlyB) * CHEAP;
}

/** Substitution cost between two skeleton letters (char codes). */
function substCost(a: number, b: number): number {
  return a < 128 && b < 128 ? SUBST[a * 128 + b] : a === b ? 0 : 1;
}

/**
 * Insertion or deletion cost of one skeleton letter after `prev` (0 at the start): the glide/vowel I costs 0.8, other
 * vowels 1, consonants 1.2 (a dropped consonant usually makes another name: Исаков / Искаков), except g after n
 * (ң written нг: Жеңіс / Женгис) and b after m (Мұхамбет / Мұхаммед), 0.5.
 */
function indelCost(c: number, prev = 0): number {
  if (c === 73) return 0.8;
  if (c === 65 || c === 85 || c === 69) return 1;
  if (c === 103 && prev === 110) return 0.5;
  // b after m: Kazakh -мбет for Arabic -ммед (Мұхамбет / Мұхаммед).
  if (c === 98 && prev === 109) return 0.5;
  return 1.2;
}

/**
 * Weighted Damerau–Levenshtein distance between two skeletons.
 *
 * @example skeletonDistance('tUKAv', 'tUKAv') // 0
 * @example skeletonDistance('Jmbl', 'JAmbl') // 1
 */
export function skeletonDistance(a: string, b: string): number {
  return boundedSkeletonDistance(a, b, Infinity);
}

/**
 * Weighted distance, or any value above `limit` as soon as every path costs more (early exit for clear mismatches).
 *
 * @example boundedSkeletonDistance('sErIK', 'AKmEtUv', 0.75) > 0.75 // true
 */
export function boundedSkeletonDistance(a: string, b: string, limit: number): number {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) {
    const s = n === 0 ? b : a;
    let c = 0;
    for (let j = 0; j < s.length; j++) c += indelCost(s.charCodeAt(j), j > 0 ? s.charCodeAt(j - 1) : 0);
    return c;
  }
  // Length difference alone costs at least 0.5 per letter.
  if (Math.abs(n - m) * 0.5 > limit) return limit + 1;
  if (m + 1 > rowA.length) {
    rowA = new Float64Array(m + 1);
    rowB = new Float64Array(m + 1);
    rowC = new Float64Array(m + 1);
  }
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  prev[0] = 0;
  for (let j = 1; j <= m; j++) prev[j] = prev[j - 1] + indelCost(b.charCodeAt(j - 1), j > 1 ? b.charCodeAt(j - 2) : 0);
  for (let i = 1; i <= n; i++) {
    const ca = a.charCodeAt(i - 1);
    const pa = i > 1 ? a.charCodeAt(i - 2) : 0;
    cur[0] = prev[0] + indelCost(ca, pa);
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      let sc = substCost(ca, cb);
      if (i === 1 && j === 1 && sc >= 0.3) sc = 1.5;
      let v = prev[j - 1] + sc;
      const del = prev[j] + indelCost(ca, pa);
      if (del < v) v = del;
      const ins = cur[j - 1] + indelCost(cb, j > 1 ? b.charCodeAt(j - 2) : 0);
      if (ins < v) v = ins;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb && ca !== cb) {
        const t = prev2[j - 2] + 0.7;
        if (t < v) v = t;
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // A transposition can reach back two rows: stop only when both rows exceed the limit.
    if (rowMin > limit && i > 1) {
      let prevMin = prev[0];
      for (let j = 1; j <= m; j++) if (prev[j] < prevMin) prevMin = prev[j];
      if (prevMin > limit) return limit + 1;
    }
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[m];
}

/**
 * Similarity 0..1 of two skeletons: 1 − weighted distance / longer length.
 *
 * @example skeletonSimilarity('ErKIn', 'ErKEn') // 0.9
 * @example skeletonSimilarity('sErIK', 'sErIKbUl') // 0.575
 */
export function skeletonSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const len = a.length > b.length ? a.length : b.length;
  if (len === 0) return 1;
  const d = skeletonDistance(a, b);
  const s = 1 - d / len;
  return s < 0 ? 0 : s;
}
