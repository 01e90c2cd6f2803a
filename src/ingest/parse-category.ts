// Parses a category cell (мирный житель, сотрудник полиции, бейбіт тұрғын, әскери қызметші, civilian, police...) into
// `civilian` | `security` | `other`. Pure: keyword stems matched at word starts; the earliest keyword wins.
import type { Category } from '../core/types.js';
import { foldCyrillic } from '../places/fold-text.js';

/** Word-start stems per category, written with Kazakh letters folded to Russian ones (әскери → аскери). */
const STEMS: ReadonlyArray<readonly [Category, readonly string[]]> = [
  ['security', [
    'военн', 'полиц', 'кнб', 'мвд', 'овд', 'дп', 'нацгвард', 'национальн гвард', 'национальной гвард', 'гвард',
    'органов', 'правоохран', 'силов', 'спецназ', 'солдат', 'сарбаз', 'аскери', 'аскер', 'иим', 'укк', 'улттык улан',
    'улан', 'офицер', 'сержант', 'лейтенант', 'капитан', 'майор', 'полковник', 'подполковник', 'генерал', 'прапорщик',
    'ефрейтор', 'рядов', 'курсант', 'погранич',
    'контрактник', 'срочник', 'military', 'police', 'soldier', 'servicem', 'security', 'national guard', 'guard',
    'officer', 'army', 'law enforcement', 'armed forces', 'special forces', 'knb', 'mvd',
  ]],
  ['civilian', [
    'мирн', 'гражданск', 'граждан', 'бейбит', 'тургын', 'житель', 'жительниц', 'ребен', 'дет', 'подрост',
    'несовершеннолет', 'студент', 'школьн', 'журналист', 'прохож', 'протестующ', 'митингующ', 'демонстрант', 'азамат',
    'бала', 'civil', 'resident', 'bystander', 'protester', 'journalist', 'child', 'student', 'passer', 'non-combatant',
    'noncombatant',
  ]],
  // Other: deaths in custody and anything the list itself calls "other".
  ['other', [
    'друг', 'иное', 'иные', 'иной', 'проч', 'other', 'баска', 'под стражей', 'стражей', 'задержан', 'арестован', 'сизо',
    'изолятор', 'заключен', 'custody', 'detain', 'detention', 'prisoner', 'arrested', 'камауда', 'усталган',
  ]],
];

/** One alternation per category; a stem must start a word. */
const PATTERNS: ReadonlyArray<readonly [Category, RegExp]> = STEMS.map(([category, stems]) => [
  category,
  new RegExp(`(?:^|[^\\p{L}])(?:${stems.map((s) => s.replace(/ /g, '\\s+')).join('|')})`, 'u'),
]);

/** A bare "employee" in these lists means an officer of the security bodies. */
const BARE_SECURITY: ReadonlySet<string> = new Set(['сотрудник', 'сотрудники', 'сотр', 'кызметкер', 'кызметкери']);

/**
 * Parses a victim category; undefined when no known keyword is present. When keywords of two categories appear,
 * the one written first wins (`полицейский, мирный житель по другим данным` → security).
 * Examples: parseCategory('мирный житель') === 'civilian'; parseCategory('әскери қызметші') === 'security';
 * parseCategory('Сотрудник КНБ') === 'security'; parseCategory('другое') === 'other'
 */
export function parseCategory(text: string): Category | undefined {
  const s = foldCyrillic(text.trim()).replace(/\u00a0/g, ' ');
  if (!s) return undefined;
  if (BARE_SECURITY.has(s.replace(/[.\s]+$/, ''))) return 'security';
  let best: Category | undefined;
  let bestAt = Infinity;
  for (const [category, pattern] of PATTERNS) {
    const m = pattern.exec(s);
    if (m && m.index < bestAt) {
      best = category;
      bestAt = m.index;
    }
  }
  return best;
}
