import { type LassoNetCheckpoint, ModelOptimizer, type OptimizerOptions } from '@lassonet/model';
import { autoLambdaStart, geometricLambdas } from './lambdaSequence.js';
import type { PathStep } from './pathStep.js';
import { type TrainContext, trainLambda } from './trainLambda.js';

export interface RunPathOptions {
  optimizer: [OptimizerOptions, OptimizerOptions];
  nIters: [number, number];
  patience: [number, number];
  lambdaStart: 'auto' | number;
  pathMultiplier: number;
  /** An explicit sequence (replaces lambdaStart and pathMultiplier); [] trains the dense model only. */
  lambdaSeq: readonly number[] | undefined;
  lambdaMax: number;
  returnCheckpoints: boolean;
  onStep: ((step: PathStep, index: number) => void) | undefined;
  warn: (message: string) => void;
  log: ((message: string) => void) | undefined;
}

export interface PathRun {
  steps: PathStep[];
  /** The first lambda after the dense model (undefined when only the dense model trained). */
  lambdaStart: number | undefined;
}

/**
 * The regularization path (docs/method.md, "The regularization path"): the dense model with the
 * first optimizer, then lambdas in increasing order with one second optimizer kept across them,
 * each warm-started from the previous weights, until no feature is left (or the sequence or
 * lambdaMax ends).
 */
export async function runPath(ctx: TrainContext, o: RunPathOptions): Promise<PathRun> {
  const { net } = ctx;
  const steps: PathStep[] = [];
  const record = (step: PathStep): void => {
    if (o.returnCheckpoints) step.checkpoint = net.toJSON() as LassoNetCheckpoint;
    steps.push(step);
    o.onStep?.(step, steps.length - 1);
  };

  const dense = new ModelOptimizer(o.optimizer[0]);
  try {
    const step = await trainLambda(ctx, 0, dense, o.nIters[0], o.patience[0]);
    o.log?.(
      `dense model: ${step.epochs} epochs, loss ${fmt(step.loss)}, validation loss ${fmt(step.valLoss)}`,
    );
    record(step);
  } finally {
    dense.dispose();
  }
  if (o.lambdaSeq !== undefined && o.lambdaSeq.length === 0) {
    return { steps, lambdaStart: undefined };
  }
  const nFeatures = net.config.nFeatures;
  if ((steps[0] as PathStep).nSelected === 0) return { steps, lambdaStart: undefined };

  const optimizer = new ModelOptimizer(o.optimizer[1]);
  try {
    let lambdas: Iterable<number>;
    let lambdaStart: number;
    if (o.lambdaSeq !== undefined) {
      lambdas = o.lambdaSeq.filter((l) => l <= o.lambdaMax);
      lambdaStart = o.lambdaSeq[0] as number;
    } else {
      lambdaStart =
        o.lambdaStart === 'auto'
          ? await autoLambdaStart(net, { M: ctx.M, learningRate: optimizer.learningRate })
          : o.lambdaStart;
      o.log?.(`lambdaStart = ${fmt(lambdaStart)}${o.lambdaStart === 'auto' ? ' (auto)' : ''}`);
      lambdas = geometricLambdas(lambdaStart, o.pathMultiplier, o.lambdaMax);
    }
    let dense = true;
    let left = (steps[0] as PathStep).nSelected;
    for (const lambda of lambdas) {
      if (left === 0) break;
      const step = await trainLambda(ctx, lambda, optimizer, o.nIters[1], o.patience[1]);
      left = step.nSelected;
      if (dense && left < nFeatures) {
        dense = false;
        if (lambda < 2 * lambdaStart) {
          o.warn(
            `lambdaStart = ${fmt(lambdaStart)}${o.lambdaStart === 'auto' && o.lambdaSeq === undefined ? ' (chosen automatically)' : ''} may be too large: features start to leave at lambda = ${fmt(lambda)}.`,
          );
        }
      }
      o.log?.(
        `lambda ${fmt(lambda)}: ${left} features, ${step.epochs} epochs, validation loss ${fmt(step.valLoss)}`,
      );
      record(step);
    }
    return { steps, lambdaStart };
  } finally {
    optimizer.dispose();
  }
}

function fmt(x: number): string {
  return x.toPrecision(4);
}
