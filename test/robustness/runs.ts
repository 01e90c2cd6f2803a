// How many cases each property test tries: a fixed number with a fixed seed by default (CI), more when asked with
// PROPERTY_RUNS=N (e.g. `PROPERTY_RUNS=2000 npx vitest run test/robustness`).

/** `PROPERTY_RUNS` when set to a positive whole number, else `fallback`. */
export function propertyRuns(fallback: number): number {
  const n = Number(process.env.PROPERTY_RUNS);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The seed of every property test: fixed, unless PROPERTY_SEED is set (to explore; failures print the seed). */
export function propertySeed(): number {
  const n = Number(process.env.PROPERTY_SEED);
  return Number.isInteger(n) ? n : 20220105;
}
