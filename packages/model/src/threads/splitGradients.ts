import { type Scalar, type Tensor, type Tensor1D, type Tensor2D, tf } from '@lassonet/backend';
import type { ActiveColumns, ActiveWeights } from '../activeRows.js';
import {
  backward,
  forward,
  type Gradients,
  type Params,
  type WithOnes,
} from '../forwardBackward.js';
import type { Target } from '../losses/target.js';
import type { RowSplitThread } from './rowSplitThread.js';

/** A batch's rows as two threads share them: the first `nA` here, the rest in the helper. */
export interface RowHalves {
  thread: RowSplitThread;
  /** The helper's id for its rows. */
  id: number;
  nA: number;
  nB: number;
  XA: Tensor2D;
  XtA: Tensor2D;
  /** [XA | 1] and its transpose (see `backward`). */
  onesA: WithOnes | null;
  /** XA's columns for the active features (see `forward`). */
  columnsA: ActiveColumns;
  /** The loss on the first `nA` rows, when the loss splits by rows (see `Target.part`). */
  targetA: Target | undefined;
}

/**
 * The gradient of the loss on a whole batch whose rows are split between two threads; the
 * weight gradients of the halves are added, this thread's first. When the loss splits by rows,
 * each thread takes its rows' whole gradient (one exchange per step). Otherwise (Cox, the
 * interval loss) both run the forward pass, the gradient with respect to the outputs is taken
 * here on all rows, then both run the backward pass. Call inside tf.tidy.
 */
export function splitGradients(
  params: Params,
  halves: RowHalves,
  target: Target,
  logSigma: Scalar | undefined,
  wide: boolean,
  /** The helper's id of a batch whose loss it computes besides (see `Batch.inHelper`). */
  evalId?: number,
  /** The rows of the weights for the active features; the helper finds the same ones. */
  active?: ActiveWeights,
): { gradients: Gradients; gradLogSigma: Scalar | undefined; evalLoss?: number } {
  const { thread, nA, nB, XA, XtA, onesA, targetA } = halves;
  const first = params.layers[0] as Params['layers'][number];
  const dims = [first.weight.shape[0], ...params.layers.map((l) => l.weight.shape[1])];
  const weights = [params.skip, ...params.layers.flatMap((l) => [l.weight, l.bias])];
  const XtIfWide = wide ? XtA : undefined;
  const activeA = halves.columnsA.input(XA, active);
  if (targetA !== undefined) {
    thread.startGradients(halves.id, dims, weights, wide, evalId);
    const mine = settling(
      () => {
        const cache = forward(params, XA, undefined, XtIfWide, activeA);
        return backward(
          params,
          XA,
          XtA,
          cache,
          gradientOf(targetA, cache.out).gradOut,
          undefined,
          onesA,
        );
      },
      () => thread.gradientsResult(),
    );
    const theirs = thread.gradientsResult();
    if (evalId === undefined) return { gradients: added(mine, theirs), gradLogSigma: undefined };
    return {
      gradients: added(mine, theirs.slice(0, -1)),
      gradLogSigma: undefined,
      evalLoss: (theirs.at(-1) as Float32Array)[0] as number,
    };
  }
  thread.startForward(halves.id, dims, weights, wide);
  const cacheA = settling(
    () => forward(params, XA, undefined, XtIfWide, activeA),
    () => thread.forwardResult(),
  );
  const nOutputs = cacheA.out.shape[1];
  const outB = tf.tensor2d(thread.forwardResult().slice(), [nB, nOutputs]);
  const { gradOut, gradLogSigma } = gradientOf(target, tf.concat([cacheA.out, outB]), logSigma);
  thread.startBackward(tf.slice(gradOut, [nA, 0], [nB, nOutputs]));
  const mine = settling(
    () =>
      backward(
        params,
        XA,
        XtA,
        cacheA,
        tf.slice(gradOut, [0, 0], [nA, nOutputs]),
        undefined,
        onesA,
      ),
    () => thread.backwardResult(),
  );
  return { gradients: added(mine, thread.backwardResult()), gradLogSigma };
}

function gradientOf(target: Target, out: Tensor2D, logSigma?: Scalar) {
  return target.outputGradient !== undefined
    ? target.outputGradient(out, logSigma)
    : target.lossAndGradient(out, logSigma);
}

/** `mine` plus the helper's gradients (views of the channel's memory, copied here). */
function added(mine: Gradients, theirs: readonly Float32Array[]): Gradients {
  const plus = <T extends Tensor>(t: T, k: number): T =>
    tf.add(t, tf.tensor((theirs[k] as Float32Array).slice(), t.shape)) as T;
  return {
    skip: plus(mine.skip, 0),
    layers: mine.layers.map((layer, l) => ({
      weight: plus(layer.weight, 1 + 2 * l),
      bias: plus(layer.bias, 2 + 2 * l) as Tensor1D,
    })),
  };
}

/** `run()`; when it throws, the helper's pending answer is read (and dropped) first. */
function settling<T>(run: () => T, answer: () => unknown): T {
  try {
    return run();
  } catch (error) {
    try {
      answer();
    } catch {
      // The error of this thread is the one to report.
    }
    throw error;
  }
}
