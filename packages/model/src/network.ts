import {
  type Rank,
  type Scalar,
  type Tensor,
  type Tensor1D,
  type Tensor2D,
  tf,
  type Variable,
} from '@lassonet/backend';
import { choiceOption, numberOption, type OptionsInput, Random } from '@lassonet/core';
import { selectedMask, skipNorms } from '@lassonet/hier-prox';
import * as v from 'valibot';
import { ActiveColumns, type ActiveWeights, disposeActive, gatherActive } from './activeRows.js';
import { checkpointWeights, type LassoNetCheckpoint, readCheckpoint } from './checkpoint.js';
import { type LassoNetConfig, type ResolvedConfig, resolveConfig } from './config.js';
import { type Features, featureTensor } from './data.js';
import { ModelError } from './errors.js';
import {
  type ActiveInput,
  addL2Gradients,
  backward,
  forward,
  type Gradients,
  l2Terms,
  type Params,
  usesTransposedInput,
  type WithOnes,
  withOnes,
} from './forwardBackward.js';
import { uniformInit } from './init.js';
import type { Loss, LossGradient, Target } from './losses/target.js';
import { targetFromPart } from './losses/targetFromPart.js';
import { ModelOptimizer } from './optimizer.js';
import { parseModelOptions } from './options.js';
import { hostPenalties } from './penalties.js';
import { hierProxOperator } from './proxOperator.js';
import type { RowSplitThread } from './threads/rowSplitThread.js';
import { type RowHalves, splitGradients } from './threads/splitGradients.js';

/** How gamma and gammaSkip act (see `penaltyEntries.l2`). */
export const l2ModeSchema = choiceOption(['gradient', 'objective-only']);
export type L2Mode = v.InferOutput<typeof l2ModeSchema>;

const penaltyEntries = {
  /** The path's lambda on sum_j ||skip_j||_2 (per group with groups). Default 0. */
  lambda: v.optional(numberOption({ min: 0 }), 0),
  /** L2 on the weights of every layer after the first. Default 0. */
  gamma: v.optional(numberOption({ min: 0 }), 0),
  /** L2 on the skip weights. Default 0. */
  gammaSkip: v.optional(numberOption({ min: 0 }), 0),
  /**
   * How gamma and gammaSkip act. 'gradient' (default): they are penalties of the objective,
   * gamma·sum_{l>=2}||W_l||² + gammaSkip·||S||², whose gradients the steps follow.
   * 'objective-only': they add gamma·sum_{l>=2}||W_l||² + gammaSkip·||S|| (the norm, not its
   * square) to the reported objective, which early stopping compares, and nothing to the steps,
   * as the upstream Python package does (docs/differences-from-upstream.md).
   */
  l2: v.optional(l2ModeSchema, 'gradient'),
};

/** The penalties of the LassoNet objective (docs/method.md, "The network and its objective"). */
const penaltiesSchema = v.strictObject(penaltyEntries);

const stepSchema = v.strictObject({
  ...penaltyEntries,
  optimizer: v.instance(ModelOptimizer, 'must be a ModelOptimizer (new ModelOptimizer(...))'),
  /** Hierarchy multiplier of Hier-Prox. Default 10. */
  M: v.optional(numberOption({ above: 0 }), 10),
  /** L1 penalty on the first-layer weights, applied by Hier-Prox. Default 0. */
  lambdaBar: v.optional(numberOption({ min: 0 }), 0),
});

export type Penalties = OptionsInput<typeof penaltiesSchema>;
export type StepOptions = OptionsInput<typeof stepSchema>;
type ResolvedPenalties = v.InferOutput<typeof penaltiesSchema>;
type ResolvedStep = v.InferOutput<typeof stepSchema>;

/**
 * Training steps and evaluations under one set of options, checked once when it is made: what
 * a training loop uses at each lambda.
 */
export interface Trainer {
  /** One optimizer step and Hier-Prox on the batch. */
  step(batch: Batch): void;
  /** Loss and objective on a batch (no dropout), with one read back from the backend. */
  evaluate(batch: Batch): Promise<Evaluation>;
  /** `evaluate` without awaiting: a blocking read, fine on cpu and wasm. */
  evaluateSync(batch: Batch): Evaluation;
  /**
   * `evaluateSync(val)`, and on a network with a helper thread (`useThread`) also the gradient
   * on `train` that the next `step(train)` needs, computed at once: the helper evaluates `val`
   * beside its half of the gradient. The next step uses that gradient if the weights are still
   * the same. `release()` frees it when no step follows.
   */
  evaluateAhead(val: Batch, train: Batch): Evaluation;
  /** Frees a gradient computed ahead by `evaluateAhead`. */
  release(): void;
}

/** A batch's loss and objective, read back together. */
export interface Evaluation {
  loss: number;
  /** sum_j ||skip_j||_2 (per group with groups). */
  skipNorm: number;
  /** gamma·sum_{l>=2}||W_l||² + gammaSkip·||S||² (gammaSkip·||S|| with l2 'objective-only'). */
  l2: number;
  /** loss + lambda·skipNorm + l2. */
  objective: number;
}

/** Features and targets checked once and kept as tensors for many epochs. */
export class Batch {
  readonly n: number;
  private transposed: Tensor2D | undefined;
  /** null: X is not tall enough to gain from it. */
  private withOnes: WithOnes | null | undefined;
  private readonly columns = new ActiveColumns();
  private split: RowHalves | undefined;
  private copy: { thread: RowSplitThread; id: number } | undefined;

  constructor(
    readonly X: Tensor2D,
    readonly target: Target,
  ) {
    this.n = X.shape[0];
  }

  /** X transposed, made on first use and kept (the backward pass needs it every step). */
  get Xt(): Tensor2D {
    this.transposed ??= tf.keep(tf.transpose(this.X));
    return this.transposed;
  }

  /** The input on the active features only, with the matching weights (see `forward`). */
  activeInput(active: ActiveWeights | undefined): ActiveInput | undefined {
    return this.columns.input(this.X, active);
  }

  /** [X | 1] and its transpose, made on first use and kept, for a tall X (see `withOnes`). */
  get ones(): WithOnes | null {
    if (this.withOnes === undefined) this.withOnes = withOnes(this.X);
    return this.withOnes;
  }

  /**
   * The rows shared with a helper thread: the first half here, the rest sent to the thread once
   * and kept there until the batch is disposed.
   */
  halves(thread: RowSplitThread): RowHalves {
    if (this.split?.thread === thread) return this.split;
    this.dropHalves();
    const [n, p] = this.X.shape;
    const nA = Math.round(n * OWN_SHARE);
    const rows = (this.X.dataSync() as Float32Array).slice(nA * p);
    const id = thread.load(rows, n - nA, p, this.target.part?.(nA, n));
    const XA = tf.slice(this.X, [0, 0], [nA, p]);
    const partA = this.target.part?.(0, nA);
    this.split = {
      thread,
      id,
      nA,
      nB: n - nA,
      XA,
      XtA: tf.transpose(XA),
      onesA: withOnes(XA),
      columnsA: new ActiveColumns(),
      targetA: partA === undefined ? undefined : targetFromPart(partA),
    };
    return this.split;
  }

  /**
   * The id of the whole batch in the helper thread, with its target (which must give parts):
   * sent once, kept there until the batch is disposed.
   */
  inHelper(thread: RowSplitThread): number {
    if (this.copy?.thread === thread) return this.copy.id;
    this.dropCopy();
    const [n, p] = this.X.shape;
    const id = thread.load(
      (this.X.dataSync() as Float32Array).slice(),
      n,
      p,
      this.target.part?.(0, n),
    );
    this.copy = { thread, id };
    return id;
  }

  dispose(): void {
    this.dropHalves();
    this.dropCopy();
    this.columns.dispose();
    tf.dispose([
      this.X,
      ...(this.transposed ? [this.transposed] : []),
      ...(this.withOnes ? [this.withOnes.x, this.withOnes.xT] : []),
    ]);
    this.target.dispose();
  }

  private dropCopy(): void {
    if (this.copy === undefined) return;
    const { thread, id } = this.copy;
    this.copy = undefined;
    thread.drop(id);
  }

  private dropHalves(): void {
    if (this.split === undefined) return;
    const { thread, id, XA, XtA, onesA, columnsA, targetA } = this.split;
    this.split = undefined;
    tf.dispose([XA, XtA, ...(onesA ? [onesA.x, onesA.xT] : [])]);
    columnsA.dispose();
    targetA?.dispose();
    thread.drop(id);
  }
}

/**
 * A batch is split between two threads when its first layer takes at least this many
 * multiply-adds per pass (rows × (features + outputs) × first hidden units) and it has at least
 * SPLIT_ROWS rows: below either, the exchange costs more than it saves. The work is what the
 * split halves (on wasm, about 1M is where the two break even); the rows are how often each
 * weight the threads exchange is used (the weights cross twice per step and the optimizer and
 * Hier-Prox stay on this thread: a wide layer on 135 rows, 500k weights, is 1.5× slower split).
 */
const SPLIT_WORK = 1 << 20;
const SPLIT_ROWS = 256;
/**
 * The share of a split batch's rows kept in this thread: the helper also turns the weights into
 * tensors, reads its gradients back and, during a path, evaluates the validation rows, so it
 * gets fewer.
 */
const OWN_SHARE = 0.6;

export interface LayerVariables {
  weight: Variable;
  bias: Variable;
}

type HostPenalties = NonNullable<ReturnType<typeof hostPenalties>>;

let nextId = 0;

/**
 * The LassoNet network: an MLP with ReLU hidden layers plus a linear skip connection from the
 * inputs to the outputs (docs/method.md, "The network and its objective"). Weights live in
 * tf.Variables on the active backend, in the tfjs [in, out] orientation (row j of `skip` and of the
 * first layer belong to feature j). Training uses an explicit backward pass (tfjs-core registers no
 * gradients), an optimizer step, then Hier-Prox on the skip and first-layer weights.
 */
export class LassoNet {
  readonly config: ResolvedConfig;
  readonly skip: Variable;
  /** The hidden layers, then the output layer. */
  readonly layers: readonly LayerVariables[];
  /** log(sigma) of the interval-censored log-normal loss, when `config.logSigma`. */
  readonly logSigma: Variable | undefined;
  private readonly dropoutRandom: Random;
  private disposed = false;
  /** The first layer's weight transposed, for the weights it was made from (wide layers, wasm). */
  private firstT: { dataId: object; tensor: Tensor2D } | undefined;
  private active: { skip: object; first: object; weights: ActiveWeights | undefined } | undefined;
  private thread: RowSplitThread | undefined;

  constructor(config: LassoNetConfig) {
    this.config = resolveConfig(config);
    const { nFeatures, hiddenDims, nOutputs, seed } = this.config;
    // Dropout masks come from their own stream, so dropout does not change the initial weights.
    const [random, dropoutRandom] = Random.streams(seed, 2) as [Random, Random];
    this.dropoutRandom = dropoutRandom;
    const prefix = `lassonet${nextId++}`;
    const dims = [nFeatures, ...hiddenDims, nOutputs];
    const layers: LayerVariables[] = [];
    for (let l = 0; l + 1 < dims.length; l++) {
      const fanIn = dims[l] as number;
      const fanOut = dims[l + 1] as number;
      const weight = uniformInit(random, fanIn, fanIn * fanOut);
      const bias = uniformInit(random, fanIn, fanOut);
      layers.push({
        weight: variableOf(tf.tensor2d(weight, [fanIn, fanOut]), `${prefix}/layer${l}/weight`),
        bias: variableOf(tf.tensor1d(bias), `${prefix}/layer${l}/bias`),
      });
    }
    this.layers = layers;
    this.skip = variableOf(
      tf.tensor2d(uniformInit(random, nFeatures, nFeatures * nOutputs), [nFeatures, nOutputs]),
      `${prefix}/skip`,
    );
    this.logSigma = this.config.logSigma
      ? variableOf(tf.scalar(0), `${prefix}/logSigma`)
      : undefined;
  }

  /** A network with the checkpoint's config and weights. */
  static fromJSON(checkpoint: LassoNetCheckpoint): LassoNet {
    const { config } = readCheckpoint(checkpoint);
    const net = new LassoNet(config);
    net.load(checkpoint);
    return net;
  }

  /** Config and weights as plain data (JSON-safe); `fromJSON` restores them exactly. */
  toJSON(): LassoNetCheckpoint {
    this.checkAlive();
    return checkpointWeights(this.config, this.skip, this.layers, this.logSigma);
  }

  /** Overwrites the weights with a checkpoint's; the shapes must match this network's. */
  load(checkpoint: LassoNetCheckpoint): void {
    this.checkAlive();
    const { config, weights } = readCheckpoint(checkpoint);
    const mine = this.config;
    const same =
      config.nFeatures === mine.nFeatures &&
      config.nOutputs === mine.nOutputs &&
      config.hiddenDims.length === mine.hiddenDims.length &&
      config.hiddenDims.every((h, i) => h === mine.hiddenDims[i]) &&
      config.logSigma === mine.logSigma;
    if (!same) {
      throw new ModelError(
        'INVALID_CHECKPOINT',
        `The checkpoint is for a network ${describe(config)}, but this network is ${describe(mine)}.`,
      );
    }
    // assign() keeps the values but not the tensor passed in: tidy frees those.
    tf.tidy(() => {
      this.skip.assign(tf.tensor2d(weights.skip, [mine.nFeatures, mine.nOutputs]));
      weights.layers.forEach((layer, l) => {
        const target = this.layers[l] as LayerVariables;
        target.weight.assign(tf.tensor2d(layer.weight, target.weight.shape as [number, number]));
        target.bias.assign(tf.tensor1d(layer.bias));
      });
      if (this.logSigma !== undefined && weights.logSigma !== undefined) {
        this.logSigma.assign(tf.scalar(weights.logSigma));
      }
    });
  }

  /**
   * Checks features and targets once and keeps them as tensors for training or evaluation.
   * The batch owns its tensors: dispose it when done.
   */
  prepare<Y>(X: Features, y: Y, loss: Loss<Y>): Batch {
    this.checkAlive();
    const target = loss.target(y, this.config.nOutputs);
    if (target.needsLogSigma && this.logSigma === undefined) {
      target.dispose();
      throw new ModelError(
        'INVALID_OPTION',
        `The ${loss.kind} loss learns a scale: create the network with logSigma: true.`,
      );
    }
    let features: Tensor2D;
    try {
      features = featureTensor(X, this.config.nFeatures);
    } catch (error) {
      target.dispose();
      throw error;
    }
    if (features.shape[0] !== target.n) {
      const n = features.shape[0];
      features.dispose();
      target.dispose();
      throw new ModelError('SHAPE_MISMATCH', `X has ${n} rows but y has ${target.n}.`);
    }
    return new Batch(features, target);
  }

  /** The network's outputs [n, nOutputs] for features X (no dropout); the caller owns the tensor. */
  predict(X: Features): Tensor2D {
    this.checkAlive();
    const features = featureTensor(X, this.config.nFeatures);
    const out = tf.tidy(() => forward(this.params(), features).out);
    features.dispose();
    return out;
  }

  /**
   * The loss and the gradient of the smooth part of the objective (loss + L2 terms) for every
   * parameter, by the explicit backward pass. Dropout applies when the network has it, with
   * masks from the network's seeded stream unless `masks` are given (one [n, h] tensor of 0 and
   * 1/(1-p) per hidden layer, or null for none). Tensors returned are the caller's.
   */
  gradients(
    batch: Batch,
    penalties: Penalties = {},
    masks?: readonly (Tensor2D | null)[],
  ): { loss: Scalar; gradients: Gradients } {
    const { loss, gradients } = this.runGradients(
      batch,
      parseModelOptions(penaltiesSchema, penalties, 'gradients'),
      masks,
    );
    return { loss: loss as Scalar, gradients };
  }

  private runGradients(
    batch: Batch,
    penalties: Pick<ResolvedPenalties, 'gamma' | 'gammaSkip' | 'l2'>,
    masks?: readonly (Tensor2D | null)[],
    withLoss = true,
    /** A batch in the helper (`Batch.inHelper`) whose loss it computes besides its half. */
    evalId?: number,
  ): { loss: Scalar | undefined; gradients: Gradients; evalLoss?: number } {
    this.checkAlive();
    // With 'objective-only' the L2 terms only enter the reported objective.
    const gamma = penalties.l2 === 'gradient' ? penalties.gamma : 0;
    const gammaSkip = penalties.l2 === 'gradient' ? penalties.gammaSkip : 0;
    const ownMasks = masks === undefined ? this.dropoutMasks(batch.n) : undefined;
    const useMasks = masks ?? ownMasks;
    const Xt = batch.Xt;
    const thread = this.thread;
    const halves =
      !withLoss &&
      useMasks === undefined &&
      thread !== undefined &&
      !thread.isClosed &&
      this.worthSplitting(batch.n)
        ? batch.halves(thread)
        : undefined;
    let evalLoss: number | undefined;
    const active = this.activeWeights();
    const result = tf.tidy(() => {
      const params = this.params();
      if (halves !== undefined) {
        const logSigma = this.logSigma as Scalar | undefined;
        const wide = usesTransposedInput(this.firstWeight);
        const split = splitGradients(params, halves, batch.target, logSigma, wide, evalId, active);
        const grads = split.gradients;
        evalLoss = split.evalLoss;
        addL2Gradients(grads, params, gamma, gammaSkip);
        if (split.gradLogSigma !== undefined) grads.logSigma = split.gradLogSigma;
        return { grads } as unknown as tf.TensorContainer;
      }
      const cache = forward(params, batch.X, useMasks, Xt, batch.activeInput(active));
      const logSigma = this.logSigma as Scalar | undefined;
      // A training step drops the loss: where the target can, it skips the loss's own ops.
      const { loss, gradOut, gradLogSigma }: Partial<LossGradient> & Omit<LossGradient, 'loss'> =
        !withLoss && batch.target.outputGradient !== undefined
          ? batch.target.outputGradient(cache.out, logSigma)
          : batch.target.lossAndGradient(cache.out, logSigma);
      const grads = backward(params, batch.X, Xt, cache, gradOut, useMasks, batch.ones);
      addL2Gradients(grads, params, gamma, gammaSkip);
      if (gradLogSigma !== undefined) grads.logSigma = gradLogSigma;
      // tidy keeps every tensor in the returned object, however nested.
      return { loss, grads } as unknown as tf.TensorContainer;
    }) as unknown as { loss: Scalar | undefined; grads: Gradients };
    if (ownMasks) tf.dispose(ownMasks.filter((m): m is Tensor2D => m !== null));
    return {
      loss: result.loss,
      gradients: result.grads,
      ...(evalLoss === undefined ? {} : { evalLoss }),
    };
  }

  /**
   * One training step: gradient of loss + L2 terms, the optimizer's update, then Hier-Prox with
   * step penalty lambda·learningRate (it also enforces the hierarchy when lambda is 0).
   */
  step(batch: Batch, options: StepOptions): void {
    this.runStep(batch, parseModelOptions(stepSchema, options, 'step'));
  }

  /**
   * Training steps split their batch's rows between this thread and `thread`, so that the
   * forward and backward passes use two cores: on batches large enough to gain (rows ×
   * (features + outputs) × first hidden units ≥ 2^20, and at least 256 rows), without dropout.
   * The gradients equal the one-thread gradients up to float rounding (sums over rows are added
   * in another order). `undefined` goes back to one thread.
   */
  useThread(thread: RowSplitThread | undefined): void {
    this.checkAlive();
    this.thread = thread;
  }

  /** A step and evaluation bound to `options`, checked here once (see Trainer). */
  trainer(options: StepOptions): Trainer {
    const o = parseModelOptions(stepSchema, options, 'trainer');
    let ahead: { train: Batch; weights: object[]; gradients: Gradients } | undefined;
    const release = () => {
      if (ahead !== undefined) tf.dispose(gradientTensors(ahead.gradients));
      ahead = undefined;
    };
    return {
      step: (batch) => {
        const ready =
          ahead?.train === batch && sameIds(ahead.weights, this.weightIds())
            ? ahead.gradients
            : undefined;
        if (ready === undefined) release();
        ahead = undefined;
        this.runStep(batch, o, ready);
      },
      evaluate: (batch) => this.runEvaluate(batch, o),
      evaluateSync: (batch) => this.runEvaluateSync(batch, o),
      evaluateAhead: (val, train) => {
        release();
        const result = this.runEvaluateAhead(val, train, o);
        if (result.gradients !== undefined) {
          ahead = { train, weights: this.weightIds(), gradients: result.gradients };
        }
        return result.evaluation;
      },
      release,
    };
  }

  /** See `Trainer.evaluateAhead`. */
  private runEvaluateAhead(
    val: Batch,
    train: Batch,
    o: ResolvedStep,
  ): { evaluation: Evaluation; gradients?: Gradients } {
    this.checkAlive();
    const thread = this.thread;
    const host =
      thread === undefined ||
      thread.isClosed ||
      val === train ||
      this.config.dropout > 0 ||
      !this.worthSplitting(train.n) ||
      train.target.part === undefined ||
      val.target.part === undefined
        ? undefined
        : hostPenalties(
            this.skip,
            this.layers.slice(1).map((l) => l.weight),
            this.config.groups,
          );
    if (thread === undefined || host === undefined) {
      return { evaluation: this.runEvaluateSync(val, o) };
    }
    const { gradients, evalLoss } = this.runGradients(
      train,
      o,
      undefined,
      false,
      val.inHelper(thread),
    );
    try {
      return { evaluation: evaluation([evalLoss as number], host, o), gradients };
    } catch (error) {
      tf.dispose(gradientTensors(gradients));
      throw error;
    }
  }

  /** Which tensors hold the weights now (an update gives a variable a new dataId). */
  private weightIds(): object[] {
    return this.variables().map((v) => v.dataId);
  }

  private runStep(batch: Batch, o: ResolvedStep, ready?: Gradients): void {
    this.checkAlive();
    const { lambda, M, lambdaBar } = o;
    let gradients = ready;
    if (gradients === undefined) {
      const result = this.runGradients(batch, o, undefined, false);
      result.loss?.dispose();
      gradients = result.gradients;
    }
    const named = this.named(gradients);
    o.optimizer.apply(named);
    tf.dispose(Object.values(named));
    const lr = o.optimizer.learningRate;
    // Prepared once per network and M: each step checks only the penalties and the variables.
    hierProxOperator(this, this.config.groups, M).step(
      this.skip,
      (this.layers[0] as LayerVariables).weight,
      lambda * lr,
      lambdaBar * lr,
    );
  }

  /** Loss and objective on a batch (no dropout), with one read back from the backend. */
  async evaluate(batch: Batch, penalties: Penalties = {}): Promise<Evaluation> {
    return this.runEvaluate(batch, parseModelOptions(penaltiesSchema, penalties, 'evaluate'));
  }

  /** `evaluate` without awaiting: a blocking read, fine on cpu and wasm. */
  evaluateSync(batch: Batch, penalties: Penalties = {}): Evaluation {
    return this.runEvaluateSync(batch, parseModelOptions(penaltiesSchema, penalties, 'evaluate'));
  }

  private async runEvaluate(batch: Batch, penalties: ResolvedPenalties): Promise<Evaluation> {
    const { values, host } = this.evaluationTensor(batch);
    const data = await values.data();
    values.dispose();
    return evaluation(data, host, penalties);
  }

  private runEvaluateSync(batch: Batch, penalties: ResolvedPenalties): Evaluation {
    const { values, host } = this.evaluationTensor(batch);
    const data = values.dataSync();
    values.dispose();
    return evaluation(data, host, penalties);
  }

  /** The L2 norm of each feature's skip weights (each group's, with groups). */
  skipNorms(): number[] {
    this.checkAlive();
    const norms = skipNorms(this.skip, this.groupOption());
    const values = Array.from(norms.dataSync());
    norms.dispose();
    return values;
  }

  /** Which input features the network still uses (a feature whose skip row is zero is out). */
  inputMask(): boolean[] {
    this.checkAlive();
    const mask = selectedMask(this.skip, this.groupOption());
    const values = Array.from(mask.dataSync(), (v) => v !== 0);
    mask.dispose();
    return values;
  }

  /** The number of input features the network still uses. */
  selectedCount(): number {
    return this.inputMask().filter(Boolean).length;
  }

  /** Every trainable variable, keyed by its (unique) name. */
  variables(): Variable[] {
    return [
      this.skip,
      ...this.layers.flatMap((l) => [l.weight, l.bias]),
      ...(this.logSigma ? [this.logSigma] : []),
    ];
  }

  /** Whether `dispose` was called. */
  get isDisposed(): boolean {
    return this.disposed;
  }

  /** Frees the weights. The network cannot be used afterwards. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.firstT?.tensor.dispose();
    this.firstT = undefined;
    disposeActive(this.active?.weights);
    this.active = undefined;
    tf.dispose(this.variables());
  }

  /**
   * The loss as a tensor, with the penalty terms computed on the host where the backend allows
   * (then `host` holds them), else [loss, skipNorm, l2Hidden, l2Skip] as one tensor.
   */
  private evaluationTensor(batch: Batch): { values: Tensor1D; host: HostPenalties | undefined } {
    this.checkAlive();
    const host = hostPenalties(
      this.skip,
      this.layers.slice(1).map((l) => l.weight),
      this.config.groups,
    );
    // Made outside the tidy, which would free it: the batch keeps it.
    const Xt = usesTransposedInput(this.firstWeight) ? batch.Xt : undefined;
    const active = batch.activeInput(this.activeWeights());
    const values = tf.tidy(() => {
      const params = this.params();
      const { out } = forward(params, batch.X, undefined, Xt, active);
      const loss = tf.reshape(batch.target.loss(out, this.logSigma as Scalar | undefined), [1]);
      if (host !== undefined) return loss as Tensor1D;
      const norms = tf.sum(skipNorms(this.skip, this.groupOption()));
      const l2 = l2Terms(params);
      return tf.stack([tf.reshape(loss, []), norms, l2.hidden, l2.skip]) as Tensor1D;
    });
    return { values, host };
  }

  private params(): Params {
    return {
      firstWeightT: () => this.firstWeightT(),
      skip: this.skip as unknown as Tensor2D,
      layers: this.layers.map((l) => ({
        weight: l.weight as unknown as Tensor2D,
        bias: l.bias as unknown as Tensor1D,
      })),
    };
  }

  private worthSplitting(rows: number): boolean {
    const { nFeatures, nOutputs, hiddenDims } = this.config;
    const work = rows * (nFeatures + nOutputs) * (hiddenDims[0] ?? 0);
    return rows >= SPLIT_ROWS && work >= SPLIT_WORK;
  }

  private get firstWeight(): Tensor2D {
    return (this.layers[0] as LayerVariables).weight as unknown as Tensor2D;
  }

  /**
   * The skip and first-layer rows of the features still in the model, for `forward`: found and
   * gathered once per weight update (an update gives both variables new dataIds).
   */
  private activeWeights(): ActiveWeights | undefined {
    if (this.config.hiddenDims.length === 0) return undefined;
    const skip = this.skip as unknown as Tensor2D;
    const first = this.firstWeight;
    const kept = this.active;
    if (kept?.skip === skip.dataId && kept.first === first.dataId) return kept.weights;
    disposeActive(kept?.weights);
    this.active = { skip: skip.dataId, first: first.dataId, weights: gatherActive(skip, first) };
    return this.active.weights;
  }

  /**
   * The first layer's weight transposed, for `forward` on a wide first layer: made once per
   * weight update (assign gives the variable a new dataId), kept out of the callers' tidy scopes.
   */
  private firstWeightT(): Tensor2D {
    const weight = this.firstWeight;
    if (this.firstT?.dataId !== weight.dataId) {
      this.firstT?.tensor.dispose();
      this.firstT = { dataId: weight.dataId, tensor: tf.keep(tf.transpose(weight)) };
    }
    return this.firstT.tensor;
  }

  private named(gradients: Gradients): Record<string, tf.Tensor> {
    const named: Record<string, tf.Tensor> = { [this.skip.name]: gradients.skip };
    gradients.layers.forEach((g, l) => {
      const layer = this.layers[l] as LayerVariables;
      named[layer.weight.name] = g.weight;
      named[layer.bias.name] = g.bias;
    });
    if (this.logSigma !== undefined && gradients.logSigma !== undefined) {
      named[this.logSigma.name] = gradients.logSigma;
    }
    return named;
  }

  private dropoutMasks(n: number): (Tensor2D | null)[] | undefined {
    const p = this.config.dropout;
    if (p === 0) return undefined;
    const keep = 1 / (1 - p);
    return this.config.hiddenDims.map((h) => {
      const values = new Float32Array(n * h);
      for (let i = 0; i < values.length; i++) values[i] = this.dropoutRandom.float() < p ? 0 : keep;
      return tf.tensor2d(values, [n, h]);
    });
  }

  private groupOption(): { groups?: number[][] } {
    return this.config.groups === null ? {} : { groups: this.config.groups };
  }

  private checkAlive(): void {
    if (this.disposed) throw new ModelError('DISPOSED', 'This LassoNet was disposed.');
  }
}

/** A trainable variable holding `initial`'s values; `initial` itself is freed. */
function variableOf<T extends Tensor>(initial: T, name: string): Variable<Rank> {
  const v = tf.variable(initial, true, name);
  initial.dispose();
  return v;
}

function evaluation(
  data: ArrayLike<number>,
  host: HostPenalties | undefined,
  { lambda, gamma, gammaSkip, l2: mode }: ResolvedPenalties,
): Evaluation {
  const loss = data[0] as number;
  const { skipNorm, l2Hidden, l2Skip } = host ?? {
    skipNorm: data[1] as number,
    l2Hidden: data[2] as number,
    l2Skip: data[3] as number,
  };
  const l2 = gamma * l2Hidden + gammaSkip * (mode === 'gradient' ? l2Skip : Math.sqrt(l2Skip));
  const objective = loss + lambda * skipNorm + l2;
  // Non-finite values mean the training diverged; say so rather than hand back NaN.
  if (!Number.isFinite(loss) || !Number.isFinite(objective)) {
    throw new ModelError(
      'NON_FINITE',
      `The loss is ${loss} (objective ${objective}, lambda ${lambda}): training diverged; lower the learning rate.`,
    );
  }
  return { loss, skipNorm, l2, objective };
}

function gradientTensors(g: Gradients): Tensor[] {
  return [
    g.skip,
    ...g.layers.flatMap((l) => [l.weight, l.bias]),
    ...(g.logSigma ? [g.logSigma] : []),
  ];
}

function sameIds(a: readonly object[], b: readonly object[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function describe(c: ResolvedConfig): string {
  return `${c.nFeatures} → [${c.hiddenDims.join(', ')}] → ${c.nOutputs}${c.logSigma ? ' with logSigma' : ''}`;
}
