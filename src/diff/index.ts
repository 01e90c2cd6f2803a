// The diff stage's public API: diffLists (two versions of a source), diffOutputs (two merge outputs), renderers.
import { renderListCsv, renderOutputsCsv } from './render-csv.js';
import { renderListMarkdown, renderOutputsMarkdown } from './render-md.js';
import { renderListText, renderOutputsText } from './render-text.js';
import type { AnyDiff } from './types.js';

export { diffLists, type ListDiffOptions } from './diff-lists.js';
export { diffOutputs, alignRecords, PERSON_FIELDS } from './diff-outputs.js';
export { parseOutput, type OutputData, type OutputPerson, type OutputRecord } from './read-output.js';
export { findMoved, pairByKey } from './pair-records.js';
export { renderListCsv, renderOutputsCsv, renderListMarkdown, renderOutputsMarkdown, renderListText, renderOutputsText };
export type * from './types.js';

export type DiffFormat = 'text' | 'md' | 'csv' | 'json';
export const DIFF_FORMATS: readonly DiffFormat[] = ['text', 'md', 'csv', 'json'];

/** Renders either kind of diff in a format; `color` applies to text only. */
export function renderDiff(d: AnyDiff, format: DiffFormat, options: { color?: boolean } = {}): string {
  if (format === 'json') return JSON.stringify(d, null, 2) + '\n';
  if (d.kind === 'list') {
    if (format === 'md') return renderListMarkdown(d);
    if (format === 'csv') return renderListCsv(d);
    return renderListText(d, options);
  }
  if (format === 'md') return renderOutputsMarkdown(d);
  if (format === 'csv') return renderOutputsCsv(d);
  return renderOutputsText(d, options);
}
