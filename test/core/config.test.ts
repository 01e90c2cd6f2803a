import { describe, expect, it } from 'vitest';
import { baseName, parseConfig, parseSourceArg } from '../../src/core/config.js';
import { ReconError } from '../../src/core/errors.js';

describe('parseSourceArg', () => {
  it.each([
    ['lists/media.csv', { name: 'media', path: 'lists/media.csv' }],
    ['media=lists/m.csv', { name: 'media', path: 'lists/m.csv' }],
    ['ngo_2=C:\\data\\x.csv', { name: 'ngo_2', path: 'C:\\data\\x.csv' }],
    ['./a=b/c.csv', { name: 'c', path: './a=b/c.csv' }],
  ])('%s', (arg, expected) => {
    expect(parseSourceArg(arg)).toEqual(expected);
  });
  it('takes the base name without extension', () => {
    expect(baseName('/x/y/Список_2022.v2.csv')).toBe('Список_2022.v2');
  });
});

describe('parseConfig', () => {
  it('reads every documented key', () => {
    const c = parseConfig(
      {
        official_total: 241,
        event_date: '2022-01-05',
        threshold: 0.8,
        sources: [{ name: 'official', path: 'o.csv', unique: true, covers: 'security', encoding: 'windows-1251', delimiter: 'tab', columns: { ФИО: 'full_name' } }, { path: 'lists/media.csv' }],
      },
      'c.json',
    );
    expect(c).toEqual({
      officialTotal: 241,
      eventDate: '2022-01-05',
      threshold: 0.8,
      sources: [
        { name: 'official', path: 'o.csv', unique: true, covers: 'security', encoding: 'windows-1251', delimiter: '\t', columns: { ФИО: 'full_name' } },
        { name: 'media', path: 'lists/media.csv' },
      ],
    });
  });

  it.each([
    [[], 'the config must be a JSON object'],
    [{ oficial_total: 1 }, 'unknown key "oficial_total"'],
    [{ official_total: -3 }, '"official_total" must be a whole number ≥ 0'],
    [{ event_date: '05.01.2022' }, '"event_date" must be a date written YYYY-MM-DD'],
    [{ threshold: 1.5 }, '"threshold" must be a probability between 0 and 1 (exclusive)'],
    [{ sources: [{}] }, 'sources[0]: "path" must be a file path'],
    [{ sources: [{ path: 'a.csv', covers: 'police' }] }, 'sources[0]: "covers" must be civilian, security or other'],
    [{ sources: [{ path: 'a.csv', columns: { X: 'fio' } }] }, 'sources[0]: column "X" has unknown role "fio"'],
    [{ sources: [{ path: 'a.csv', name: 'a b' }] }, 'sources[0]: "name" must be letters, digits, "_", "-" or "." (got "a b")'],
  ])('rejects %j', (json, message) => {
    try {
      parseConfig(json, 'conf.json');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ReconError);
      expect((e as ReconError).code).toBe('BAD_CONFIG');
      expect((e as ReconError).format()).toBe(`conf.json: ${message}`);
    }
  });
});
