import type { Tensor } from '@lassonet/backend';
import {
  accuracy,
  crossEntropy,
  type Features,
  type LassoNet,
  type Loss,
  ModelError,
} from '@lassonet/model';
import { BaseLassoNet } from '../estimator.js';
import { allRows, type HostTargets, plainTargets } from '../hostData.js';
import { classifierSchema, type LassoNetClassifierOptions } from '../options.js';

export type { LassoNetClassifierOptions };

/** Class labels 0..K-1, one per row. */
export type ClassificationY = readonly number[] | Int32Array | Tensor;

/**
 * LassoNet for classification: softmax cross-entropy over K = (largest label + 1) classes,
 * optionally class-weighted; `score` is accuracy.
 */
export class LassoNetClassifier extends BaseLassoNet<
  ClassificationY,
  Int32Array,
  LassoNetClassifierOptions
> {
  readonly kind = 'classifier';
  /** The number of classes of the fitted network. */
  nClasses: number | undefined;

  constructor(options?: LassoNetClassifierOptions) {
    super(options, classifierSchema);
  }

  /** The most probable class of each row. */
  predict(X: Features): number[] {
    const { values, n, k } = this.outputs(X);
    return Array.from({ length: n }, (_, i) => {
      let best = 0;
      for (let c = 1; c < k; c++) {
        if ((values[i * k + c] as number) > (values[i * k + best] as number)) best = c;
      }
      return best;
    });
  }

  /** Class probabilities (softmax of the outputs), one row per sample. */
  predictProba(X: Features): number[][] {
    const { values, n, k } = this.outputs(X);
    return Array.from({ length: n }, (_, i) => {
      const row = Array.from(values.subarray(i * k, (i + 1) * k));
      const max = Math.max(...row);
      const exp = row.map((v) => Math.exp(v - max));
      const total = exp.reduce((a, b) => a + b, 0);
      return exp.map((e) => e / total);
    });
  }

  /** Accuracy: the fraction of rows whose class is predicted. */
  score(X: Features, y: ClassificationY): number {
    const predicted = this.predict(X);
    const labels = allRows(this.readTargets(y, predicted.length, 'y'));
    return accuracy(labels, predicted);
  }

  protected readTargets(y: ClassificationY, n: number, name: string): HostTargets<Int32Array> {
    const plain = plainTargets(y, n, name);
    const labels = new Int32Array(n);
    plain.forEach((v, i) => {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
        throw new ModelError(
          'INVALID_LABEL',
          `${name}[${i}] is ${JSON.stringify(v)}; class labels must be integers 0..K-1.`,
        );
      }
      labels[i] = v;
    });
    return { n, rows: (index) => Int32Array.from(index, (i) => labels[i] as number) };
  }

  protected nOutputs(y: HostTargets<Int32Array>): number {
    const labels = allRows(y);
    const largest = labels.reduce((a, b) => Math.max(a, b), 0);
    const w = this.resolved.classWeight;
    // With class weights the classes are the weights' (a class may be absent from y).
    if (w !== undefined) {
      if (largest >= w.length) {
        throw new ModelError(
          'INVALID_LABEL',
          `y has label ${largest} but classWeight has ${w.length} weights (classes 0..${w.length - 1}).`,
        );
      }
      return w.length;
    }
    if (labels.every((label) => label === labels[0])) {
      throw new ModelError(
        'INVALID_LABEL',
        `y has a single class (${labels[0]}); a classifier needs at least two.`,
      );
    }
    return largest + 1;
  }

  protected override onFit(_y: HostTargets<Int32Array>, nOutputs: number): void {
    this.nClasses = nOutputs;
  }

  protected override checkValidationTargets(yVal: HostTargets<Int32Array>, nOutputs: number): void {
    const labels = allRows(yVal);
    const i = labels.findIndex((label) => label >= nOutputs);
    if (i >= 0) {
      throw new ModelError(
        'INVALID_LABEL',
        `yVal[${i}] is ${labels[i]}, but the training labels define classes 0..${nOutputs - 1}.`,
      );
    }
  }

  protected override checkLoaded(net: LassoNet): void {
    this.requireOutputs(net, net.config.nOutputs >= 2, 'at least two (one per class)');
    this.nClasses = net.config.nOutputs;
  }

  protected loss(): Loss<Int32Array> {
    const w = this.resolved.classWeight;
    return crossEntropy(w === undefined ? {} : { classWeight: w });
  }
}
