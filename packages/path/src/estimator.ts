import { functionOption, numberOption, parseOptions, Random } from '@lassonet/core';
import {
  type Batch,
  checkGroupsFor,
  type Features,
  type HostMatrix,
  hostFeatures,
  LassoNet,
  type LassoNetCheckpoint,
  type Loss,
  ModelError,
  RowSplitThread,
} from '@lassonet/model';
import * as v from 'valibot';
import { featureImportances, selectedIndices } from './featureImportances.js';
import { allRows, type HostTargets, type PlainY, plainTargets, takeRows } from './hostData.js';
import { Minibatches } from './minibatches.js';
import {
  type EstimatorSchema,
  type LassoNetOptions,
  parseEstimatorOptions,
  parseLambdaSeq,
  type ResolvedOptions,
  signalSchema,
} from './options.js';
import { Pacer } from './pacer.js';
import type { PathStep } from './pathStep.js';
import { runPath } from './runPath.js';

/** Options of `path()`. */
export interface PathOptions<Y> {
  /** Validation data for early stopping (both or neither); they replace the valSize split. */
  XVal?: Features;
  yVal?: Y;
  /** A lambda sequence for this call, replacing the estimator's lambdaStart/lambdaSeq; [] trains the dense model only. */
  lambdaSeq?: readonly number[];
  /** Stop the path after the first lambda above this. Default Infinity. */
  lambdaMax?: number;
  /** Keep each step's weights in `step.checkpoint`. Default false. */
  returnCheckpoints?: boolean;
  /** Called after the dense model and after every lambda: progress bars and live charts hang on it. */
  onStep?: (step: PathStep, index: number) => void;
  /** Aborting stops the path between epochs; the promise rejects with an AbortError. */
  signal?: AbortSignal;
  /** Receives warnings (such as a lambdaStart that looks too large). Default console.warn. */
  onWarning?: (message: string) => void;
}

/** Options of `fit()`. */
export interface FitOptions<Y> {
  XVal?: Features;
  yVal?: Y;
  /** Train the dense model only (lambda = 0), e.g. on a chosen subset of features. Default false. */
  denseOnly?: boolean;
  onStep?: (step: PathStep, index: number) => void;
  signal?: AbortSignal;
  onWarning?: (message: string) => void;
}

// X and y of the validation set are checked with the training data, as features and targets.
const trainingEntries = {
  XVal: v.optional(v.unknown()),
  yVal: v.optional(v.unknown()),
  onStep: v.optional(functionOption<(step: PathStep, index: number) => void>()),
  signal: v.optional(signalSchema),
  onWarning: v.optional(functionOption<(message: string) => void>()),
};

const pathOptionsSchema = v.strictObject({
  ...trainingEntries,
  lambdaSeq: v.optional(v.unknown()),
  lambdaMax: v.optional(numberOption({ min: 0 })),
  returnCheckpoints: v.optional(v.boolean('must be true or false'), false),
});

const fitOptionsSchema = v.strictObject({
  ...trainingEntries,
  denseOnly: v.optional(v.boolean('must be true or false'), false),
});

/**
 * The random streams of one seed (see Random.stream): the network takes streams 0 and 1 (initial
 * weights, dropout), so no two uses of a seed draw from one sequence.
 */
const RANDOM_STREAMS = { validation: 2, minibatches: 3 } as const;

/** What a saved estimator holds: its kind, options as given, and the fitted network. */
export interface EstimatorJSON {
  format: 'lassonet-estimator';
  version: 1;
  /** The registered estimator kind ('regressor', 'classifier', 'cox', 'interval'). */
  kind: string;
  options: Record<string, unknown>;
  checkpoint: LassoNetCheckpoint;
}

/** Train and validation rows, on the host. */
interface Split<Y> {
  XTrain: HostMatrix;
  yTrain: HostTargets<Y>;
  XVal: HostMatrix | undefined;
  yVal: HostTargets<Y> | undefined;
}

/**
 * What the four estimators share: options, the path, fit, load and the fitted network.
 * Subclasses say how their targets are read, how many outputs they need, which loss they
 * train, and how they predict and score.
 */
export abstract class BaseLassoNet<YIn, Y, O extends LassoNetOptions = LassoNetOptions> {
  /** The registered kind of estimator ('regressor', 'classifier', 'cox', 'interval'). */
  abstract readonly kind: string;
  /** The options as given (defaults are filled in when training). */
  readonly options: Readonly<O>;
  /** The steps of the last `path()` or `fit()`. */
  fittedPath: PathStep[] | undefined;
  /** The lambda at which each feature left the last path (Infinity if it never did). */
  featureImportances: number[] | undefined;
  /** The first lambda of the last path after the dense model (resolved when 'auto'). */
  lambdaStart: number | undefined;
  protected readonly resolved: ResolvedOptions;
  private net: LassoNet | undefined;

  protected constructor(options: O | undefined, schema: EstimatorSchema) {
    this.resolved = parseEstimatorOptions(schema, options, this.constructor.name);
    this.options = Object.freeze({ ...(options ?? ({} as O)) });
  }

  /** Checks y against n rows and keeps it on the host. */
  protected abstract readTargets(y: YIn, n: number, name: string): HostTargets<Y>;
  /** The number of network outputs the training targets need. */
  protected abstract nOutputs(y: HostTargets<Y>): number;
  protected abstract loss(): Loss<Y>;
  /** Whether the network learns log(sigma) (the interval-censored loss). */
  protected get logSigma(): boolean {
    return false;
  }

  /**
   * Trains the regularization path: the dense model, then increasing lambdas until no feature
   * is left. Returns one plain step per lambda, the dense model first; the estimator keeps the
   * last step's network (use `load(step)` with `returnCheckpoints` to go back to another).
   */
  async path(X: Features, y: YIn, options: PathOptions<YIn> = {}): Promise<PathStep[]> {
    const o = parseOptions(pathOptionsSchema, options, 'path', ModelError);
    const lambdaSeq =
      o.lambdaSeq === undefined ? this.resolved.lambdaSeq : parseLambdaSeq(o.lambdaSeq, 'path');
    return this.train(X, y, o as PathOptions<YIn>, {
      lambdaSeq,
      lambdaMax: o.lambdaMax ?? Number.POSITIVE_INFINITY,
      returnCheckpoints: o.returnCheckpoints,
    });
  }

  /**
   * Trains the estimator: the whole path as the options define it (the network ends at the
   * path's last lambda, as upstream; set `lambdaSeq` to stop where you want), or with
   * `denseOnly` the dense model alone.
   */
  async fit(X: Features, y: YIn, options: FitOptions<YIn> = {}): Promise<this> {
    const o = parseOptions(fitOptionsSchema, options, 'fit', ModelError);
    await this.train(X, y, o as FitOptions<YIn>, {
      lambdaSeq: o.denseOnly ? [] : this.resolved.lambdaSeq,
      lambdaMax: Number.POSITIVE_INFINITY,
      returnCheckpoints: false,
    });
    return this;
  }

  /** Sets the network's weights from a path step (with its checkpoint) or a checkpoint. */
  load(checkpoint: PathStep | LassoNetCheckpoint): this {
    let c: LassoNetCheckpoint;
    if (checkpoint !== null && typeof checkpoint === 'object' && 'lambda' in checkpoint) {
      if (checkpoint.checkpoint === undefined) {
        throw new ModelError(
          'INVALID_CHECKPOINT',
          `The step at lambda ${checkpoint.lambda} has no checkpoint: run path() with returnCheckpoints: true.`,
        );
      }
      c = checkpoint.checkpoint;
    } else {
      c = checkpoint as LassoNetCheckpoint;
    }
    const next = LassoNet.fromJSON(c);
    if (next.config.logSigma !== this.logSigma) {
      next.dispose();
      throw new ModelError(
        'INVALID_CHECKPOINT',
        `The checkpoint is for a network ${this.logSigma ? 'without' : 'with'} logSigma; ${this.constructor.name} needs ${this.logSigma ? 'one' : 'none'}.`,
      );
    }
    try {
      this.checkLoaded(next);
    } catch (error) {
      next.dispose();
      throw error;
    }
    this.net?.dispose();
    this.net = next;
    return this;
  }

  /**
   * The estimator as plain JSON: its kind, its options as given and the fitted network. Read
   * it back with `loadEstimator`.
   */
  toJSON(): EstimatorJSON {
    return {
      format: 'lassonet-estimator',
      version: 1,
      kind: this.kind,
      options: JSON.parse(JSON.stringify(this.options)) as Record<string, unknown>,
      checkpoint: this.network.toJSON() as LassoNetCheckpoint,
    };
  }

  /** The fitted network (for advanced use: its weights, masks, checkpoints). */
  get network(): LassoNet {
    if (this.net === undefined) {
      throw new ModelError(
        'NOT_FITTED',
        `This ${this.constructor.name} is not fitted: call fit(), path() or load() first.`,
      );
    }
    return this.net;
  }

  /**
   * X and y checked as `path()` and `fit()` check them (the same errors), as plain data: what
   * independent paths on subsets of the rows (cross-validation folds, stability selection)
   * start from. A tensor y is read back once; rows of y are copied.
   */
  checkedData(X: Features, y: YIn): { X: HostMatrix; y: PlainY } {
    const host = hostFeatures(X);
    const [n, d] = host.shape;
    checkGroupsFor(this.resolved.groups, d);
    const plain = plainTargets(y, n, 'y');
    this.nOutputs(this.readTargets(plain as YIn, n, 'y'));
    return {
      X: host,
      y: plain.map((v) => (Array.isArray(v) ? [...(v as number[])] : v)) as PlainY,
    };
  }

  /** The features the fitted network uses (indices, ascending). */
  selectedFeatures(): number[] {
    return selectedIndices({ selected: this.network.inputMask() });
  }

  /** Frees the network's weights; the estimator can be fitted again. */
  dispose(): void {
    this.net?.dispose();
    this.net = undefined;
  }

  /** A hook for subclasses to check a loaded network against what they know (e.g. classes). */
  protected checkLoaded(_net: LassoNet): void {}

  /** A hook to check validation targets against the network the training targets ask for. */
  protected checkValidationTargets(_yVal: HostTargets<Y>, _nOutputs: number): void {}

  /** Rejects a checkpoint whose network does not have `nOutputs` outputs. */
  protected requireOutputs(net: LassoNet, ok: boolean, needs: string): void {
    if (!ok) {
      throw new ModelError(
        'INVALID_CHECKPOINT',
        `The checkpoint's network has ${net.config.nOutputs} outputs; ${this.constructor.name} needs ${needs}.`,
      );
    }
  }

  /** The network's outputs for X, on the host: row-major values and the number of outputs. */
  protected outputs(X: Features): { values: Float32Array; n: number; k: number } {
    const net = this.network;
    const out = net.predict(X);
    const [n, k] = out.shape;
    // The array dataSync returns stays valid after the tensor is freed; no copy needed.
    const values = out.dataSync() as Float32Array;
    out.dispose();
    return { values, n, k };
  }

  /** Remembers what a subclass needs from the training targets (e.g. the number of classes). */
  protected onFit(_y: HostTargets<Y>, _nOutputs: number): void {}

  private async train(
    X: Features,
    y: YIn,
    o: FitOptions<YIn> & PathOptions<YIn>,
    run: {
      lambdaSeq: readonly number[] | undefined;
      lambdaMax: number;
      returnCheckpoints: boolean;
    },
  ): Promise<PathStep[]> {
    const r = this.resolved;
    if ((o.XVal === undefined) !== (o.yVal === undefined)) {
      throw new ModelError('INVALID_OPTION', 'Give both XVal and yVal, or neither.');
    }
    const pacer = new Pacer(o.signal);
    pacer.check();
    const Xall = hostFeatures(X);
    const [n, d] = Xall.shape;
    checkGroupsFor(r.groups, d);
    const yAll = this.readTargets(y, n, 'y');
    const nOutputs = this.nOutputs(yAll);
    let split: Split<Y>;
    if (o.XVal !== undefined) {
      const XVal = hostFeatures(o.XVal, d, 'XVal');
      const yVal = this.readTargets(o.yVal as YIn, XVal.shape[0], 'yVal');
      this.checkValidationTargets(yVal, nOutputs);
      split = { XTrain: Xall, yTrain: yAll, XVal, yVal };
    } else if (r.valSize > 0) {
      const nVal = Math.ceil(r.valSize * n);
      if (nVal >= n) {
        throw new ModelError(
          'EMPTY',
          `valSize = ${r.valSize} leaves no training rows out of ${n}; give more data or a smaller valSize.`,
        );
      }
      const order = Random.stream(r.seed, RANDOM_STREAMS.validation).permutation(n);
      const valIndex = order.slice(0, nVal);
      const trainIndex = order.slice(nVal);
      split = {
        XTrain: takeRows(Xall, trainIndex),
        yTrain: subsetTargets(yAll, trainIndex),
        XVal: takeRows(Xall, valIndex),
        yVal: subsetTargets(yAll, valIndex),
      };
    } else {
      split = { XTrain: Xall, yTrain: yAll, XVal: undefined, yVal: undefined };
    }

    const net = new LassoNet({
      nFeatures: d,
      hiddenDims: r.hiddenDims,
      nOutputs,
      dropout: r.dropout,
      groups: r.groups ?? null,
      logSigma: this.logSigma,
      seed: r.seed,
    });
    const batches: Batch[] = [];
    let thread: RowSplitThread | undefined;
    try {
      if (r.threads > 1) {
        thread = await RowSplitThread.start();
        net.useThread(thread);
      }
      const loss = this.loss();
      const train = net.prepare(split.XTrain, allRows(split.yTrain), loss);
      batches.push(train);
      const val =
        split.XVal === undefined || split.yVal === undefined
          ? train
          : net.prepare(split.XVal, allRows(split.yVal), loss);
      if (val !== train) batches.push(val);
      const nTrain = split.XTrain.shape[0];
      const minibatches =
        r.batchSize === undefined || r.batchSize >= nTrain
          ? undefined
          : new Minibatches(
              net,
              split.XTrain,
              split.yTrain as HostTargets<unknown>,
              loss as Loss<unknown>,
              r.batchSize,
              Random.stream(r.seed, RANDOM_STREAMS.minibatches),
            );
      const { steps, lambdaStart } = await runPath(
        {
          net,
          train,
          val,
          minibatches,
          gamma: r.gamma,
          gammaSkip: r.gammaSkip,
          l2: r.l2,
          M: r.M,
          tol: r.tol,
          backtrack: r.backtrack,
          pacer,
        },
        {
          optimizer: r.optimizer,
          nIters: r.nIters,
          patience: r.patience,
          lambdaStart: r.lambdaStart,
          pathMultiplier: r.pathMultiplier,
          lambdaSeq: run.lambdaSeq,
          lambdaMax: run.lambdaMax,
          returnCheckpoints: run.returnCheckpoints,
          onStep: o.onStep,
          warn: o.onWarning ?? ((message) => console.warn(message)),
          log: r.verbose > 0 ? (message) => console.log(message) : undefined,
        },
      );
      this.net?.dispose();
      this.net = net;
      this.fittedPath = steps;
      this.featureImportances = featureImportances(steps);
      this.lambdaStart = lambdaStart;
      this.onFit(yAll, nOutputs);
      return steps;
    } catch (error) {
      net.dispose();
      throw error;
    } finally {
      for (const b of batches) b.dispose();
      if (thread !== undefined) {
        if (!net.isDisposed) net.useThread(undefined);
        await thread.close();
      }
    }
  }
}

/** The targets of some rows, still able to give any subset of them. */
function subsetTargets<Y>(y: HostTargets<Y>, index: readonly number[]): HostTargets<Y> {
  return { n: index.length, rows: (rows) => y.rows(rows.map((i) => index[i] as number)) };
}
