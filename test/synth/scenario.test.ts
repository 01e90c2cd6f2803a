import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { planScenario, renderSourceRows, scenarioConfig, type Scenario } from '../../src/synth/index.js';
import { writeScenario } from '../../src/synth/write-scenario.js';
import { SCRIPT_IDS } from '../../src/synth/scripts.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'synth-test-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function decode(bytes: Buffer, encoding: string): string {
  if (encoding === 'utf-16le') return new TextDecoder('utf-16le').decode(bytes).replace(/^\ufeff/, '');
  if (encoding === 'windows-1251') return new TextDecoder('windows-1251').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes).replace(/^\ufeff/, '');
}

/** Reads every source of a written scenario back: header, data rows and truth rows per source. */
function readBack(out: string): {
  config: ReturnType<typeof scenarioConfig>;
  sources: Map<string, { header: string[]; rows: string[][]; text: string }>;
  truth: string[][];
  persons: string[][];
} {
  const config = JSON.parse(readFileSync(join(out, 'config.json'), 'utf8')) as ReturnType<typeof scenarioConfig>;
  const sources = new Map<string, { header: string[]; rows: string[][]; text: string }>();
  for (const s of config.sources) {
    const text = decode(readFileSync(join(out, s.path)), s.encoding);
    const table = parse(text, { delimiter: s.delimiter, relax_column_count: false }) as string[][];
    sources.set(s.name, { header: table[0], rows: table.slice(1), text });
  }
  const truth = (parse(readFileSync(join(out, 'truth', 'truth.csv'), 'utf8')) as string[][]).slice(1);
  const persons = parse(readFileSync(join(out, 'truth', 'persons.csv'), 'utf8')) as string[][];
  return { config, sources, truth, persons };
}

describe('jan2022 preset', () => {
  let scenario: Scenario;
  let out: string;
  beforeAll(() => {
    scenario = planScenario({ seed: 2022, preset: 'jan2022' });
    out = join(dir, 'jan');
    writeScenario(scenario, out, 1);
  });

  it('has the fixture shape: official 19 security officers, media 188, ngo 221, intl 40, official total 241', () => {
    expect(scenario.sources.map((s) => [s.profile.name, s.rows.length])).toEqual([
      ['official', 19],
      ['media', 188],
      ['ngo', 221],
      ['intl', 40],
    ]);
    expect(scenario.officialTotal).toBe(241);
    expect(scenario.persons.length).toBeGreaterThanOrEqual(241);
    expect(scenario.persons.length).toBeLessThanOrEqual(260);
    const official = scenario.sources[0];
    const people = official.rows.map((r) => scenario.persons[r.person]);
    expect(people.every((p) => p.category === 'security')).toBe(true);
    expect(new Set(official.rows.map((r) => r.person)).size).toBe(19);
    const cfg = scenarioConfig(scenario);
    expect(cfg.official_total).toBe(241);
    expect(cfg.sources[0]).toMatchObject({ name: 'official', unique: true, covers: 'security', columns: { Звание: 'ignore' } });
  });

  it('keeps the same counts for other seeds', () => {
    const other = planScenario({ seed: 'another', preset: 'jan2022' });
    expect(other.sources.map((s) => s.rows.length)).toEqual([19, 188, 221, 40]);
  });

  it('writes truth rows that match source rows one to one', () => {
    const back = readBack(out);
    let total = 0;
    for (const [name, src] of back.sources) {
      const truthRows = back.truth.filter((t) => t[0] === name);
      expect(truthRows.length).toBe(src.rows.length);
      expect(truthRows.map((t) => Number(t[1]))).toEqual(src.rows.map((_, i) => i + 1));
      for (const row of src.rows) expect(row.length).toBe(src.header.length);
      total += src.rows.length;
    }
    expect(back.truth.length).toBe(total);
    const ids = new Set(back.persons.slice(1).map((p) => p[0]));
    for (const t of back.truth) {
      expect(ids.has(t[2])).toBe(true);
      expect(SCRIPT_IDS).toContain(t[3]);
    }
    expect(back.truth[0]).toEqual(['official', '1', back.truth[0][2], 'ru-cyrl']);
  });

  it('writes each source in its own encoding and delimiter', () => {
    const media = readFileSync(join(out, 'media.csv'));
    expect(media.includes(Buffer.from('Ф', 'utf8'))).toBe(false);
    expect(new TextDecoder('windows-1251').decode(media)).toMatch(/^(№|N|Номер);/);
    const intl = readFileSync(join(out, 'intl.csv'));
    expect([intl[0], intl[1]]).toEqual([0xff, 0xfe]);
    const official = readFileSync(join(out, 'official.csv'));
    expect([official[0], official[1], official[2]]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('is byte-for-byte deterministic for a seed', () => {
    const again = join(dir, 'jan-again');
    writeScenario(planScenario({ seed: 2022, preset: 'jan2022' }), again, 2);
    for (const f of [...readdirSync(out).filter((x) => x.endsWith('.csv') || x.endsWith('.json')), 'truth/truth.csv', 'truth/persons.csv']) {
      expect(readFileSync(join(again, f)).equals(readFileSync(join(out, f)))).toBe(true);
    }
    const other = join(dir, 'jan-other');
    writeScenario(planScenario({ seed: 2023, preset: 'jan2022' }), other, 3);
    expect(readFileSync(join(other, 'ngo.csv')).equals(readFileSync(join(out, 'ngo.csv')))).toBe(false);
  });

  it('matches the committed fixture', () => {
    const fixture = join(__dirname, '..', '..', 'fixtures', 'jan2022');
    for (const f of ['official.csv', 'media.csv', 'ngo.csv', 'intl.csv', 'config.json', 'truth/truth.csv', 'truth/persons.csv']) {
      expect(readFileSync(join(fixture, f)).equals(readFileSync(join(out, f))), f).toBe(true);
    }
  });
});

describe('generic scenario', () => {
  let scenario: Scenario;
  let back: ReturnType<typeof readBack>;
  let allText: string;
  beforeAll(() => {
    scenario = planScenario({ seed: 11, persons: 3000 });
    const out = join(dir, 'generic');
    writeScenario(scenario, out, 4);
    back = readBack(out);
    allText = Array.from(back.sources.values())
      .map((s) => s.text)
      .join('\n');
  });

  it('has five sources by default, official_total = persons, and --sources N sources', () => {
    expect(scenario.sources.map((s) => s.profile.name)).toEqual(['ngo', 'media', 'official', 'morgue', 'intl']);
    expect(back.config.official_total).toBe(3000);
    const seven = planScenario({ seed: 1, persons: 200, sources: 9 });
    expect(seven.sources.map((s) => s.profile.name)).toEqual([
      'ngo', 'media', 'official', 'morgue', 'intl', 'volunteers', 'social', 'ngo2', 'media2',
    ]);
  });

  it('uses every script of the contract', () => {
    const scripts = new Set(back.truth.map((t) => t[3]));
    for (const s of SCRIPT_IDS) expect(scripts).toContain(s);
  });

  it('mixes ethnic groups in realistic proportions', () => {
    const eth = back.persons.slice(1).map((p) => p[1]);
    const share = (e: string): number => eth.filter((x) => x === e).length / eth.length;
    expect(share('kazakh')).toBeGreaterThan(0.62);
    expect(share('kazakh')).toBeLessThan(0.78);
    expect(share('russian')).toBeGreaterThan(0.1);
    for (const e of ['uzbek', 'uyghur', 'tatar', 'korean', 'german', 'ukrainian']) expect(share(e)).toBeGreaterThan(0);
  });

  it.each([
    ['Kazakh letters', /[әғқңөұүһі]/],
    ['Kazakh patronymic joined', /\p{L}+ұлы(?!\p{L})/u],
    ['Kazakh patronymic apart', / (ұлы|қызы|улы|кызы)(?!\p{L})/u],
    ['female Kazakh patronymic', /қызы/],
    ['Russian patronymic', /(ович|евич)(?!\p{L})/u],
    ['female Russian patronymic', /(овна|евна)(?!\p{L})/u],
    ['female surname', /\p{Lu}\p{Ll}+(ова|ева|ина)[ ,;\t]/u],
    ['initials', /\p{Lu}\.\s?\p{Lu}\./u],
    ['ICAO capitals', /\b[A-Z]{3,} [A-Z]{3,}\b/],
    ['German press', /(sch|ow\b|ew\b|ajew)/],
    ['French press', /(ou|ïev|tch)/],
    ['Kazakh Latin', /[äğñöūüşáǵńóúý]/],
    ['English kh/zh', /(kh|zh)/],
    ['Latin look-alike inside a Cyrillic word', /[а-яё][aceopxyk]|[aceopxyk][а-яё]/],
    ['surname in capitals', /[А-ЯЁ]{4,} [А-ЯЁ][а-яё]/],
    ['Russian long date', /\d{1,2} января 2022/],
    ['Kazakh date', /\d{1,2} қаңтар 2022/],
    ['Kazakh formal date', /2022 жылғы \d{1,2} қаңтар/],
    ['English date', /January \d{1,2}, 2022/],
    ['short date', /\b\d\.1\.22\b/],
    ['ISO date', /2022-01-0\d/],
    ['age in words', /\d+ (года|лет|жаста|y\.o\.)/],
    ['birth year with г.р.', /\d{4} г\.р\./],
    ['former place name', /Алма-Ата|Талды-Курган|Чимкент|Alma-Ata/],
    ['Kazakh place name', /Талдықорған|Қызылорда|Жаңаөзен|Ақтау/],
    ['unknown name', /неизвестн|белгісіз|unknown|н\/д|n\/a/],
    ['Soviet Дж', /Дж[аеу]/],
    ['soft sign after л', /[аеу]ль\p{L}*/u],
    ['compound given name', /(Нұр|Нур|Әли|Али|Мұхаммед|Мухаммед)[- ]?(Ислам|ислам|Асқар|Аскар|асқар|аскар|Әли|Али|әли|али)/],
  ])('shows %s', (_label, re) => {
    expect(allText).toMatch(re);
  });

  it('has within-source duplicates, families and namesakes', () => {
    for (const name of ['ngo', 'media', 'morgue']) {
      const rows = back.truth.filter((t) => t[0] === name);
      const persons = new Set(rows.map((t) => t[2]));
      const dupShare = (rows.length - persons.size) / rows.length;
      expect(dupShare).toBeGreaterThan(0.01);
      expect(dupShare).toBeLessThan(0.04);
    }
    const official = back.truth.filter((t) => t[0] === 'official');
    expect(new Set(official.map((t) => t[2])).size).toBe(official.length);
    const header = back.persons[0];
    const rel = header.indexOf('relation');
    const kind = header.indexOf('similar_kind');
    const relations = new Set(back.persons.slice(1).map((p) => p[rel]));
    for (const r of ['brother', 'spouse', 'parent-child']) expect(relations).toContain(r);
    const kinds = new Set(back.persons.slice(1).map((p) => p[kind]));
    for (const k of ['namesake', 'full-namesake', 'element-given', 'element-surname']) expect(kinds).toContain(k);
  });

  it('renders a source the same way when rendered again (streaming is repeatable)', () => {
    const plan = scenario.sources[1];
    const a = Array.from(renderSourceRows(scenario, plan)).slice(0, 50);
    const b = Array.from(renderSourceRows(scenario, plan)).slice(0, 50);
    expect(a).toEqual(b);
  });
});

describe('noise', () => {
  it('writes clean lists at --noise 0: no look-alike letters, typos or lost Kazakh letters', () => {
    const scenario = planScenario({ seed: 3, persons: 400, noise: 0 });
    for (const plan of scenario.sources) {
      for (const row of renderSourceRows(scenario, plan)) {
        for (const cell of row.cells) {
          for (const word of cell.split(/[\s,.;()"«»:-]+/)) {
            if (/[а-яёәғқңөұүһі]/i.test(word)) expect(word).not.toMatch(/[a-zəɵ]/i);
          }
        }
      }
    }
  });

  it('adds more look-alike letters at a higher noise', () => {
    const count = (noise: number): number => {
      const scenario = planScenario({ seed: 3, persons: 400, noise });
      let mixed = 0;
      for (const plan of scenario.sources) {
        for (const row of renderSourceRows(scenario, plan)) {
          if (row.cells.some((c) => /[а-яё][a-z]|[a-z][а-яё]/i.test(c))) mixed++;
        }
      }
      return mixed;
    };
    expect(count(3)).toBeGreaterThan(count(1) * 2);
  });
});
