// Resolves a free-text place cell (`г. Алматы, Алмалинский район`, `Алматинская обл., Талгар`) to gazetteer ids.
// Pure: a folded-key index built once from the gazetteer tables; no I/O, no randomness.
import { distance } from 'fastest-levenshtein';
import { foldKey, skeletonKey } from './fold-text.js';
import {
  DISTRICTS, PLACES, REGIONS,
  type GazetteerDistrict, type GazetteerPlace, type GazetteerRegion,
} from './gazetteer.js';

export interface PlaceResolution {
  /** Gazetteer place id (`almaty`), or `?` + the folded text of the most specific unknown part (`?besagash`). */
  place?: string;
  /** Region id (`almaty-city`, `mangystau`): the place's own region when the place is known. */
  region?: string;
  /** True when everything the cell names was found: a known place, or a known region and nothing else. */
  known: boolean;
}

type Marker = 'village' | 'city' | 'district' | 'region' | 'none';

interface IndexEntry {
  places?: GazetteerPlace[];
  region?: GazetteerRegion;
  districts?: GazetteerDistrict[];
}

/** Words that say what kind of place follows or precedes them; compared as folded keys. */
const MARKERS: ReadonlyMap<string, Marker> = new Map<string, Marker>([
  ...['s', 'selo', 'sela', 'pos', 'poselok', 'poselka', 'pgt', 'aul', 'aula', 'auyl', 'auyly', 'village', 'stantsiya', 'kent']
    .map((w): [string, Marker] => [w, 'village']),
  ...['g', 'gor', 'gorod', 'goroda', 'gorode', 'kala', 'kalasy', 'kalasynda', 'city', 'town']
    .map((w): [string, Marker] => [w, 'city']),
  ...['rayon', 'rayona', 'rayone', 'rn', 'audany', 'audan', 'audanynda', 'district', 'okrug', 'okruga']
    .map((w): [string, Marker] => [w, 'district']),
  ...['obl', 'oblast', 'oblasti', 'oblys', 'oblysy', 'oblysynda', 'region', 'regiona', 'oblast', 'province', 'oblasty']
    .map((w): [string, Marker] => [w, 'region']),
]);

/** Words that start a street address: the rest of the segment is below place level. */
const STREET_WORDS: ReadonlySet<string> = new Set([
  'ul', 'ulitsa', 'ulitse', 'pr', 'prosp', 'prospekt', 'prt', 'mkr', 'mkrn', 'mikrorayon', 'mikrorayone', 'dom', 'kv',
  'kosh', 'koshesi', 'dangyly', 'street', 'str', 'st', 'avenue', 'ave', 'pl', 'ploshchad', 'ploshchadi', 'square',
  'alany', 'bulvar', 'per', 'pereulok', 'shosse', 'trassa', 'road', 'rd', 'zhk', 'zdanie', 'building',
]);

/** Words that carry no place information. */
const NOISE_WORDS: ReadonlySet<string> = new Set([
  'respublika', 'respubliki', 'rk', 'kazakhstan', 'kazakstan', 'kazakhstana', 'kz', 'republic', 'v', 'vo', 'na', 'u',
  'okolo', 'vozle', 'bliz', 'ryadom', 'near', 'in', 'at', 'the', 'of', 'mesto', 'gibeli', 'neizvestno', 'unknown',
]);

/** Suffixes tried when a word is not found as written: Russian case endings, Kazakh locative and genitive. */
const INFLECTION_SUFFIXES: readonly string[] = [
  'ynyn', 'inin', 'nyn', 'nin', 'dyn', 'din', 'tyn', 'tin', 'nda', 'nde', 'da', 'de', 'ta', 'te', 'ga', 'ge', 'ka',
  'ke', 'e', 'a', 'u', 'om', 'em',
];

const MARKER_RANK: Readonly<Record<Marker, number>> = { village: 4, city: 3, none: 2, district: 1, region: 0 };
const KIND_RANK: Readonly<Record<GazetteerPlace['kind'], number>> = { village: 4, town: 3, city: 2 };

const index = buildIndex();
const skeletonIndex = buildSkeletonIndex(index);
const placeById = new Map(PLACES.map((p) => [p.id, p]));
const regionById = new Map(REGIONS.map((r) => [r.id, r]));

function buildIndex(): Map<string, IndexEntry> {
  const map = new Map<string, IndexEntry>();
  const entry = (key: string): IndexEntry => {
    let e = map.get(key);
    if (!e) map.set(key, (e = {}));
    return e;
  };
  for (const p of PLACES) {
    for (const key of nameKeys([p.id, ...p.names])) {
      const e = entry(key);
      if (!(e.places ??= []).includes(p)) e.places.push(p);
    }
  }
  for (const r of REGIONS) for (const key of nameKeys([r.id, ...r.names])) entry(key).region ??= r;
  for (const d of DISTRICTS) {
    for (const key of nameKeys(d.names)) {
      const e = entry(key);
      if (!(e.districts ??= []).includes(d)) e.districts.push(d);
    }
  }
  return map;
}

/**
 * Skeleton → entry, for skeletons that lead to one place, region or district only (ambiguous skeletons are dropped).
 * Keys shorter than 4 letters are left out: too many words share their skeleton.
 */
function buildSkeletonIndex(exact: Map<string, IndexEntry>): Map<string, IndexEntry> {
  const byId = new Map<string, { entry: IndexEntry; ids: Set<string> }>();
  for (const [key, entry] of exact) {
    if (key.length < 4) continue;
    const skel = skeletonKey(key);
    const ids = [
      ...(entry.places ?? []).map((p) => `place:${p.id}`),
      ...(entry.region ? [`region:${entry.region.id}`] : []),
      ...(entry.districts ?? []).map((d) => `district:${d.id}`),
    ];
    const slot = byId.get(skel);
    if (!slot) byId.set(skel, { entry, ids: new Set(ids) });
    else {
      for (const id of ids) slot.ids.add(id);
      // Same ids under another key (e.g. Taraz, Taras): keep the richer entry.
      if (ids.length > (slot.entry.places?.length ?? 0) + (slot.entry.region ? 1 : 0) + (slot.entry.districts?.length ?? 0)) slot.entry = entry;
    }
  }
  const out = new Map<string, IndexEntry>();
  for (const [skel, { entry, ids }] of byId) {
    const n = (entry.places?.length ?? 0) + (entry.region ? 1 : 0) + (entry.districts?.length ?? 0);
    if (ids.size === n) out.set(skel, entry);
  }
  return out;
}

/** Folded keys of a name list, with the Russian adjective case forms (-ская/-ской/-скую, -ский/-ского/-ском). */
function nameKeys(names: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const name of names) {
    const key = foldKey(name);
    if (!key) continue;
    keys.add(key);
    if (key.endsWith('skaya')) for (const end of ['skoy', 'skuyu', 'skoe']) keys.add(key.slice(0, -5) + end);
    if (key.endsWith('skiy')) for (const end of ['skogo', 'skom', 'skoy']) keys.add(key.slice(0, -4) + end);
  }
  return [...keys];
}

interface Hit {
  entry: IndexEntry;
  marker: Marker;
  order: number;
}

/**
 * Exact key, then with a case ending removed, then by spelling skeleton (German and French romanisations), then a
 * unique near miss (a typo).
 */
function lookupKey(key: string): IndexEntry | undefined {
  const direct = index.get(key);
  if (direct) return direct;
  if (key.length < 5) return key.length >= 4 ? skeletonIndex.get(skeletonKey(key)) : undefined;
  for (const suffix of INFLECTION_SUFFIXES) {
    if (!key.endsWith(suffix) || key.length - suffix.length < 3) continue;
    const stem = key.slice(0, -suffix.length);
    const hit = index.get(stem) ?? (suffix === 'e' ? index.get(stem + 'a') : undefined);
    if (hit) return hit;
  }
  return skeletonIndex.get(skeletonKey(key)) ?? lookupTypo(key);
}

/** Keys of the index by length, for the typo search. */
const keysByLength: ReadonlyMap<number, readonly string[]> = (() => {
  const map = new Map<number, string[]>();
  for (const key of [...index.keys()].sort()) {
    const list = map.get(key.length);
    if (list) list.push(key);
    else map.set(key.length, [key]);
  }
  return map;
})();

const idsOf = (e: IndexEntry): string =>
  [...(e.places ?? []).map((p) => p.id), e.region?.id ?? '', ...(e.districts ?? []).map((d) => d.id)].join(',');

/** Shortest folded key guessed from a typo: `Каратал` (a district) is one letter from `Каратау` (a town). */
const MIN_TYPO_KEY = 8;

/**
 * A name one typo away (two for long names) from exactly one known name: `Талдыкоран` → Taldykorgan. Short names
 * are not guessed: too many real villages are one letter away from a town.
 */
function lookupTypo(key: string): IndexEntry | undefined {
  if (key.length < MIN_TYPO_KEY) return undefined;
  const maxDistance = key.length >= 12 ? 2 : 1;
  let best: IndexEntry | undefined;
  let bestDistance = maxDistance + 1;
  let tie = false;
  for (let len = key.length - maxDistance; len <= key.length + maxDistance; len++) {
    for (const candidate of keysByLength.get(len) ?? []) {
      const d = distance(key, candidate);
      if (d > maxDistance || d > bestDistance) continue;
      const entry = index.get(candidate) as IndexEntry;
      if (d < bestDistance) {
        best = entry;
        bestDistance = d;
        tie = false;
      } else if (best && idsOf(best) !== idsOf(entry)) {
        tie = true;
      }
    }
  }
  return tie ? undefined : best;
}

interface Segment {
  words: string[];
  marker: Marker;
}

/** Splits a cell into segments (comma, semicolon, slash, brackets, line breaks) and each into folded words. */
function readSegments(text: string): Segment[] {
  const segments: Segment[] = [];
  for (const part of text.split(/[,;/\\()[\]{}|\n\r]+|\s[-–—]\s/)) {
    const words: string[] = [];
    let marker: Marker = 'none';
    for (const raw of part.split(/[\s.:«»"'“”„]+/)) {
      const key = foldKey(raw);
      if (!key) continue;
      if (STREET_WORDS.has(key)) break;
      const m = MARKERS.get(key);
      if (m) {
        if (MARKER_RANK[m] > MARKER_RANK[marker] || marker === 'none') marker = m;
        continue;
      }
      if (/^\d+$/.test(key)) continue;
      words.push(key);
    }
    if (words.length === 0) continue;
    segments.push({ words, marker });
  }
  return segments;
}

const MAX_NGRAM = 4;

/**
 * Resolves a place cell to the most specific known place (its region follows), else a known region, else `?` + the
 * folded text of the most specific unknown part. Kazakh, Russian and Latin spellings and former names are known.
 * Examples:
 *   resolvePlace('г. Алматы, Алмалинский район') → { place: 'almaty', region: 'almaty-city', known: true }
 *   resolvePlace('Алматинская обл., Талгар')     → { place: 'talgar', region: 'almaty-region', known: true }
 *   resolvePlace('Маңғыстау облысы')             → { region: 'mangystau', known: true }
 *   resolvePlace('с. Бесагаш')                   → { place: '?besagash', known: false }
 */
export function resolvePlace(text: string): PlaceResolution {
  const hits: Hit[] = [];
  const leftovers: Array<{ key: string; marker: Marker; order: number }> = [];
  let order = 0;
  for (const seg of readSegments(text)) {
    const meaningful = seg.words.filter((w) => !NOISE_WORDS.has(w) && w.length > 1);
    const whole = lookupKey(seg.words.join('')) ?? (meaningful.length ? lookupKey(meaningful.join('')) : undefined);
    if (whole) {
      hits.push({ entry: whole, marker: seg.marker, order: order++ });
      continue;
    }
    // Look for known names inside the segment, longest first; what is left is an unknown name.
    const covered = new Array<boolean>(meaningful.length).fill(false);
    const longest = Math.min(MAX_NGRAM, meaningful.length);
    for (let len = longest; len >= 1; len--) {
      for (let start = 0; start + len <= meaningful.length; start++) {
        if (covered.slice(start, start + len).some(Boolean)) continue;
        const hit = lookupKey(meaningful.slice(start, start + len).join(''));
        if (!hit) continue;
        hits.push({ entry: hit, marker: seg.marker, order: order + start });
        covered.fill(true, start, start + len);
      }
    }
    const rest = meaningful.filter((_, i) => !covered[i]).join('');
    if (rest) leftovers.push({ key: rest, marker: seg.marker, order: order });
    order += meaningful.length + 1;
  }
  return chooseResolution(hits, leftovers);
}

function chooseResolution(hits: Hit[], leftovers: Array<{ key: string; marker: Marker; order: number }>): PlaceResolution {
  hits.sort((a, b) => a.order - b.order);
  // A region named on its own (a region marker, or a name only regions have).
  let region: GazetteerRegion | undefined;
  for (const h of hits) {
    const r = h.entry.region;
    if (r && (h.marker === 'region' || (!h.entry.places && (h.marker !== 'district' || !h.entry.districts)))) {
      region = r;
      break;
    }
  }
  let best: { place: GazetteerPlace; rank: number } | undefined;
  for (const h of hits) {
    if (h.marker === 'region' && h.entry.region) continue;
    let place: GazetteerPlace | undefined;
    let rank = 0;
    if (h.entry.districts && (h.marker === 'district' || (!h.entry.places && !h.entry.region))) {
      place = placeById.get(h.entry.districts[0].city);
      rank = 1;
    } else if (h.entry.places) {
      const candidates = h.entry.places;
      place = (region && candidates.find((p) => p.region === region!.id)) || candidates[0];
      rank = KIND_RANK[place.kind];
    }
    if (place && (!best || rank > best.rank)) best = { place, rank };
  }
  if (best) return { place: best.place.id, region: best.place.region, known: true };
  const unknown = leftovers
    .filter((l) => l.marker !== 'region' || !region)
    .sort((a, b) => MARKER_RANK[b.marker] - MARKER_RANK[a.marker] || a.order - b.order)[0];
  if (unknown) return region ? { place: `?${unknown.key}`, region: region.id, known: false } : { place: `?${unknown.key}`, known: false };
  if (region) return { region: region.id, known: true };
  return { known: false };
}

/**
 * Display name in Latin of a place id; for an unknown `?text` place, the text; '' for an id not in the gazetteer.
 * Example: placeLabel('oskemen') === 'Oskemen'
 */
export function placeLabel(id: string): string {
  if (id.startsWith('?')) return id.slice(1);
  return placeById.get(id)?.label ?? '';
}

/**
 * Display name in Latin of a region id; '' for an id not in the gazetteer.
 * Example: regionLabel('almaty-region') === 'Almaty Region'
 */
export function regionLabel(id: string): string {
  return regionById.get(id)?.label ?? '';
}
