import '@lassonet/backend-cpu';
import '@lassonet/backend-wasm';
import { tf, useBackend } from '@lassonet/backend';
import { Random } from '@lassonet/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crossEntropy, LassoNet, ModelError, ModelOptimizer } from '../index.js';
import { LOSS_CASES } from '../test-utils/describeNetwork.js';
import { RowSplitThread } from './rowSplitThread.js';

// The tests run the package's sources; the helper thread runs its built script.
const workerUrl = new URL('../../dist/threads/rowSplitWorker.js', import.meta.url);

function features(random: Random, n: number, d: number): number[][] {
  return Array.from({ length: n }, () => Array.from({ length: d }, () => random.normal()));
}

function weights(net: LassoNet): Float32Array[] {
  return net.variables().map((v) => v.dataSync() as Float32Array);
}

function maxRelativeDifference(a: readonly Float32Array[], b: readonly Float32Array[]): number {
  let worst = 0;
  a.forEach((x, k) => {
    const y = b[k] as Float32Array;
    for (let i = 0; i < x.length; i++) {
      const scale = Math.max(1e-3, Math.abs(x[i] as number));
      worst = Math.max(worst, Math.abs((x[i] as number) - (y[i] as number)) / scale);
    }
  });
  return worst;
}

// 300 rows × (40 features + outputs) × 100 units is above the size from which a step is split.
const D = 40;

/** Two networks from one seed, one of them on two threads, trained side by side. */
function pair(
  config: { nFeatures: number; nOutputs: number; logSigma?: boolean; dropout?: number },
  thread: RowSplitThread,
) {
  const one = new LassoNet({ hiddenDims: [100], seed: 3, ...config });
  const two = new LassoNet({ hiddenDims: [100], seed: 3, ...config });
  two.useThread(thread);
  return { one, two };
}

for (const backend of ['cpu', 'wasm']) {
  describe(`a network on two threads (${backend})`, () => {
    let thread: RowSplitThread;
    beforeAll(async () => {
      await useBackend(backend);
      thread = await RowSplitThread.start({ workerUrl });
    });
    afterAll(async () => {
      await thread.close();
    });

    for (const lossCase of LOSS_CASES) {
      it(`trains as on one thread, up to float rounding: ${lossCase.name}`, () => {
        const random = new Random(11);
        const n = 300;
        const { loss, y } = lossCase.make(random, n);
        const X = features(random, n, D);
        const { one, two } = pair(
          { nFeatures: D, nOutputs: lossCase.nOutputs, logSigma: lossCase.logSigma ?? false },
          thread,
        );
        const batchOne = one.prepare(X, y, loss);
        const batchTwo = two.prepare(X, y, loss);
        // SGD: Adam would scale float noise in gradients that are nearly zero up to whole steps.
        const opt = () => new ModelOptimizer({ name: 'sgd', learningRate: 1e-2, momentum: 0.9 });
        const [optOne, optTwo] = [opt(), opt()];
        const epoch = () => {
          one.step(batchOne, { optimizer: optOne, lambda: 0.01 });
          two.step(batchTwo, { optimizer: optTwo, lambda: 0.01 });
        };
        // The first step makes the optimizers' moments and the split batch's tensors.
        const shared = thread.sharedSteps;
        epoch();
        const before = tf.memory().numTensors;
        for (let k = 1; k < 20; k++) epoch();
        expect(thread.sharedSteps - shared).toBe(20);
        expect(tf.memory().numTensors).toBe(before);
        expect(maxRelativeDifference(weights(one), weights(two))).toBeLessThan(1e-4);
        expect(two.evaluateSync(batchTwo).loss).toBeCloseTo(one.evaluateSync(batchOne).loss, 5);
        for (const x of [optOne, optTwo, batchOne, batchTwo, one, two]) x.dispose();
      });
    }

    it('trains as on one thread from a model that features have left, which both threads leave out of the forward products', () => {
      const random = new Random(12);
      const n = 300;
      const X = features(random, n, D);
      const y = Array.from({ length: n }, () => random.int(0, 2));
      const { one, two } = pair({ nFeatures: D, nOutputs: 3 }, thread);
      // A third of the features out, as Hier-Prox leaves them (zero skip and first-layer rows).
      const keep = tf.tensor2d(Array.from({ length: D }, (_, j) => [j % 3 === 0 ? 0 : 1]));
      for (const net of [one, two]) {
        const first = (net.layers[0] as LassoNet['layers'][number]).weight;
        const [skip, hidden] = [tf.mul(net.skip, keep), tf.mul(first, keep)];
        net.skip.assign(skip as tf.Tensor2D);
        first.assign(hidden as tf.Tensor2D);
        tf.dispose([skip, hidden]);
      }
      keep.dispose();
      expect(two.selectedCount()).toBe(D - 14);
      const batchOne = one.prepare(X, y, crossEntropy());
      const batchTwo = two.prepare(X, y, crossEntropy());
      const optOne = new ModelOptimizer({ name: 'sgd', learningRate: 0.05, momentum: 0.9 });
      const optTwo = new ModelOptimizer({ name: 'sgd', learningRate: 0.05, momentum: 0.9 });
      const shared = thread.sharedSteps;
      for (let k = 0; k < 20; k++) {
        one.step(batchOne, { optimizer: optOne, lambda: 0.5 });
        two.step(batchTwo, { optimizer: optTwo, lambda: 0.5 });
      }
      expect(thread.sharedSteps - shared).toBe(20);
      expect(two.inputMask()).toEqual(one.inputMask());
      expect(maxRelativeDifference(weights(one), weights(two))).toBeLessThan(1e-4);
      expect(two.evaluateSync(batchTwo).loss).toBeCloseTo(one.evaluateSync(batchOne).loss, 5);
      for (const x of [optOne, optTwo, batchOne, batchTwo, one, two]) x.dispose();
    });

    it('keeps small batches and dropout on this thread: the same weights exactly', () => {
      const random = new Random(5);
      const X = features(random, 300, D);
      const y = Array.from({ length: 300 }, () => random.int(0, 2));
      for (const [rows, dropout] of [
        [255, 0],
        [300, 0.3],
      ] as const) {
        const { one, two } = pair({ nFeatures: D, nOutputs: 3, dropout }, thread);
        const b1 = one.prepare(X.slice(0, rows), y.slice(0, rows), crossEntropy());
        const b2 = two.prepare(X.slice(0, rows), y.slice(0, rows), crossEntropy());
        const o1 = new ModelOptimizer({ name: 'sgd', learningRate: 0.1 });
        const o2 = new ModelOptimizer({ name: 'sgd', learningRate: 0.1 });
        const shared = thread.sharedSteps;
        for (let epoch = 0; epoch < 5; epoch++) {
          one.step(b1, { optimizer: o1 });
          two.step(b2, { optimizer: o2 });
        }
        expect(thread.sharedSteps).toBe(shared);
        expect(weights(two)).toEqual(weights(one));
        for (const x of [b1, b2, o1, o2, one, two]) x.dispose();
      }
    });

    it('evaluateAhead: the validation objective, and the next step without a second exchange', () => {
      const random = new Random(6);
      const X = features(random, 360, D);
      const y = Array.from({ length: 360 }, () => random.int(0, 2));
      const { one, two } = pair({ nFeatures: D, nOutputs: 3 }, thread);
      const prepare = (net: LassoNet) => ({
        train: net.prepare(X.slice(0, 300), y.slice(0, 300), crossEntropy()),
        val: net.prepare(X.slice(300), y.slice(300), crossEntropy()),
      });
      const [b1, b2] = [prepare(one), prepare(two)];
      const [o1, o2] = [1, 2].map(() => new ModelOptimizer({ name: 'sgd', learningRate: 0.1 }));
      const t1 = one.trainer({ optimizer: o1 as ModelOptimizer, lambda: 0.01 });
      const t2 = two.trainer({ optimizer: o2 as ModelOptimizer, lambda: 0.01 });
      for (let epoch = 0; epoch < 5; epoch++) {
        const shared = thread.sharedSteps;
        const expected = t1.evaluateSync(b1.val);
        const got = t2.evaluateAhead(b2.val, b2.train);
        expect(got.loss).toBeCloseTo(expected.loss, 6);
        expect(got.objective).toBeCloseTo(expected.objective, 6);
        t1.step(b1.train);
        t2.step(b2.train);
        // One exchange for the evaluation and the step's gradient together.
        expect(thread.sharedSteps - shared).toBe(1);
      }
      expect(maxRelativeDifference(weights(one), weights(two))).toBeLessThan(1e-5);
      // Weights changed after the evaluation: the step computes its own gradient.
      const before = tf.memory().numTensors;
      t2.evaluateAhead(b2.val, b2.train);
      two.load(one.toJSON());
      const shared = thread.sharedSteps;
      t2.step(b2.train);
      expect(thread.sharedSteps - shared).toBe(1);
      expect(tf.memory().numTensors).toBe(before);
      // A gradient computed ahead and not used is freed by release().
      t2.evaluateAhead(b2.val, b2.train);
      expect(tf.memory().numTensors).toBeGreaterThan(before);
      t2.release();
      expect(tf.memory().numTensors).toBe(before);
      // Without the helper, evaluateAhead is evaluateSync.
      expect(t1.evaluateAhead(b1.val, b1.train)).toEqual(t1.evaluateSync(b1.val));
      for (const x of [b1.train, b1.val, b2.train, b2.val, o1, o2, one, two]) x?.dispose();
    });

    it('frees every tensor after a failed step and trains on afterwards', () => {
      const random = new Random(8);
      const X = features(random, 400, D);
      const y = Array.from({ length: 400 }, () => random.int(0, 1));
      const { one, two } = pair({ nFeatures: D, nOutputs: 2 }, thread);
      const batch = two.prepare(X, y, crossEntropy());
      const optimizer = new ModelOptimizer({ name: 'sgd', learningRate: 0.1 });
      two.step(batch, { optimizer });
      const before = tf.memory().numTensors;
      const good = two.toJSON();
      // A non-finite weight: both threads compute, then Hier-Prox refuses the result.
      tf.tidy(() => two.skip.assign(tf.mul(two.skip, Number.NaN)));
      expect(() => two.step(batch, { optimizer })).toThrow(/NaN or Infinity/);
      expect(tf.memory().numTensors).toBe(before);
      // The two threads are still in step: the next exchange is answered in turn.
      // The optimizer took the NaN into its momentum: start again with a new one.
      optimizer.dispose();
      two.load(good);
      one.load(good);
      const [o1, o2] = [1, 2].map(() => new ModelOptimizer({ name: 'sgd', learningRate: 0.1 }));
      const reference = one.prepare(X, y, crossEntropy());
      one.step(reference, { optimizer: o1 as ModelOptimizer });
      two.step(batch, { optimizer: o2 as ModelOptimizer });
      expect(maxRelativeDifference(weights(one), weights(two))).toBeLessThan(1e-5);
      for (const x of [batch, reference, o1, o2, one, two]) x?.dispose();
    });
  });
}

describe('RowSplitThread', () => {
  beforeAll(async () => {
    await useBackend('cpu');
  });

  it('says why it could not start', async () => {
    const missing = new URL('./no-such-helper.js', workerUrl);
    const error = await RowSplitThread.start({ workerUrl: missing }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).code).toBe('THREAD_FAILED');
    expect((error as ModelError).message).toMatch(/^The second training thread did not start: /);
  });

  it('once closed, leaves the network on one thread with the same results', async () => {
    const thread = await RowSplitThread.start({ workerUrl });
    const random = new Random(2);
    const X = features(random, 300, D);
    const y = Array.from({ length: 300 }, () => random.int(0, 1));
    const { one, two } = pair({ nFeatures: D, nOutputs: 2 }, thread);
    await thread.close();
    expect(thread.isClosed).toBe(true);
    const b1 = one.prepare(X, y, crossEntropy());
    const b2 = two.prepare(X, y, crossEntropy());
    const o1 = new ModelOptimizer({ name: 'sgd', learningRate: 0.1 });
    const o2 = new ModelOptimizer({ name: 'sgd', learningRate: 0.1 });
    one.step(b1, { optimizer: o1 });
    two.step(b2, { optimizer: o2 });
    expect(weights(two)).toEqual(weights(one));
    for (const x of [b1, b2, o1, o2, one, two]) x.dispose();
  });
});
