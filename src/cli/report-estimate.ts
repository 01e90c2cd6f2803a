// The population-estimate section of report.md / report.json, computed from the merged persons.
import type { ReconcileResult } from '../pipeline/reconcile.js';

export interface EstimateSection {
  json: unknown;
  markdown: string;
}

export function estimateSection(result: ReconcileResult): EstimateSection | undefined {
  void result;
  return undefined;
}
