// Builders for diff tests: an IngestedSource from a few record literals (names are synthetic).
import type { IngestedSource, SourceRecord } from '../../src/core/types.js';

export type RecordSpec = Partial<Omit<SourceRecord, 'source' | 'row' | 'key' | 'line' | 'cells' | 'warnings'>> & { rawName: string; cells?: Record<string, string> };

export function makeSource(name: string, specs: RecordSpec[], extra: Partial<IngestedSource> = {}): IngestedSource {
  const records: SourceRecord[] = specs.map((s, k) => ({
    source: name,
    row: k + 1,
    line: k + 2,
    key: `${name}:${k + 1}`,
    warnings: [],
    ...s,
    cells: s.cells ?? { ФИО: s.rawName },
  }));
  return {
    name,
    path: `${name}.csv`,
    sha256: JSON.stringify(specs),
    encoding: 'utf-8',
    delimiter: ',',
    columns: { ФИО: 'full_name', Возраст: 'age', Место: 'place', '№': 'source_id' },
    records,
    rejected: [],
    warnings: [],
    ...extra,
  };
}
