// The comparisons of the Fellegi–Sunter model and their levels (fixed order: model.json relies on it).
// Every comparison's last level is `missing`, which weighs 0 (no evidence either way).

export interface ComparisonDef {
  name: string;
  levels: readonly string[];
  /** What the comparison looks at, for explanations. */
  description: string;
  /**
   * Smallest m a level may take after EM: small training sets see no match with, say, a 3-year age gap, and an m
   * of 0 would make one such field an absolute veto on real, noisier data.
   */
  mFloor: number;
}

export const NAME_LEVELS = ['exact', 'phonetic', 'similar', 'initial', 'different', 'missing'] as const;

/** The model's comparisons in fixed order. Level order is fixed too: model.json relies on it. */
export const COMPARISONS: readonly ComparisonDef[] = [
  { name: 'surname', levels: NAME_LEVELS, description: 'surname (names engine level)', mFloor: 0.005 },
  { name: 'given', levels: NAME_LEVELS, description: 'given name(s)', mFloor: 0.005 },
  { name: 'patronymic', levels: NAME_LEVELS, description: 'patronymic', mFloor: 0.005 },
  { name: 'sex', levels: ['agree', 'disagree', 'missing'], description: 'sex (column or name endings)', mFloor: 0.001 },
  { name: 'age', levels: ['exact', 'within-1', 'within-3', 'different', 'missing'], description: 'age at the event', mFloor: 0.005 },
  {
    name: 'date_of_death',
    levels: ['same-day', 'within-1-day', 'within-3-days', 'different', 'missing'],
    description: 'date of death',
    mFloor: 0.005,
  },
  { name: 'place', levels: ['same-place', 'same-region', 'different', 'missing'], description: 'place of death', mFloor: 0.005 },
  { name: 'category', levels: ['agree', 'disagree', 'missing'], description: 'category', mFloor: 0.005 },
];

export const K = COMPARISONS.length;
export const C_SURNAME = 0;
export const C_GIVEN = 1;
export const C_PATRONYMIC = 2;
export const C_SEX = 3;
export const C_AGE = 4;
export const C_DEATH = 5;
export const C_PLACE = 6;
export const C_CATEGORY = 7;

/** Index of the `missing` level of comparison k. */
export function missingLevel(k: number): number {
  return COMPARISONS[k].levels.length - 1;
}

