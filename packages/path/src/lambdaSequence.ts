import { firstDropPenalty } from '@lassonet/hier-prox';
import type { LassoNet } from '@lassonet/model';

/**
 * lambdaStart, lambdaStart·m, lambdaStart·m², … up to lambdaMax (docs/method.md, "The
 * regularization path").
 */
export function* geometricLambdas(
  lambdaStart: number,
  pathMultiplier: number,
  lambdaMax = Number.POSITIVE_INFINITY,
): Generator<number> {
  for (let lambda = lambdaStart; lambda <= lambdaMax; lambda *= pathMultiplier) yield lambda;
}

/**
 * lambdaStart = 'auto' (docs/method.md, "The first penalty"): on the dense weights, the largest
 * step penalty on the grid 1e-6·2^k whose Hier-Prox, repeated to a fixed point, still keeps every
 * feature — half the smallest that removes one, as the upstream search returns — divided by the
 * path's learning rate and by 10, so that the path starts where features are about to leave.
 */
export async function autoLambdaStart(
  net: LassoNet,
  { M, learningRate }: { M: number; learningRate: number },
): Promise<number> {
  const hidden = net.layers[0]?.weight;
  if (hidden === undefined) throw new Error('The network has no first layer.');
  const groups = net.config.groups;
  // The upstream search tests 2e-6, 4e-6, … and returns the value before the first that drops a
  // feature; starting the grid at 2e-6 and halving the first drop gives the same number.
  const drop = await firstDropPenalty(net.skip, hidden, {
    M,
    start: 2e-6,
    factor: 2,
    ...(groups === null ? {} : { groups }),
  });
  return drop.lambda / 2 / learningRate / 10;
}
