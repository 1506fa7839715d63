import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { LassoNetError } from '@lassonet/core';
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

/** A directory that cannot be written to, or a file where it should be. */
export class OutputError extends LassoNetError<'UNWRITABLE_OUTPUT'> {
  constructor(message: string, options?: { cause?: unknown }) {
    super('UNWRITABLE_OUTPUT', message, options);
  }
}

/** Creates the directory and proves it writable before any training time is spent. */
export async function prepareOutDir(out: string): Promise<string> {
  const dir = resolve(out);
  const probe = join(dir, `.lassonet-write-test-${process.pid}`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(probe, '');
    await rm(probe, { force: true });
  } catch (error) {
    throw new OutputError(`Cannot write to the output directory ${dir}: ${reason(error)}`);
  }
  return dir;
}

/** The charts and the JSON summary; returns the paths written. */
export async function writeOutputs(
  dir: string,
  summary: DemoSummary,
  extra: { cv?: CVResult; stability?: StabilitySelectionResult } = {},
): Promise<string[]> {
  const accuracies = summary.steps.map((s) => s.testAccuracy);
  const title = `LassoNet on MICE proteins (${summary.nTrain} train, ${summary.nTest} test rows)`;
  const files: [string, Uint8Array | string][] = [
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
    [OUTPUT_FILES.json, `${JSON.stringify(summary, null, 2)}\n`],
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
  const written: string[] = [];
  for (const [name, body] of files) {
    const path = join(dir, name);
    try {
      await writeFile(path, body);
    } catch (error) {
      throw new OutputError(`Cannot write ${path}: ${reason(error)}`);
    }
    written.push(path);
  }
  return written;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message.replace(/^[A-Z]+: /, '') : String(error);
}
