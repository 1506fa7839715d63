import { tf } from '@lassonet/backend';
import { expect } from 'vitest';
import type { BaseLassoNet } from '../estimator.js';
import type { PathStep } from '../pathStep.js';
import { createEstimator, type EstimatorKind } from '../registry.js';
import { contractData, DENSE_ONLY, expectError } from './checkEstimator.js';
import { thrown } from './errors.js';

/** The dense step, with its checkpoint, of an estimator of another kind. */
export async function checkpointOf(kind: EstimatorKind): Promise<PathStep> {
  const { X, y } = contractData(kind);
  const model = createEstimator(kind, { ...DENSE_ONLY });
  const [dense] = await model.path(X, y, { returnCheckpoints: true });
  model.dispose();
  return dense as PathStep;
}

/**
 * Loading `kind`'s checkpoint into `estimator` fails with INVALID_CHECKPOINT and `message`, and
 * allocates nothing.
 */
export async function expectForeignCheckpointRejected(
  estimator: BaseLassoNet<unknown, unknown>,
  kind: EstimatorKind,
  message: RegExp,
): Promise<void> {
  const step = await checkpointOf(kind);
  const before = tf.memory().numTensors;
  expectError(
    thrown(() => estimator.load(step)),
    'INVALID_CHECKPOINT',
    message,
  );
  expect(tf.memory().numTensors).toBe(before);
}
