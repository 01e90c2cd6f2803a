// Plain-text rendering of a linkage evaluation: aligned figures, per-script table, relations merged, and the worst
// false merges and missed links with the names as written. Pure.
import type { ErrorRecord, LinkageEvaluation, RelationMerges } from './metrics.js';

const f4 = (x: number): string => x.toFixed(4);

function recordLine(r: ErrorRecord, show: 'true' | 'predicted'): string {
  const id = show === 'true' ? r.truePersonId : r.predictedPersonId || '(none)';
  const name = r.name === '' ? '(no name)' : JSON.stringify(r.name);
  return `    ${r.key.padEnd(14)} ${id.padEnd(10)} ${name}`;
}

function relationLine(label: string, r: RelationMerges | undefined): string | undefined {
  if (!r) return undefined;
  const ex = r.examples.slice(0, 5).map((e) => `${e.a}+${e.b}`).join(', ');
  return `${label.padEnd(22)}${r.merged} merged of ${r.pairs} pairs${ex ? ` (${ex}${r.examples.length > 5 ? ', ...' : ''})` : ''}`;
}

/** Renders the evaluation as aligned text for people (the default output of `reconcile evaluate`). */
export function formatEvaluation(e: LinkageEvaluation): string {
  const out: string[] = [];
  out.push(
    `records ${e.records}, true persons ${e.truePersons}, predicted persons ${e.predictedPersons}` +
      ` (difference ${e.predictedPersons - e.truePersons >= 0 ? '+' : ''}${e.predictedPersons - e.truePersons})` +
      `, rejected ${e.rejected}`,
  );
  out.push('');
  out.push(`${''.padEnd(22)}precision  recall     F1`);
  const p = e.pairwise;
  out.push(
    `${'pairwise'.padEnd(22)}${f4(p.precision).padEnd(11)}${f4(p.recall).padEnd(11)}${f4(p.f1)}` +
      `   true pairs ${p.truePairs}, predicted ${p.predictedPairs}, correct ${p.correctPairs}`,
  );
  out.push(`${'B-cubed'.padEnd(22)}${f4(e.bcubed.precision).padEnd(11)}${f4(e.bcubed.recall).padEnd(11)}${f4(e.bcubed.f1)}`);
  if (e.blocking) {
    const b = e.blocking;
    out.push(
      `${'blocking recall'.padEnd(22)}${''.padEnd(11)}${f4(b.recall).padEnd(11)}${''.padEnd(6)}` +
        `   candidate pairs ${b.candidatePairs}, true pairs covered ${b.coveredTruePairs} of ${b.truePairs}`,
    );
  }
  const rel = [relationLine('relatives', e.relatives), relationLine('namesakes', e.namesakes)].filter((x) => x !== undefined);
  if (rel.length > 0) {
    out.push('');
    out.push(...(rel as string[]));
  }
  if (e.byScriptPair.length > 0) {
    out.push('');
    out.push(`${'script pair'.padEnd(24)}${'true'.padStart(8)}${'predicted'.padStart(11)}${'correct'.padStart(9)}  precision  recall`);
    for (const s of e.byScriptPair) {
      out.push(
        `${`${s.a} ~ ${s.b}`.padEnd(24)}${String(s.truePairs).padStart(8)}${String(s.predictedPairs).padStart(11)}` +
          `${String(s.correctPairs).padStart(9)}  ${f4(s.precision).padEnd(9)}  ${f4(s.recall)}`,
      );
    }
  }
  out.push('');
  out.push(`worst false merges (${e.falseMerges.length} shown): predicted person, then its records with their true person`);
  if (e.falseMerges.length === 0) out.push('  none');
  for (const m of e.falseMerges) {
    out.push(`  ${m.predictedPersonId}: ${m.truePersons} true persons, ${m.wrongPairs} wrong pair(s)`);
    for (const r of m.records) out.push(recordLine(r, 'true'));
  }
  out.push('');
  out.push(`worst missed links (${e.missedLinks.length} shown): true person, then its records with their predicted person`);
  if (e.missedLinks.length === 0) out.push('  none');
  for (const m of e.missedLinks) {
    out.push(`  ${m.truePersonId}: split into ${m.predictedPersons}, ${m.missedPairs} missed pair(s)`);
    for (const r of m.records) out.push(recordLine(r, 'predicted'));
  }
  if (e.blocking && e.blocking.missed.length > 0) {
    out.push('');
    out.push(`true pairs blocking never proposed (${e.blocking.missed.length} shown of ${e.blocking.truePairs - e.blocking.coveredTruePairs})`);
    for (const m of e.blocking.missed) {
      out.push(`  ${m.truePersonId}: ${m.a.key} ${JSON.stringify(m.a.name)} ~ ${m.b.key} ${JSON.stringify(m.b.name)}`);
    }
  }
  if (e.rejectedRecords.length > 0) {
    out.push('');
    out.push(`rejected records, counted as singletons (${e.rejectedRecords.length})`);
    for (const r of e.rejectedRecords.slice(0, 20)) {
      out.push(`    ${r.key.padEnd(14)} ${r.truePersonId.padEnd(10)} ${JSON.stringify(r.name)}`);
    }
    if (e.rejectedRecords.length > 20) out.push(`    ... ${e.rejectedRecords.length - 20} more`);
  }
  for (const w of e.warnings) out.push(`warning: ${w}`);
  return out.join('\n') + '\n';
}
