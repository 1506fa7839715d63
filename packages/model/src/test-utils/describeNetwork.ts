import { backendName, type Tensor2D, tf, useBackend } from '@lassonet/backend';
import { Random } from '@lassonet/core';
import { hierProxArrays } from '@lassonet/hier-prox';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Batch,
  coxLoss,
  coxPartialLikelihood,
  crossEntropy,
  intervalLogNormal,
  LassoNet,
  type LassoNetCheckpoint,
  type Loss,
  ModelError,
  ModelOptimizer,
  meanSquaredError,
} from '../index.js';
import { intervalData, intervalLossAndGradient } from '../losses/intervalLogNormal.js';
import {
  finiteDifferences,
  type RefParams,
  refCrossEntropy,
  refForward,
  refL2,
  refMse,
} from './reference.js';

const rows = (t: { arraySync(): unknown }) => t.arraySync() as number[][];

function refParams(net: LassoNet): RefParams {
  const p: RefParams = {
    skip: rows(net.skip),
    layers: net.layers.map((l) => ({
      weight: rows(l.weight),
      bias: l.bias.arraySync() as number[],
    })),
  };
  if (net.logSigma) p.logSigma = net.logSigma.arraySync() as number;
  return p;
}

function matrix(random: Random, n: number, d: number, scale = 1): number[][] {
  return Array.from({ length: n }, () => Array.from({ length: d }, () => scale * random.normal()));
}

/** One loss case for the gradient check: its targets and a float64 loss for reference outputs. */
export interface LossCase {
  name: string;
  nOutputs: number;
  logSigma?: boolean;
  make(
    random: Random,
    n: number,
  ): { loss: Loss<never>; y: unknown; ref(out: number[][], p: RefParams): number };
}

export const LOSS_CASES: LossCase[] = [
  {
    name: 'mean squared error, 3 outputs',
    nOutputs: 3,
    make: (random, n) => {
      const y = matrix(random, n, 3);
      return { loss: meanSquaredError() as Loss<never>, y, ref: (out) => refMse(out, y) };
    },
  },
  {
    name: 'cross-entropy with class weights',
    nOutputs: 4,
    make: (random, n) => {
      const y = Array.from({ length: n }, () => random.int(0, 3));
      const classWeight = [1, 0.5, 2, 1.5];
      return {
        loss: crossEntropy({ classWeight }) as Loss<never>,
        y,
        ref: (out) => refCrossEntropy(out, y, classWeight),
      };
    },
  },
  {
    name: 'Cox, Efron ties',
    nOutputs: 1,
    make: (random, n) => {
      // Few distinct durations, so that there are ties, and some censoring.
      const y = Array.from({ length: n }, () => [random.int(1, 4), random.float() < 0.7 ? 1 : 0]);
      const durations = y.map((r) => r[0] as number);
      const events = y.map((r) => r[1] as number);
      return {
        loss: coxPartialLikelihood({ ties: 'efron' }) as Loss<never>,
        y,
        ref: (out) =>
          coxLoss(
            out.map((r) => r[0] as number),
            durations,
            events,
            { ties: 'efron' },
          ).loss,
      };
    },
  },
  {
    name: 'interval-censored log-normal',
    nOutputs: 1,
    logSigma: true,
    make: (random, n) => {
      const y = Array.from({ length: n }, (_, i) => {
        const u = Math.exp(random.normal());
        const kind = i % 4;
        if (kind === 0) return [u, u, 1, 0, 0];
        if (kind === 1) return [u, u * 2, 0, 1, 0];
        if (kind === 2) return [u, u, 0, 0, 1];
        return [u, u, 0, 1, 0]; // an exact time
      });
      const data = intervalData(y);
      const scratch = new Float64Array(n);
      return {
        loss: intervalLogNormal() as Loss<never>,
        y,
        ref: (out, p) =>
          intervalLossAndGradient(
            data,
            out.map((r) => r[0] as number),
            p.logSigma as number,
            scratch,
          ).loss,
      };
    },
  },
];

function maskArrays(random: Random, n: number, hiddenDims: number[], p: number): number[][][] {
  return hiddenDims.map((h) =>
    Array.from({ length: n }, () =>
      Array.from({ length: h }, () => (random.float() < p ? 0 : 1 / (1 - p))),
    ),
  );
}

/** Compares a tensor gradient with finite differences, naming the worst parameter. */
function expectGradientsClose(
  actual: Map<string, number>,
  expected: Map<string, number>,
  { atol, rtol }: { atol: number; rtol: number },
): void {
  let worst = { name: '', excess: 0, a: 0, e: 0 };
  for (const [name, e] of expected) {
    expect(actual.has(name), `no gradient for ${name}`).toBe(true);
    const a = actual.get(name);
    const excess = Math.abs((a as number) - e) - (atol + rtol * Math.abs(e));
    if (excess > worst.excess) worst = { name, excess, a: a as number, e };
  }
  expect(worst.excess, `${worst.name}: backward ${worst.a}, finite differences ${worst.e}`).toBe(0);
}

function gradientMap(net: LassoNet, grads: ReturnType<LassoNet['gradients']>['gradients']) {
  const map = new Map<string, number>();
  const put = (m: number[][], name: string) =>
    m.forEach((row, i) => {
      row.forEach((v, j) => {
        map.set(`${name}[${i}][${j}]`, v);
      });
    });
  put(rows(grads.skip), 'skip');
  grads.layers.forEach((g, l) => {
    put(rows(g.weight), `layers[${l}].weight`);
    (g.bias.arraySync() as number[]).forEach((v, k) => {
      map.set(`layers[${l}].bias[${k}]`, v);
    });
  });
  if (grads.logSigma) map.set('logSigma', grads.logSigma.arraySync() as number);
  expect(map.size).toBe(net.variables().reduce((s, v) => s + v.size, 0));
  return map;
}

export interface NetworkSuiteOptions {
  /** Steps of the leak test: 1,000 in Node; fewer under webgl, where SwiftShader is slow. */
  leakSteps?: number;
}

/** The network suite, run on every backend: gradients, training steps, checkpoints, no leaks. */
export function describeNetwork(
  backend: string,
  { leakSteps = 1000 }: NetworkSuiteOptions = {},
): void {
  describe(`LassoNet network on ${backend}`, () => {
    beforeAll(async () => {
      await useBackend(backend);
      expect(backendName()).toBe(backend);
    });

    it('initialises like nn.Linear: uniform within ±1/sqrt(fan_in), the same weights for the same seed', () => {
      const net = new LassoNet({ nFeatures: 16, hiddenDims: [9, 4], nOutputs: 3, seed: 7 });
      const again = new LassoNet({ nFeatures: 16, hiddenDims: [9, 4], nOutputs: 3, seed: 7 });
      const other = new LassoNet({ nFeatures: 16, hiddenDims: [9, 4], nOutputs: 3, seed: 8 });
      const p = refParams(net);
      expect(p.skip.length).toBe(16);
      expect(p.layers.map((l) => [l.weight.length, l.weight[0]?.length])).toEqual([
        [16, 9],
        [9, 4],
        [4, 3],
      ]);
      const fanIns = [16, 9, 4];
      p.layers.forEach((layer, l) => {
        const bound = 1 / Math.sqrt(fanIns[l] as number);
        const values = [...layer.weight.flat(), ...layer.bias];
        expect(Math.max(...values.map(Math.abs))).toBeLessThanOrEqual(bound);
        // Uniform on ±bound: the largest of many draws comes close to the bound.
        expect(Math.max(...values.map(Math.abs))).toBeGreaterThan(0.8 * bound);
      });
      expect(Math.max(...p.skip.flat().map(Math.abs))).toBeLessThanOrEqual(1 / 4);
      expect(refParams(again)).toEqual(p);
      expect(refParams(other)).not.toEqual(p);
      // The weights do not depend on the backend: they are drawn on the host.
      expect(p.layers[0]?.weight[0]?.[0]).toBe(Math.fround(new Random(7).uniform(-1 / 4, 1 / 4)));
      for (const n of [net, again, other]) n.dispose();
    });

    it('computes the forward pass of the float64 reference', () => {
      const random = new Random(3);
      const net = new LassoNet({ nFeatures: 5, hiddenDims: [6, 4], nOutputs: 2, seed: 1 });
      const X = matrix(random, 9, 5);
      const out = net.predict(X);
      const expected = refForward(refParams(net), X);
      for (const [i, row] of rows(out).entries()) {
        for (const [k, v] of row.entries()) expect(v).toBeCloseTo(expected[i]?.[k] as number, 5);
      }
      out.dispose();
      net.dispose();
    });

    for (const depth of [1, 2, 3]) {
      for (const lossCase of LOSS_CASES) {
        for (const dropout of [0, 0.3]) {
          it(`backward = finite differences: ${lossCase.name}, depth ${depth}${dropout ? ', dropout masks' : ''}, with L2 terms (l2 'gradient')`, () => {
            const random = new Random(100 * depth + lossCase.nOutputs + (dropout ? 7 : 0));
            const hiddenDims = [5, 4, 3].slice(0, depth);
            const n = 11;
            const nFeatures = 4;
            const net = new LassoNet({
              nFeatures,
              hiddenDims,
              nOutputs: lossCase.nOutputs,
              dropout,
              logSigma: lossCase.logSigma ?? false,
              seed: depth,
            });
            if (net.logSigma) net.logSigma.assign(tf.scalar(-0.3));
            const X = matrix(random, n, nFeatures);
            const { loss, y, ref } = lossCase.make(random, n);
            const batch: Batch = net.prepare(X, y as never, loss);
            const maskValues = dropout ? maskArrays(random, n, hiddenDims, dropout) : undefined;
            const masks = maskValues?.map((m) => tf.tensor2d(m) as Tensor2D);
            const gamma = 0.05;
            const gammaSkip = 0.02;
            const { loss: value, gradients } = net.gradients(
              batch,
              { gamma, gammaSkip, l2: 'gradient' },
              masks ?? [],
            );
            const p = refParams(net);
            const objective = (q: RefParams) => {
              const l2 = refL2(q);
              return ref(refForward(q, X, maskValues), q) + gamma * l2.hidden + gammaSkip * l2.skip;
            };
            const l2 = refL2(p);
            expect(value.arraySync()).toBeCloseTo(
              objective(p) - gamma * l2.hidden - gammaSkip * l2.skip,
              4,
            );
            expectGradientsClose(gradientMap(net, gradients), finiteDifferences(p, objective), {
              atol: 2e-5,
              rtol: 2e-3,
            });
            tf.dispose([
              value,
              gradients.skip,
              ...gradients.layers.flatMap((g) => [g.weight, g.bias]),
            ]);
            if (gradients.logSigma) gradients.logSigma.dispose();
            if (masks) tf.dispose(masks);
            batch.dispose();
            net.dispose();
          });
        }
      }
    }

    it("l2 'objective-only': the steps are those of gamma 0, and the objective adds gamma·Σ‖W_l‖² + gammaSkip·‖S‖", async () => {
      const random = new Random(31);
      const X = matrix(random, 14, 6);
      const y = matrix(random, 14, 2);
      const tensorsBefore = tf.memory().numTensors;
      const config = { nFeatures: 6, hiddenDims: [5, 4], nOutputs: 2, seed: 8 };
      const l2 = { gamma: 0.5, gammaSkip: 0.7 };
      const runs = [
        { lambda: 0.3, ...l2, l2: 'objective-only' as const },
        { lambda: 0.3 },
        { lambda: 0.3, ...l2, l2: 'gradient' as const },
      ].map((penalties) => {
        const net = new LassoNet(config);
        const batch = net.prepare(X, y, meanSquaredError());
        const optimizer = new ModelOptimizer({ name: 'adam', learningRate: 0.05 });
        for (let i = 0; i < 6; i++) net.step(batch, { optimizer, ...penalties });
        optimizer.dispose();
        return { net, batch, weights: net.variables().map((w) => Array.from(w.dataSync())) };
      });
      const [objectiveOnly, noL2, withGradient] = runs as [
        (typeof runs)[number],
        (typeof runs)[number],
        (typeof runs)[number],
      ];
      expect(objectiveOnly.weights).toEqual(noL2.weights);
      expect(withGradient.weights).not.toEqual(noL2.weights);

      const { net, batch } = objectiveOnly;
      const evaluation = await net.evaluate(batch, {
        lambda: 0.3,
        ...l2,
        l2: 'objective-only',
      });
      // The objective in float64 from the weights: the squared norm of the later layers, the
      // skip weights' Frobenius norm itself.
      const p = refParams(net);
      const loss = refMse(refForward(p, X), y);
      const skipNorm = p.skip.reduce((sum, row) => sum + Math.hypot(...row), 0);
      const hidden = refL2(p).hidden;
      const skipFrobenius = Math.sqrt(refL2(p).skip);
      expect(evaluation.loss).toBeCloseTo(loss, 4);
      expect(evaluation.l2).toBeCloseTo(l2.gamma * hidden + l2.gammaSkip * skipFrobenius, 4);
      expect(evaluation.objective).toBeCloseTo(
        loss + 0.3 * skipNorm + l2.gamma * hidden + l2.gammaSkip * skipFrobenius,
        4,
      );
      const squared = await net.evaluate(batch, { lambda: 0.3, ...l2 });
      expect(squared.l2).toBeCloseTo(l2.gamma * hidden + l2.gammaSkip * refL2(p).skip, 4);
      for (const run of runs) {
        run.batch.dispose();
        run.net.dispose();
      }
      expect(tf.memory().numTensors).toBe(tensorsBefore);
    });

    it('a wide first layer (700 × 100 weights, a product of its own on wasm) matches the float64 reference', () => {
      const random = new Random(21);
      const n = 12;
      const tensorsBefore = tf.memory().numTensors;
      const net = new LassoNet({ nFeatures: 700, hiddenDims: [100], nOutputs: 2, seed: 4 });
      const X = matrix(random, n, 700);
      const y = matrix(random, n, 2);
      const batch = net.prepare(X, y, meanSquaredError());
      const p = refParams(net);
      const objective = (q: RefParams) => refMse(refForward(q, X), y);
      expect(net.evaluateSync(batch).loss).toBeCloseTo(objective(p), 4);
      const { loss, gradients } = net.gradients(batch);
      expect(loss.arraySync()).toBeCloseTo(objective(p), 4);
      // Finite differences on a sample of coordinates: the full set is 70 000 weights.
      const expected = new Map<string, number>();
      const h = 1e-6;
      const probe = (name: string, get: () => number, set: (v: number) => void) => {
        const x = get();
        set(x + h);
        const up = objective(p);
        set(x - h);
        const down = objective(p);
        set(x);
        expected.set(name, (up - down) / (2 * h));
      };
      const first = p.layers[0] as RefParams['layers'][number];
      for (let t = 0; t < 12; t++) {
        const i = random.int(0, 699);
        const k = random.int(0, 99);
        const row = first.weight[i] as number[];
        probe(
          `layers[0].weight[${i}][${k}]`,
          () => row[k] as number,
          (v) => {
            row[k] = v;
          },
        );
        probe(
          `layers[0].bias[${k}]`,
          () => first.bias[k] as number,
          (v) => {
            first.bias[k] = v;
          },
        );
        const skipRow = p.skip[i] as number[];
        probe(
          `skip[${i}][${t % 2}]`,
          () => skipRow[t % 2] as number,
          (v) => {
            skipRow[t % 2] = v;
          },
        );
      }
      expectGradientsClose(gradientMap(net, gradients), expected, { atol: 2e-5, rtol: 2e-3 });
      tf.dispose([loss, gradients.skip, ...gradients.layers.flatMap((g) => [g.weight, g.bias])]);
      // After steps the new weights are used, not what was computed from the old ones.
      const optimizer = new ModelOptimizer({ name: 'sgd', learningRate: 0.05, momentum: 0.9 });
      for (let t = 0; t < 3; t++) {
        net.step(batch, { optimizer, lambda: 0.1 });
        expect(net.evaluateSync(batch).loss).toBeCloseTo(objective(refParams(net)), 4);
      }
      optimizer.dispose();
      batch.dispose();
      net.dispose();
      expect(tf.memory().numTensors).toBe(tensorsBefore);
    });

    it('features out of the model are left out of the forward products, with the same results', () => {
      const random = new Random(31);
      const nFeatures = 10;
      const tensorsBefore = tf.memory().numTensors;
      const net = new LassoNet({ nFeatures, hiddenDims: [6], nOutputs: 3, seed: 5 });
      const skip = rows(net.skip as unknown as Tensor2D);
      const first = rows(
        (net.layers[0] as LassoNet['layers'][number]).weight as unknown as Tensor2D,
      );
      // Features 1, 4 and 7 are out, as Hier-Prox leaves them; feature 2 has a zero skip row
      // only, which training never gives but a loaded model may: it still counts.
      for (const j of [1, 4, 7]) {
        skip[j] = skip[j]?.map(() => 0) as number[];
        first[j] = first[j]?.map(() => 0) as number[];
      }
      skip[2] = skip[2]?.map(() => 0) as number[];
      const values = [tf.tensor2d(skip), tf.tensor2d(first)] as const;
      net.skip.assign(values[0]);
      (net.layers[0] as LassoNet['layers'][number]).weight.assign(values[1]);
      tf.dispose([...values]);
      const X = matrix(random, 15, nFeatures);
      const y = matrix(random, 15, 3);
      const batch = net.prepare(X, y, meanSquaredError());
      const p = refParams(net);
      const objective = (q: RefParams) => refMse(refForward(q, X), y);
      expect(net.evaluateSync(batch).loss).toBeCloseTo(objective(p), 5);
      // The gradients of the features that are out are taken all the same (they may come back).
      const { loss, gradients } = net.gradients(batch);
      expect(loss.arraySync()).toBeCloseTo(objective(p), 5);
      const expected = finiteDifferences(p, objective);
      expectGradientsClose(gradientMap(net, gradients), expected, { atol: 2e-5, rtol: 2e-3 });
      expect(Math.abs(expected.get('layers[0].weight[1][0]') as number)).toBeGreaterThan(1e-4);
      tf.dispose([loss, gradients.skip, ...gradients.layers.flatMap((g) => [g.weight, g.bias])]);
      // Steps change the weights and which features are out; each forward uses the current ones.
      const optimizer = new ModelOptimizer({ name: 'sgd', learningRate: 0.05, momentum: 0 });
      const masks = new Set([net.inputMask().join()]);
      for (let t = 0; t < 4; t++) {
        net.step(batch, { optimizer, lambda: 2 });
        expect(net.evaluateSync(batch).loss).toBeCloseTo(objective(refParams(net)), 5);
        masks.add(net.inputMask().join());
      }
      expect(masks.size).toBeGreaterThan(1);
      optimizer.dispose();
      batch.dispose();
      net.dispose();
      expect(tf.memory().numTensors).toBe(tensorsBefore);
    });

    it('a step is the optimizer update followed by Hier-Prox with lambda·learningRate', () => {
      const random = new Random(5);
      const net = new LassoNet({ nFeatures: 6, hiddenDims: [5], nOutputs: 2, seed: 2 });
      const X = matrix(random, 20, 6);
      const batch = net.prepare(X, matrix(random, 20, 2), meanSquaredError());
      const before = refParams(net);
      const { loss, gradients } = net.gradients(batch);
      const g = { skip: rows(gradients.skip), layers: gradients.layers.map((l) => rows(l.weight)) };
      const gBias = gradients.layers.map((l) => l.bias.arraySync() as number[]);
      tf.dispose([loss, gradients.skip, ...gradients.layers.flatMap((l) => [l.weight, l.bias])]);
      const optimizer = new ModelOptimizer({ name: 'sgd', learningRate: 0.1, momentum: 0 });
      const lambda = 0.5;
      net.step(batch, { optimizer, lambda, M: 3 });
      const after = refParams(net);
      const sgd = (w: number[][], dw: number[][]) =>
        w.map((row, i) => row.map((v, j) => Math.fround(v - 0.1 * (dw[i]?.[j] as number))));
      // Layers after the first: plain gradient steps.
      const expectedW = sgd(before.layers[1]?.weight as number[][], g.layers[1] as number[][]);
      for (const [i, row] of (after.layers[1]?.weight ?? []).entries()) {
        for (const [j, v] of row.entries()) expect(v).toBeCloseTo(expectedW[i]?.[j] as number, 6);
      }
      for (const [k, b] of (after.layers[1]?.bias ?? []).entries()) {
        const expectedB = (before.layers[1]?.bias[k] as number) - 0.1 * (gBias[1]?.[k] as number);
        expect(b).toBeCloseTo(expectedB, 6);
      }
      // Skip and first layer: the gradient step, then the prox with lambda·lr = 0.05.
      const s = Float32Array.from(sgd(before.skip, g.skip).flat());
      const h = Float32Array.from(
        sgd(before.layers[0]?.weight as number[][], g.layers[0] as number[][]).flat(),
      );
      const expected = hierProxArrays(s, h, 6, { lambda: 0.05, M: 3 });
      for (const [i, v] of after.skip.flat().entries()) {
        expect(v).toBeCloseTo(expected.skip[i] as number, 5);
      }
      for (const [i, v] of (after.layers[0]?.weight ?? []).flat().entries()) {
        expect(v).toBeCloseTo(expected.hidden[i] as number, 5);
      }
      optimizer.dispose();
      batch.dispose();
      net.dispose();
    });

    it('Adam and SGD with momentum both fit a small regression; a large lambda empties the model', async () => {
      const random = new Random(9);
      const X = matrix(random, 64, 5);
      // y depends on features 0 and 1 only.
      const y = X.map((x) => [
        2 * (x[0] as number) - (x[1] as number) + 0.5 * Math.max(0, x[0] as number),
      ]);
      for (const options of [
        { name: 'adam', learningRate: 0.01 },
        { name: 'sgd', learningRate: 0.01, momentum: 0.9 },
      ] as const) {
        const net = new LassoNet({ nFeatures: 5, hiddenDims: [8], seed: 4 });
        const batch = net.prepare(X, y, meanSquaredError());
        const optimizer = new ModelOptimizer(options);
        const start = (await net.evaluate(batch)).loss;
        for (let i = 0; i < 150; i++) net.step(batch, { optimizer });
        const end = (await net.evaluate(batch)).loss;
        expect(end, options.name).toBeLessThan(0.2 * start);
        expect(net.selectedCount()).toBe(5);
        // A step penalty lambda·lr far above every weight: one prox removes all features.
        net.step(batch, { optimizer, lambda: 1e4 });
        expect(net.selectedCount()).toBe(0);
        expect(net.inputMask()).toEqual([false, false, false, false, false]);
        const evaluation = await net.evaluate(batch, { lambda: 2, gamma: 0.1, gammaSkip: 0.3 });
        expect(evaluation.skipNorm).toBe(0);
        expect(evaluation.objective).toBeCloseTo(evaluation.loss + evaluation.l2, 5);
        optimizer.dispose();
        batch.dispose();
        net.dispose();
      }
    }, 120_000);

    it('groups leave the model together', () => {
      const random = new Random(2);
      const groups = [[0, 2], [1], [3, 4]];
      const net = new LassoNet({ nFeatures: 5, hiddenDims: [4], seed: 1, groups });
      const batch = net.prepare(matrix(random, 10, 5), matrix(random, 10, 1), meanSquaredError());
      const optimizer = new ModelOptimizer({ name: 'sgd', learningRate: 0.01 });
      const seen = new Set<string>();
      for (let lambda = 0.1; lambda < 1e4 && net.selectedCount() > 0; lambda *= 1.5) {
        net.step(batch, { optimizer, lambda });
        const mask = net.inputMask();
        seen.add(JSON.stringify(mask));
        for (const g of groups) expect(new Set(g.map((j) => mask[j])).size).toBe(1);
      }
      expect(net.selectedCount()).toBe(0);
      expect(net.skipNorms()).toHaveLength(3);
      expect(seen.size).toBeGreaterThan(1);
      optimizer.dispose();
      batch.dispose();
      net.dispose();
    });

    it('checkpoints round-trip exactly, through JSON text too', () => {
      const net = new LassoNet({
        nFeatures: 4,
        hiddenDims: [3, 2],
        nOutputs: 1,
        logSigma: true,
        seed: 11,
        groups: [[0, 1], [2], [3]],
      });
      net.logSigma?.assign(tf.scalar(0.123456789));
      const checkpoint = net.toJSON();
      const copy = LassoNet.fromJSON(JSON.parse(JSON.stringify(checkpoint)) as LassoNetCheckpoint);
      expect(copy.toJSON()).toEqual(checkpoint);
      expect(copy.config).toEqual(net.config);
      const X = [[0.1, -2, 3, 0.5]];
      const a = net.predict(X);
      const b = copy.predict(X);
      expect(b.arraySync()).toEqual(a.arraySync());
      tf.dispose([a, b]);
      // Loading into a fresh network of the same shape overwrites its weights.
      const fresh = new LassoNet({ ...net.config, groups: [[0, 1], [2], [3]], seed: 99 });
      fresh.load(checkpoint);
      expect(fresh.toJSON().weights).toEqual(checkpoint.weights);
      for (const n of [net, copy, fresh]) n.dispose();
    });

    it('loading a checkpoint of another shape is a clear error', () => {
      const net = new LassoNet({ nFeatures: 4, hiddenDims: [3] });
      const other = new LassoNet({ nFeatures: 4, hiddenDims: [5] });
      expect(() => net.load(other.toJSON())).toThrow(
        /checkpoint is for a network 4 → \[5\] → 1, but this network is 4 → \[3\] → 1/,
      );
      const broken = other.toJSON();
      (broken.weights.layers[0] as { weight: number[][] }).weight.pop();
      expect(() => other.load(broken)).toThrow(ModelError);
      expect(() => other.load(broken)).toThrow(
        /weights.layers\[0\].weight must be a 4×5 array, got 3 rows/,
      );
      net.dispose();
      other.dispose();
    });

    it(`keeps the tensor count flat over ${leakSteps} training steps and evaluations`, async () => {
      const random = new Random(1);
      const net = new LassoNet({
        nFeatures: 6,
        hiddenDims: [8, 4],
        nOutputs: 3,
        dropout: 0.2,
        seed: 3,
      });
      const batch = net.prepare(
        matrix(random, 30, 6),
        Array.from({ length: 30 }, (_, i) => i % 3),
        crossEntropy(),
      );
      const optimizer = new ModelOptimizer({ name: 'adam' });
      net.step(batch, { optimizer, lambda: 0.1, gamma: 0.01, gammaSkip: 0.01 });
      await net.evaluate(batch, { lambda: 0.1 });
      const before = tf.memory().numTensors;
      for (let i = 0; i < leakSteps; i++) {
        net.step(batch, { optimizer, lambda: 0.1, gamma: 0.01, gammaSkip: 0.01 });
        if (i % 50 === 0) await net.evaluate(batch, { lambda: 0.1, gamma: 0.01 });
      }
      expect(tf.memory().numTensors).toBe(before);
      optimizer.dispose();
      batch.dispose();
      net.dispose();
    }, 120_000);

    it('leaves no tensor behind once a network, its batch and its optimizers are disposed', () => {
      const before = tf.memory().numTensors;
      const net = new LassoNet({ nFeatures: 4, hiddenDims: [5], nOutputs: 1, logSigma: true });
      const batch = net.prepare(
        [
          [1, 2, 3, 4],
          [0, 1, 0, 1],
        ],
        [
          [1, 2, 0, 1, 0],
          [2, 2, 0, 0, 1],
        ],
        intervalLogNormal(),
      );
      const optimizers = [
        new ModelOptimizer({ name: 'adam' }),
        new ModelOptimizer({ name: 'sgd', momentum: 0.9 }),
        new ModelOptimizer({ name: 'sgd', momentum: 0 }),
      ];
      for (const optimizer of optimizers) net.step(batch, { optimizer, lambda: 0.1 });
      net.load(net.toJSON());
      for (const optimizer of optimizers) optimizer.dispose();
      batch.dispose();
      net.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  });
}
