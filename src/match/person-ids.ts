// Stable person ids. A new person's id is `P-` + 6 Crockford base32 characters of the SHA-256 of its smallest record
// key. With an earlier run's ids (record key → id) an id follows its records: see assignPersonIds. Pure.
import { createHash } from 'node:crypto';
import { compareRecordKeys, compareStrings } from '../core/compare.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `P-` + 30 bits of SHA-256(text) in Crockford base32. Example: hashId('media:1') → 'P-' + 6 characters */
export function hashId(text: string): string {
  const h = createHash('sha256').update(text, 'utf8').digest();
  const bits = ((h[0] << 22) | (h[1] << 14) | (h[2] << 6) | (h[3] >> 2)) >>> 0;
  let out = '';
  for (let i = 5; i >= 0; i--) out += CROCKFORD[(bits >>> (i * 5)) & 31];
  return `P-${out}`;
}

/**
 * One id per cluster of record keys. The rule:
 * 1. Without `previous`, a person's id is hashId(its smallest record key); on a collision the later person (by
 *    smallest key) hashes `key#1`, `key#2`, ... until the id is free.
 * 2. With `previous` (record key → id of an earlier run), every earlier id goes to the new person holding most of
 *    its records (a split person keeps the id on its larger part; ties: the part with the smallest record key).
 *    A person claimed by several earlier ids (a merge) keeps the one that brings most records (ties: the id whose
 *    smallest record key is smallest); the other ids are retired. Persons with no earlier id get a new id by rule 1,
 *    never reusing an earlier id.
 * Example: assignPersonIds([['media:2'], ['media:1', 'ngo:3']], new Map([['ngo:3', 'P-AAAAAA']])) → [new id, 'P-AAAAAA']
 */
export function assignPersonIds(clusters: string[][], previous?: Map<string, string>): string[] {
  const sortedKeys = clusters.map((c) => [...c].sort(compareRecordKeys));
  const ids: Array<string | undefined> = new Array(clusters.length);
  const taken = new Set<string>();

  if (previous && previous.size > 0) {
    for (const id of previous.values()) taken.add(id);
    // Claims: (old id, cluster) → records of the old person now in the cluster.
    const claims = new Map<string, Map<number, number>>();
    const oldSmallest = new Map<string, string>();
    for (const [key, id] of previous) {
      const s = oldSmallest.get(id);
      if (s === undefined || compareRecordKeys(key, s) < 0) oldSmallest.set(id, key);
    }
    sortedKeys.forEach((keys, c) => {
      for (const key of keys) {
        const id = previous.get(key);
        if (id === undefined) continue;
        let m = claims.get(id);
        if (!m) claims.set(id, (m = new Map()));
        m.set(c, (m.get(c) ?? 0) + 1);
      }
    });
    const rows: Array<{ id: string; cluster: number; count: number }> = [];
    for (const [id, m] of claims) for (const [cluster, count] of m) rows.push({ id, cluster, count });
    rows.sort(
      (x, y) =>
        y.count - x.count ||
        compareRecordKeys(sortedKeys[x.cluster][0], sortedKeys[y.cluster][0]) ||
        compareRecordKeys(oldSmallest.get(x.id)!, oldSmallest.get(y.id)!) ||
        compareStrings(x.id, y.id),
    );
    const idUsed = new Set<string>();
    for (const r of rows) {
      if (idUsed.has(r.id) || ids[r.cluster] !== undefined) continue;
      ids[r.cluster] = r.id;
      idUsed.add(r.id);
    }
  }

  const fresh = sortedKeys
    .map((keys, c) => ({ c, key: keys[0] ?? '' }))
    .filter((x) => ids[x.c] === undefined)
    .sort((x, y) => compareRecordKeys(x.key, y.key));
  for (const { c, key } of fresh) {
    let id = hashId(key);
    for (let salt = 1; taken.has(id); salt++) id = hashId(`${key}#${salt}`);
    ids[c] = id;
    taken.add(id);
  }
  return ids as string[];
}
