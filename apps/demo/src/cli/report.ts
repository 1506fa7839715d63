import { alignColumns, firstStepPerCount } from '@lassonet/cli/kit';
import { stepWithAtMost } from '@lassonet/path';
import type { DemoStep } from '../core/demoPath.js';
import type { ProtocolResult } from '../core/refit.js';
import type { DemoSummary } from '../core/summary.js';

/** Sizes at which the selected proteins are listed. */
export const LISTED_SIZES = [20, 10, 5] as const;

/** One row per number of selected features: the first step along the path that has it. */
export function pathTable(steps: readonly DemoStep[]): string {
  return alignColumns([
    ['features', 'lambda', 'test accuracy'],
    ...firstStepPerCount(steps).map((step) => [
      String(step.nSelected),
      step.lambda === 0 ? '0 (dense)' : step.lambda.toPrecision(4),
      step.testAccuracy.toFixed(3),
    ]),
  ]);
}

/** The proteins kept by the first step with at most k features, for each listed k. */
export function selectedProteins(
  steps: readonly DemoStep[],
  featureNames: readonly string[],
  sizes: readonly number[] = LISTED_SIZES,
): string {
  const lines: string[] = [];
  const listed = new Set<DemoStep>();
  for (const k of sizes) {
    const step = stepWithAtMost(steps, k);
    if (step === undefined || step.nSelected === 0 || listed.has(step)) continue;
    listed.add(step);
    const names = step.selected.map((j) => featureNames[j] ?? `feature ${j}`);
    lines.push(
      `${step.nSelected} protein${step.nSelected === 1 ? '' : 's'} (lambda ${step.lambda.toPrecision(4)}, test accuracy ${step.testAccuracy.toFixed(3)}): ${names.join(', ')}`,
    );
  }
  return lines.join('\n');
}

/** The refit protocol as a table: k, features used, test accuracy of the dense model. */
export function protocolTable(protocol: Record<string, ProtocolResult>): string {
  const rows = [['k', 'features', 'refit test accuracy']];
  for (const [k, r] of Object.entries(protocol)) {
    rows.push([k, String(r.nSelected), r.accuracy === null ? '-' : r.accuracy.toFixed(3)]);
  }
  return alignColumns(rows);
}

const names = (indices: readonly number[], featureNames: readonly string[]) =>
  indices.map((j) => featureNames[j] ?? `feature ${j}`).join(', ');

/** The cross-validated choice in a few lines. */
export function cvReport(
  cv: NonNullable<DemoSummary['cv']>,
  featureNames: readonly string[],
): string {
  const how = cv.concurrency === null ? 'default concurrency' : `concurrency ${cv.concurrency}`;
  return [
    `Cross-validation (${cv.folds} folds, ${how}, ${cv.seconds.toFixed(1)} s): best lambda ${cv.bestLambda.toPrecision(4)}, CV accuracy ${cv.bestCvScore.toFixed(3)}.`,
    `Refit on all training rows: ${cv.nSelected} proteins, test accuracy ${cv.testAccuracy.toFixed(3)}: ${names(cv.selected, featureNames)}`,
  ].join('\n');
}

/** The stability ranking: how many proteins to keep, and which. */
export function stabilityReport(
  stability: NonNullable<DemoSummary['stability']>,
  featureNames: readonly string[],
): string {
  const kept = stability.order.slice(0, stability.oracle);
  return [
    `Stability selection (${stability.nModels} models, ${stability.seconds.toFixed(1)} s): keep ${stability.oracle} proteins${kept.length > 0 ? `: ${names(kept, featureNames)}` : ''}.`,
    `Most stable first: ${names(stability.order.slice(0, 10), featureNames)}, …`,
  ].join('\n');
}
