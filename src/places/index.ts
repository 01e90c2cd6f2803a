// The places gazetteer: Kazakhstan's regions, cities, towns and villages in Kazakh, Russian and Latin spellings,
// and the resolver that turns a free-text place cell into gazetteer ids.
export { resolvePlace, placeLabel, regionLabel, type PlaceResolution } from './resolve-place.js';
export {
  PLACES, REGIONS, DISTRICTS,
  type GazetteerPlace, type GazetteerRegion, type GazetteerDistrict, type PlaceKind,
} from './gazetteer.js';
export { foldCyrillic, foldToLatin, foldKey } from './fold-text.js';
