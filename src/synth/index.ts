// Public API of the synthetic scenario generator (`reconcile synth`).
export { createRng, Rng } from './prng.js';
export { generatePopulation, surnameText, russianPatronymic, kazakhPatronymic, type Person } from './population.js';
export {
  romanizeWord,
  foldKazakhToRussian,
  makeTypo,
  addHomoglyph,
  loseKazakhLetters,
  SCRIPT_IDS,
  type ScriptId,
  type LatinScheme,
} from './scripts.js';
export { profilesFor, PRESETS, JAN2022_COUNTS, JAN2022_PERSONS, type SourceProfile, type PresetName } from './profiles.js';
export { renderName, renderRow, formatDate } from './render.js';
export {
  planScenario,
  scaleNoise,
  renderSourceRows,
  scenarioConfig,
  personRows,
  PERSONS_HEADER,
  type Scenario,
  type SourcePlan,
  type SynthRow,
  type ScenarioOptions,
} from './scenario.js';
export { formatCsvRow, encodeText, byteOrderMark } from './encode.js';
