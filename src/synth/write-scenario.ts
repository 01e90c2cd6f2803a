// Writes a planned scenario to a folder (I/O): one CSV per source in its own encoding, config.json, truth/truth.csv
// and truth/persons.csv. Streams in chunks so a million records need little memory; each file is written to
// `file.tmp-<pid>` and renamed into place.
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ReconError } from '../core/errors.js';
import { byteOrderMark, encodeText, formatCsvRow } from './encode.js';
import { PERSONS_HEADER, personRows, renderSourceRows, scenarioConfig, type Scenario } from './scenario.js';
import type { ScriptId } from './scripts.js';

export interface SourceSummary {
  name: string;
  file: string;
  records: number;
  persons: number;
  duplicates: number;
  encoding: string;
  delimiter: string;
  scripts: Partial<Record<ScriptId, number>>;
}

export interface WriteSummary {
  dir: string;
  persons: number;
  listedPersons: number;
  records: number;
  sources: SourceSummary[];
}

const CHUNK_CHARS = 1 << 14;

class ChunkedFile {
  private fd: number;
  private buffer = '';
  readonly tmp: string;

  constructor(
    readonly path: string,
    private readonly encode: (s: string) => Uint8Array,
    bom: Uint8Array,
    pid: number,
  ) {
    this.tmp = `${path}.tmp-${pid}`;
    try {
      this.fd = openSync(this.tmp, 'w');
    } catch (err) {
      throw new ReconError('OUTPUT', `cannot write ${path}: ${(err as Error).message}`, { file: path });
    }
    if (bom.length > 0) writeSync(this.fd, bom);
  }

  write(text: string): void {
    this.buffer += text;
    if (this.buffer.length >= CHUNK_CHARS) this.flush();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    const bytes = this.encode(this.buffer);
    let off = 0;
    while (off < bytes.length) off += writeSync(this.fd, bytes, off, bytes.length - off);
    this.buffer = '';
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
    renameSync(this.tmp, this.path);
  }

  abort(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
    rmSync(this.tmp, { force: true });
  }
}

function writeTextFile(path: string, text: string, pid: number): void {
  const f = new ChunkedFile(path, (s) => Buffer.from(s, 'utf8'), new Uint8Array(0), pid);
  try {
    f.write(text);
    f.close();
  } catch (err) {
    f.abort();
    throw err;
  }
}

/**
 * Writes every file of the scenario under `dir` (created if missing) and returns counts per source.
 * Files: `<source>.csv`, `config.json`, `truth/truth.csv` (`source,row,true_person_id,script`), `truth/persons.csv`.
 */
export function writeScenario(scenario: Scenario, dir: string, pid: number = process.pid): WriteSummary {
  try {
    mkdirSync(join(dir, 'truth'), { recursive: true });
  } catch (err) {
    throw new ReconError('OUTPUT', `cannot create folder ${dir}: ${(err as Error).message}`, { file: dir });
  }
  const truth = new ChunkedFile(join(dir, 'truth', 'truth.csv'), (s) => Buffer.from(s, 'utf8'), new Uint8Array(0), pid);
  const summaries: SourceSummary[] = [];
  try {
    truth.write('source,row,true_person_id,script\n');
    for (const plan of scenario.sources) {
      const p = plan.profile;
      const out = new ChunkedFile(join(dir, plan.fileName), (s) => encodeText(s, p.encoding), byteOrderMark(p.encoding), pid);
      const scripts: Partial<Record<ScriptId, number>> = {};
      let row = 0;
      try {
        out.write(formatCsvRow(plan.header, p.delimiter, p.newline));
        for (const r of renderSourceRows(scenario, plan)) {
          row++;
          out.write(formatCsvRow(r.cells, p.delimiter, p.newline));
          truth.write(`${p.name},${row},${r.personId},${r.script}\n`);
          scripts[r.script] = (scripts[r.script] ?? 0) + 1;
        }
        out.close();
      } catch (err) {
        out.abort();
        throw err;
      }
      const persons = new Set(plan.rows.map((r) => r.person)).size;
      summaries.push({
        name: p.name,
        file: plan.fileName,
        records: row,
        persons,
        duplicates: row - persons,
        encoding: p.encoding,
        delimiter: p.delimiter,
        scripts,
      });
    }
    truth.close();
  } catch (err) {
    truth.abort();
    throw err;
  }
  const persons = new ChunkedFile(join(dir, 'truth', 'persons.csv'), (s) => Buffer.from(s, 'utf8'), new Uint8Array(0), pid);
  try {
    persons.write(formatCsvRow(PERSONS_HEADER, ','));
    for (const row of personRows(scenario)) persons.write(formatCsvRow(row, ','));
    persons.close();
  } catch (err) {
    persons.abort();
    throw err;
  }
  writeTextFile(join(dir, 'config.json'), JSON.stringify(scenarioConfig(scenario), null, 2) + '\n', pid);
  const listed = new Set<number>();
  for (const s of scenario.sources) for (const r of s.rows) listed.add(r.person);
  return {
    dir,
    persons: scenario.persons.length,
    listedPersons: listed.size,
    records: summaries.reduce((a, s) => a + s.records, 0),
    sources: summaries,
  };
}
