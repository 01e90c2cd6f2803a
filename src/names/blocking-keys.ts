// Blocking keys and term-frequency keys of a parsed name. Keys are short, sorted and deduplicated; two spellings of
// one person share at least one key with very high probability whatever the word order. Pure.
import { compareStrings } from '../core/compare.js';
import { consonantKey } from './skeleton.js';
import type { RichToken } from './parse-name.js';
import type { ParsedName } from './types.js';

/** Length of the consonant key of the surname stem kept in a key. */
const CONS_LEN = 4;

// Keys use a coarser alphabet than skeletons: sibilants (ж ш ч, German sch) and voicing pairs fall together, so
// Сәтбаев / Satpajew and Жумабаева / Schumabajewa meet. Precision comes back in the comparison.
const KEY_CLASS: Record<string, string> = { J: 'S', X: 'S', b: 'p', d: 't', g: 'K', z: 's', Z: 's', Y: 's', C: 's', v: 'f' };

function coarse(k: string): string {
  let out = '';
  for (const ch of k) {
    const c = KEY_CLASS[ch] ?? ch;
    if (out.length > 0 && out[out.length - 1] === c) continue;
    out += c;
  }
  return out;
}

function stemKey(t: RichToken): string {
  const base = t.suffix === 'ov' || t.suffix === 'ova' || t.suffix === 'sky' || t.suffix === 'skaya' || t.patronymicLike ? t.stem : t.skel;
  return coarse(consonantKey(base)).slice(0, CONS_LEN);
}

function firstClass(t: RichToken, i = 0): string {
  return coarse(t.inits[i] ?? '');
}

/** Tokens that may be the surname or a given name: not a patronymic (a -ұлы surname counts). */
function isNameWord(t: RichToken): boolean {
  if (t.initial) return t.role !== 'patronymic';
  return !t.patronymicLike || t.role !== 'patronymic';
}

/**
 * Blocking keys: for every full word that could be the surname, its consonant key (suffix removed) joined with the
 * initial class of every other word (covers unknown order and initials); plus given skeleton + patronymic stem key
 * (covers a surname changed or dropped). A lone word gives its own key.
 *
 * @example nameBlockingKeys(parseName('Токаев Касым-Жомарт Кемелевич'))
 * // ['g:KAsImSUmArt|Kml', 'g:tUKAEf|Kml', 'n:KsmS|t', 'n:tK|K', 'n:tK|S']
 */
export function nameBlockingKeys(p: ParsedName): string[] {
  if (p.empty) return [];
  const tokens = p.tokens as RichToken[];
  const keys = new Set<string>();
  const g = tokens.filter(isNameWord);
  const fullG = g.filter((t) => !t.initial);
  for (const t of fullG) {
    const k = stemKey(t);
    if (k.length === 0) continue;
    let other = false;
    for (const o of g) {
      if (o === t) continue;
      other = true;
      const fc = firstClass(o);
      // A Latin `Y.` initial may stand for Е, Ю, Я, Ы: key it under every vowel class.
      if (fc === '*') for (const v of ['A', 'E', 'I', 'U']) keys.add(`n:${k}|${v}`);
      else keys.add(`n:${k}|${fc}`);
      // A Latin `Z.` or `S.` initial may stand for Ж or Ш (Zh, Sh cut to one letter): key it under both sibilants.
      if (o.initial && fc === 's' && o.tokenScript !== 'cyr') keys.add(`n:${k}|S`);
      // Compound given names also meet their parts written apart (Касым-Жомарт / Касым Жомарт).
      if (!o.initial && o.parts.length > 1) keys.add(`n:${k}|${firstClass(o, 1)}`);
    }
    if (!other) keys.add(`o:${k}`);
  }
  // Given name + patronymic stem (the surname may differ or be missing).
  const pat = tokens.find((t) => t.patronymicLike && !t.initial && t.role === 'patronymic');
  if (pat) {
    const pk = coarse(consonantKey(pat.stem)).slice(0, 3);
    for (const t of fullG) keys.add(`g:${coarse(t.skel)}|${pk}`);
  }
  return [...keys].sort(compareStrings);
}

/**
 * The keys to count for term frequency: the surname stem skeleton and the first full given name's skeleton.
 *
 * @example nameSkeletonsForFrequency(parseName('Ахметов Серик')) // { surname: 'AKmEt', given: 'sErIK' }
 */
export function nameSkeletonsForFrequency(p: ParsedName): { surname?: string; given?: string } {
  const out: { surname?: string; given?: string } = {};
  const s = p.surname as RichToken | undefined;
  if (s && !s.initial) out.surname = s.suffix ? s.stem : s.skel;
  const g = (p.given as RichToken[]).find((t) => !t.initial);
  if (g) out.given = g.skel;
  return out;
}
