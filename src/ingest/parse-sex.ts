// Parses a sex cell (`М`, `Ж`, `муж.`, `женский`, `ер`, `әйел`, `M`, `female`) into `M` or `F`. Pure.
import type { Sex } from '../core/types.js';
import { foldCyrillic } from '../places/fold-text.js';

const SEX_BY_WORD: ReadonlyMap<string, Sex> = new Map<string, Sex>([
  // Russian
  ['м', 'M'], ['муж', 'M'], ['мужской', 'M'], ['мужчина', 'M'], ['мужск', 'M'],
  ['ж', 'F'], ['жен', 'F'], ['женский', 'F'], ['женщина', 'F'], ['женск', 'F'],
  // Kazakh, with Kazakh letters folded (әйел → айел)
  ['ер', 'M'], ['ер адам', 'M'], ['еркек', 'M'], ['ер жынысты', 'M'],
  ['айел', 'F'], ['айел адам', 'F'], ['айел жынысты', 'F'],
  // English, Latin letters
  ['m', 'M'], ['male', 'M'], ['man', 'M'], ['f', 'F'], ['female', 'F'], ['woman', 'F'], ['w', 'F'],
]);

/**
 * Parses a sex cell; undefined when it is not one of the known words.
 * Examples: parseSex('М') === 'M'; parseSex('жен.') === 'F'; parseSex('әйел') === 'F'; parseSex('female') === 'F'
 */
export function parseSex(text: string): Sex | undefined {
  const s = foldCyrillic(text.trim()).replace(/[.\s]+$/, '').replace(/\s+/g, ' ');
  return SEX_BY_WORD.get(s);
}
