import { join } from 'node:path';
import { type FileBody, jsonText, writeFilesAtomically } from '@lassonet/cli/kit';
import type { CVResult, StabilitySelectionResult } from '@lassonet/path';
import { plotAccuracy, plotCV, plotPath, plotStability } from '@lassonet/plot';
import type { DemoSummary } from '../core/summary.js';

/** Files the demo writes into --out. */
export const OUTPUT_FILES = {
  accuracy: 'mice-accuracy.png',
  path: 'mice-path.png',
  json: 'mice-path.json',
  cv: 'mice-cv.png',
  stability: 'mice-stability.png',
} as const;

/**
 * The charts and the JSON summary, into a directory made ready by `prepareOutDir`. None is
 * replaced until all are complete (a failure leaves the files already there as they were).
 * Returns the paths written.
 */
export async function writeOutputs(
  dir: string,
  summary: DemoSummary,
  extra: { cv?: CVResult; stability?: StabilitySelectionResult } = {},
): Promise<string[]> {
  const accuracies = summary.steps.map((s) => s.testAccuracy);
  const title = `LassoNet on MICE proteins (${summary.nTrain} train, ${summary.nTest} test rows)`;
  const files: [name: string, body: FileBody][] = [
    [
      OUTPUT_FILES.accuracy,
      await plotAccuracy(summary.steps, accuracies, {
        scoreName: 'Test accuracy',
        title,
      }).toPNG({ scale: 2 }),
    ],
    [
      OUTPUT_FILES.path,
      await plotPath(summary.steps, accuracies, { scoreName: 'Test accuracy', title }).toPNG({
        scale: 2,
      }),
    ],
    [OUTPUT_FILES.json, jsonText(summary)],
  ];
  if (extra.cv !== undefined) {
    files.push([
      OUTPUT_FILES.cv,
      await plotCV(extra.cv, {
        scoreName: 'Accuracy',
        title: 'MICE proteins: 5-fold cross-validation of the classifier path',
      }).toPNG({ scale: 2 }),
    ]);
  }
  if (extra.stability !== undefined) {
    files.push([
      OUTPUT_FILES.stability,
      await plotStability(extra.stability, summary.featureNames, {
        title: 'MICE proteins: stability selection',
        top: 8,
      }).toPNG({ scale: 2 }),
    ]);
  }
  const paths = files.map(([name, body]) => [join(dir, name), body] as const);
  await writeFilesAtomically(paths);
  return paths.map(([path]) => path);
}
