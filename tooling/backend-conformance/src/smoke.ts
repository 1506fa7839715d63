import { tf } from '@lassonet/backend';
import { expect } from 'vitest';

/**
 * Squares a small matrix on the active backend and checks the exact product: a quick sign that
 * the backend computes at all, before (or instead of) the full conformance suite.
 */
export async function expectSmallMatMul(): Promise<void> {
  const x = tf.tensor2d([
    [1, 2],
    [3, 4],
  ]);
  const y = tf.matMul(x, x);
  expect(Array.from(await y.data())).toEqual([7, 10, 15, 22]);
  tf.dispose([x, y]);
}
