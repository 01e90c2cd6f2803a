import { describe, expect, it } from 'vitest';
import { reflowParagraphs } from '../../src/cli/help-text.js';

describe('reflowParagraphs', () => {
  it('joins the lines of a prose paragraph and keeps blank lines', () => {
    expect(reflowParagraphs('Reads each\nSOURCE file.\n\nWrites files.')).toBe('Reads each SOURCE file.\n\nWrites files.');
  });
  it('keeps indented lines (lists) and the line that introduces them', () => {
    const text = 'Writes into --out:\n  records.csv   the crosswalk\n  merged.csv    persons';
    expect(reflowParagraphs(text)).toBe(text);
  });
  it('does not join a prose line onto a list item', () => {
    expect(reflowParagraphs('  a  b\nNext paragraph\ngoes on.')).toBe('  a  b\nNext paragraph goes on.');
  });
});
