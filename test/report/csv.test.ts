import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fmt, neutralizeCell, toCsv } from '../../src/report/csv.js';

describe('neutralizeCell', () => {
  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+7 701 000 00 00', "'+7 701 000 00 00"],
    ['-2+3+cmd|" /C calc"!A0', `'-2+3+cmd|" /C calc"!A0`],
    ['@SUM(1)', "'@SUM(1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['-1.25', '-1.25'],
    ['Токаев', 'Токаев'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(neutralizeCell(input)).toBe(expected);
  });
});

describe('toCsv', () => {
  it('round-trips quotes, delimiters and newlines', () => {
    const rows = [['a,b', 'say "hi"', 'line1\nline2', ' padded ']];
    const text = toCsv(['x', 'y', 'z', 'w'], rows);
    expect(parse(text, { columns: true })).toEqual([{ x: 'a,b', y: 'say "hi"', z: 'line1\nline2', w: ' padded ' }]);
  });
  it('writes a BOM and another delimiter for Excel', () => {
    const text = toCsv(['имя'], [['Ерлан']], { bom: true, delimiter: ';' });
    expect(text.startsWith('\uFEFFимя\n')).toBe(true);
  });
  it('can leave formulas alone when asked', () => {
    expect(toCsv(['f'], [['=1+1']], { neutralize: false })).toBe('f\n=1+1\n');
    expect(toCsv(['f'], [['=1+1']])).toBe("f\n'=1+1\n");
  });
  it('formats numbers with fixed decimals', () => {
    expect(fmt(0.5)).toBe('0.5000');
    expect(fmt(undefined)).toBe('');
    expect(fmt(Number.NaN)).toBe('');
  });
});
