// Folding of free text (place names, notes) to canonical ASCII Latin with the names engine's rules, for reuse by
// other stages. Pure.
import { cleanText, evidenceScript, majorityScript, repairWord } from './clean-text.js';
import { canonWord, lowerWord } from './romanize.js';

/**
 * Clean-up, homoglyph repair, Kazakh→Russian fold and canonical Latin of any text; words joined by single spaces,
 * hyphens kept inside words, everything else dropped.
 *
 * @example foldText('Талдықорған') // 'taldykorgan'
 * @example foldText('Qonaev  qalasy') // 'qonaev qalasy'
 */
export function foldText(s: string): string {
  const cleaned = cleanText(s).replace(/\./g, ' ');
  if (cleaned === '') return '';
  const fallback = majorityScript(cleaned);
  const evidence = evidenceScript(cleaned);
  return cleaned
    .split(' ')
    .map((w) => canonWord(lowerWord(repairWord(w, fallback, evidence).word)).replace(/^-+|-+$/g, ''))
    .filter((w) => w.length > 0)
    .join(' ');
}
