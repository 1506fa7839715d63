import { type Scalar, type Tensor2D, tf } from '@lassonet/backend';
import { numberOption, type OptionsInput } from '@lassonet/core';
import * as v from 'valibot';
import { ModelError } from '../errors.js';
import { parseModelOptions } from '../options.js';
import {
  softmaxCrossEntropy,
  softmaxCrossEntropyAndGradient,
} from './softmaxCrossEntropyKernel.js';
import type { Loss, LossGradient, Target, TargetPart } from './target.js';

/** One weight per class, each finite and >= 0. */
export const classWeightSchema = v.array(
  numberOption({ min: 0 }),
  'must be an array with one weight per class',
);

const crossEntropySchema = v.strictObject({
  /** A weight per class (length nOutputs, finite, >= 0): the loss is the weighted mean, as in PyTorch. */
  classWeight: v.optional(classWeightSchema),
});

export type CrossEntropyOptions = OptionsInput<typeof crossEntropySchema>;

/** Class labels 0..K-1, one per sample. */
export type ClassLabels = readonly number[] | Int32Array;

/** Softmax cross-entropy, optionally class-weighted (PyTorch's CrossEntropyLoss). Score: accuracy. */
export function crossEntropy(options?: CrossEntropyOptions): Loss<ClassLabels> {
  const { classWeight } = parseModelOptions(crossEntropySchema, options, 'crossEntropy');
  return {
    kind: 'crossEntropy',
    target: (y, nOutputs) => CrossEntropyTarget.of(y, nOutputs, classWeight),
  };
}

export class CrossEntropyTarget implements Target {
  readonly kind = 'crossEntropy' as const;
  readonly n: number;
  readonly nOutputs: number;
  readonly needsLogSigma = false;
  private readonly oneHot: Tensor2D;
  /** Each sample's weight over the batch's total weight, [n, 1]. */
  private readonly sampleWeight: Tensor2D;

  /** Checks the labels and weighs each sample by its class, over the batch's total weight. */
  static of(
    y: ClassLabels,
    nOutputs: number,
    classWeight: number[] | undefined,
  ): CrossEntropyTarget {
    const n = y.length;
    if (!Array.isArray(y) && !(y instanceof Int32Array)) {
      throw new ModelError('INVALID_LABEL', 'y must be an array of class labels 0..K-1.');
    }
    if (n === 0) throw new ModelError('EMPTY', 'y is empty.');
    if (nOutputs < 2) {
      throw new ModelError(
        'SHAPE_MISMATCH',
        `Cross-entropy needs a network with one output per class (at least 2), got nOutputs = ${nOutputs}.`,
      );
    }
    if (classWeight !== undefined) {
      if (classWeight.length !== nOutputs) {
        throw new ModelError(
          'SHAPE_MISMATCH',
          `classWeight has ${classWeight.length} entries but there are ${nOutputs} classes.`,
        );
      }
    }
    const labels = new Int32Array(n);
    const weights = new Float32Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const label = y[i] as number;
      if (!Number.isInteger(label) || label < 0 || label >= nOutputs) {
        throw new ModelError(
          'INVALID_LABEL',
          `y[${i}] is ${String(label)}; labels must be integers 0..${nOutputs - 1}.`,
        );
      }
      labels[i] = label;
      const w = classWeight === undefined ? 1 : (classWeight[label] as number);
      weights[i] = w;
      total += w;
    }
    if (total === 0) {
      throw new ModelError('INVALID_OPTION', 'classWeight gives every sample weight 0.');
    }
    for (let i = 0; i < n; i++) weights[i] = (weights[i] as number) / total;
    // Built on the host: tf.oneHot with dtype 'float32' on wasm (tfjs 4.22) writes the integer
    // bit pattern of 1, not 1.0.
    const oneHot = new Float32Array(n * nOutputs);
    for (let i = 0; i < n; i++) oneHot[i * nOutputs + (labels[i] as number)] = 1;
    return new CrossEntropyTarget(oneHot, weights, nOutputs);
  }

  private constructor(
    private readonly hostOneHot: Float32Array,
    /** Each sample's weight over the whole batch's total weight. */
    private readonly hostWeight: Float32Array,
    nOutputs: number,
  ) {
    const n = hostWeight.length;
    this.n = n;
    this.nOutputs = nOutputs;
    this.oneHot = tf.tensor2d(hostOneHot, [n, nOutputs]);
    this.sampleWeight = tf.tensor2d(hostWeight, [n, 1]);
  }

  /** The rows of a `part`: their weights keep the whole batch's total. */
  static fromPart({ arrays, nOutputs }: TargetPart): CrossEntropyTarget {
    return new CrossEntropyTarget(arrays[0] as Float32Array, arrays[1] as Float32Array, nOutputs);
  }

  part(from: number, to: number): TargetPart {
    const k = this.nOutputs;
    return {
      kind: this.kind,
      nOutputs: k,
      arrays: [this.hostOneHot.slice(from * k, to * k), this.hostWeight.slice(from, to)],
      numbers: [],
    };
  }

  loss(out: Tensor2D): Scalar {
    return softmaxCrossEntropy(out, this.oneHot, this.sampleWeight);
  }

  lossAndGradient(out: Tensor2D): LossGradient {
    return softmaxCrossEntropyAndGradient(out, this.oneHot, this.sampleWeight);
  }

  outputGradient(out: Tensor2D): { gradOut: Tensor2D } {
    const { loss, gradOut } = softmaxCrossEntropyAndGradient(out, this.oneHot, this.sampleWeight);
    loss.dispose();
    return { gradOut };
  }

  dispose(): void {
    tf.dispose([this.oneHot, this.sampleWeight]);
  }
}
