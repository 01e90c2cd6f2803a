// Sharing of parsed names' strings: no value changes, every string of the parse is pooled.
import { describe, expect, it } from 'vitest';
import { parseName } from '../../src/names/index.js';
import { shareNameStrings } from '../../src/names/share-strings.js';

describe('shareNameStrings', () => {
  const names = ['Тоқаев Қасым-Жомарт Кемелұлы', 'Kassym-Jomart Tokayev', 'Токаев К.-Ж.', 'Назарбаева Дарига'];

  it('changes no value of a parsed name', () => {
    const pool = new Map<string, string>();
    for (const text of names) {
      const name = parseName(text);
      shareNameStrings(name, pool);
      expect(name).toEqual(parseName(text));
    }
  });

  it('pools every string a name and its tokens hold, so that none is left out of the sharing', () => {
    const pool = new Map<string, string>();
    for (const text of names) {
      const name = parseName(text);
      shareNameStrings(name, pool);
      const strings: string[] = [name.raw, name.cyrillic, name.latin, name.normalized, ...name.sexEvidence, ...name.warnings];
      for (const t of name.tokens) {
        for (const v of Object.values(t)) {
          if (typeof v === 'string') strings.push(v);
          else if (Array.isArray(v)) strings.push(...v.filter((x): x is string => typeof x === 'string'));
        }
      }
      // Role, script and sex words are constants of the engine; everything else comes from the parse.
      for (const v of strings) if (!['surname', 'given', 'patronymic', 'unknown', 'cyr', 'lat', 'other', 'M', 'F'].includes(v)) expect(pool.has(v), v).toBe(true);
    }
  });
});
