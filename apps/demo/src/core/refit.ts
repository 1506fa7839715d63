import { LassoNetClassifier, stepWithAtMost } from '@lassonet/path';
import type { DemoData, DemoStep } from './demoPath.js';
import { classifierOptions, type DemoSettings } from './settings.js';

/** The paper's protocol sizes: the first step with at most k features. */
export const PROTOCOL_SIZES = [10, 20, 50] as const;

export interface ProtocolResult {
  /** Features of the first step with at most k (fewer when the path skips past k). */
  nSelected: number;
  /** Test accuracy of a dense model trained on those features only (null if none is left). */
  accuracy: number | null;
}

/**
 * The paper's evaluation: for each k, take the first step of the path with at most k features,
 * train a dense model (same settings, no penalty) on those features only, and score it on the
 * test rows.
 */
export async function refitProtocol(
  split: DemoData,
  steps: readonly DemoStep[],
  settings: DemoSettings,
  options: { sizes?: readonly number[]; signal?: AbortSignal } = {},
): Promise<Record<string, ProtocolResult>> {
  const result: Record<string, ProtocolResult> = {};
  for (const k of options.sizes ?? PROTOCOL_SIZES) {
    const step = stepWithAtMost(steps, k);
    if (step === undefined) throw new Error(`The path never reached ${k} features or fewer.`);
    if (step.nSelected === 0) {
      result[k] = { nSelected: 0, accuracy: null };
      continue;
    }
    const columns = (rows: readonly (readonly number[])[]) =>
      rows.map((row) => step.selected.map((j) => row[j] as number));
    const dense = new LassoNetClassifier(classifierOptions(settings));
    try {
      await dense.fit(columns(split.XTrain), split.yTrain, {
        denseOnly: true,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      });
      result[k] = {
        nSelected: step.nSelected,
        accuracy: dense.score(columns(split.XTest), split.yTest),
      };
    } finally {
      dense.dispose();
    }
  }
  return result;
}
