import { type Tensor, tf } from '@lassonet/backend';
import type { Batch, Evaluation, L2Mode, LassoNet, ModelOptimizer } from '@lassonet/model';
import { EarlyStopping } from './earlyStopping.js';
import type { Minibatches } from './minibatches.js';
import type { Pacer } from './pacer.js';
import type { PathStep } from './pathStep.js';

/** What training on one lambda needs besides the lambda itself. */
export interface TrainContext {
  net: LassoNet;
  train: Batch;
  /** The validation batch; the training batch itself when validating on the training data. */
  val: Batch;
  /** Present when training in minibatches. */
  minibatches: Minibatches | undefined;
  gamma: number;
  gammaSkip: number;
  l2: L2Mode;
  M: number;
  tol: number;
  backtrack: boolean;
  pacer: Pacer;
}

/**
 * Trains at one lambda (docs/method.md, "Training at one penalty"): optimizer step and Hier-Prox on
 * every batch, the validation objective after every epoch, early stopping, and with `backtrack` the
 * weights of the best epoch. Returns the step's record, without a checkpoint.
 */
export async function trainLambda(
  ctx: TrainContext,
  lambda: number,
  optimizer: ModelOptimizer,
  nIters: number,
  patience: number,
): Promise<PathStep> {
  const { net, train, val } = ctx;
  // Options are checked once here; the epochs below only run.
  const trainer = net.trainer({
    optimizer,
    lambda,
    gamma: ctx.gamma,
    gammaSkip: ctx.gammaSkip,
    l2: ctx.l2,
    M: ctx.M,
  });
  // In full batches, each evaluation also computes the next step's gradient where a helper
  // thread can take the evaluation beside its half (see Trainer.evaluateAhead).
  const evaluateVal = (): Promise<Evaluation> | Evaluation =>
    ctx.minibatches === undefined ? trainer.evaluateAhead(val, train) : trainer.evaluate(val);
  let current = await evaluateVal();
  const stopping = new EarlyStopping(current.objective, ctx.tol, patience);
  let best: { evaluation: Evaluation; weights: Tensor[] } | undefined = ctx.backtrack
    ? { evaluation: current, weights: snapshot(net) }
    : undefined;
  let epochs = 0;
  try {
    while (epochs < nIters) {
      await ctx.pacer.tick();
      if (ctx.minibatches === undefined) {
        trainer.step(train);
      } else {
        for (const batch of ctx.minibatches.epoch()) {
          try {
            trainer.step(batch);
          } finally {
            batch.dispose();
          }
        }
      }
      epochs++;
      current = await evaluateVal();
      const stop = stopping.update(current.objective);
      if (best !== undefined && current.objective < best.evaluation.objective) {
        tf.dispose(best.weights);
        best = { evaluation: current, weights: snapshot(net) };
      }
      if (stop) break;
    }
    if (best !== undefined) {
      restore(net, best.weights);
      current = best.evaluation;
    }
  } finally {
    trainer.release();
    if (best !== undefined) tf.dispose(best.weights);
  }
  const onTrain = val === train ? current : await trainer.evaluate(train);
  const selected = net.inputMask();
  return {
    lambda,
    selected,
    nSelected: selected.filter(Boolean).length,
    loss: onTrain.loss,
    valLoss: current.loss,
    objective: onTrain.objective,
    valObjective: current.objective,
    regularization: current.skipNorm,
    epochs,
  };
}

/** Copies of every weight, kept on the backend. */
function snapshot(net: LassoNet): Tensor[] {
  return net.variables().map((v) => tf.clone(v));
}

function restore(net: LassoNet, weights: readonly Tensor[]): void {
  net.variables().forEach((v, i) => {
    v.assign(weights[i] as Tensor);
  });
}
