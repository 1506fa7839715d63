import type { HostMatrix } from '@lassonet/model';
import { type PlainY, takeRows } from '../hostData.js';
import type { LassoNetOptions } from '../options.js';
import type { PathStep } from '../pathStep.js';
import { createEstimator, type EstimatorKind } from '../registry.js';

export type { EstimatorKind, PlainY };

/**
 * One independent path (a cross-validation fold, a stability-selection model): plain data only,
 * so it runs the same in this thread or in a worker.
 */
export interface PathTask {
  kind: EstimatorKind;
  /** Estimator options (plain data: no functions). */
  options: LassoNetOptions & Record<string, unknown>;
  X: HostMatrix;
  y: PlainY;
  /** Rows the path trains on. */
  train: number[];
  /** Rows scored (estimator.score) after every step, when given. */
  test?: number[];
  /** The lambda sequence; default: the estimator's own (lambdaStart, pathMultiplier). */
  lambdaSeq?: number[];
}

export interface PathTaskResult {
  /** The steps, without checkpoints. */
  steps: PathStep[];
  /** scores[t]: the score of step t on the test rows (when the task has them). */
  scores?: number[];
}

const pick = <T>(values: readonly T[], index: readonly number[]): T[] =>
  index.map((i) => values[i] as T);

/** Runs one task in this thread. Scores need each step's weights, which are dropped after. */
export async function runPathTask(
  task: PathTask,
  options: { signal?: AbortSignal } = {},
): Promise<PathTaskResult> {
  const model = createEstimator(task.kind, task.options);
  const scorer = task.test === undefined ? undefined : createEstimator(task.kind, task.options);
  const XTest = task.test === undefined ? undefined : takeRows(task.X, task.test);
  const yTest = task.test === undefined ? undefined : pick<unknown>(task.y, task.test);
  const scores: number[] = [];
  try {
    const steps = await model.path(
      takeRows(task.X, task.train),
      pick<unknown>(task.y, task.train),
      {
        returnCheckpoints: scorer !== undefined,
        ...(task.lambdaSeq === undefined ? {} : { lambdaSeq: task.lambdaSeq }),
        ...(options.signal === undefined ? {} : { signal: options.signal }),
        onStep: (step) => {
          if (scorer === undefined || XTest === undefined) return;
          scorer.load(step);
          scores.push(scorer.score(XTest, yTest));
          delete step.checkpoint;
        },
        onWarning: () => {},
      },
    );
    return scorer === undefined ? { steps } : { steps, scores };
  } finally {
    model.dispose();
    scorer?.dispose();
  }
}
