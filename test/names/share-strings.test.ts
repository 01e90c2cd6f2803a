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

  it('pools the strings a name holds itself: display forms, evidence and warnings', () => {
    const pool = new Map<string, string>();
    for (const text of names) {
      const name = parseName(text);
      shareNameStrings(name, pool);
      const strings: string[] = [name.raw, name.cyrillic, name.latin, name.normalized, ...name.sexEvidence, ...name.warnings];
      expect(strings.length).toBeGreaterThan(4);
      for (const v of strings) expect(pool.has(v), v).toBe(true);
    }
  });
});
