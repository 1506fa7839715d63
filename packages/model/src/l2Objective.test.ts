import { type Tensor, tf, useBackend } from '@lassonet/backend';
import '@lassonet/backend-cpu';
import '@lassonet/backend-wasm';
import { describe, expect, it } from 'vitest';
import { type Batch, crossEntropy, type Gradients, LassoNet, meanSquaredError } from './index.js';
import { type L2ObjectiveFixture, l2ObjectiveFixtures } from './test-utils/referenceValues.js';

/** A network holding the case's weights, and its batch. */
function fromCase(c: L2ObjectiveFixture): { net: LassoNet; batch: Batch } {
  const hiddenDims = c.layers.slice(0, -1).map((l) => l.bias.length);
  const nOutputs = (c.layers.at(-1) as L2ObjectiveFixture['layers'][number]).bias.length;
  const net = new LassoNet({ nFeatures: c.skip.length, hiddenDims, nOutputs, seed: 0 });
  net.load({ ...net.toJSON(), weights: { skip: c.skip, layers: c.layers } });
  const batch =
    c.labels === undefined
      ? net.prepare(c.X, c.y as number[][], meanSquaredError())
      : net.prepare(c.X, c.labels, crossEntropy());
  return { net, batch };
}

function gradientArrays(g: Gradients) {
  return {
    skip: g.skip.arraySync() as number[][],
    layers: g.layers.map((l) => ({
      weight: l.weight.arraySync() as number[][],
      bias: l.bias.arraySync() as number[],
    })),
  };
}

function expectClose(actual: unknown, expected: unknown, path: string): void {
  if (Array.isArray(expected)) {
    expect((actual as unknown[]).length, path).toBe(expected.length);
    expected.forEach((e, i) => {
      expectClose((actual as unknown[])[i], e, `${path}[${i}]`);
    });
  } else if (typeof expected === 'object' && expected !== null) {
    for (const [key, e] of Object.entries(expected)) {
      expectClose((actual as Record<string, unknown>)[key], e, `${path}.${key}`);
    }
  } else {
    expect(Math.abs((actual as number) - (expected as number)), path).toBeLessThan(2e-6);
  }
}

for (const backend of ['cpu', 'wasm'] as const) {
  describe(`l2 'objective-only' against the reference's values on ${backend}`, () => {
    for (const c of l2ObjectiveFixtures()) {
      it(`${c.name}: the same gradient and objective as upstream's training loop`, async () => {
        await useBackend(backend);
        const before = tf.memory().numTensors;
        const { net, batch } = fromCase(c);
        const { lambda, gamma, gammaSkip } = c;
        const evaluation = await net.evaluate(batch, {
          lambda,
          gamma,
          gammaSkip,
          l2: 'objective-only',
        });
        expect(evaluation.loss).toBeCloseTo(c.loss, 5);
        expect(evaluation.objective).toBeCloseTo(c.objective, 5);
        const { loss, gradients } = net.gradients(batch, {
          gamma,
          gammaSkip,
          l2: 'objective-only',
        });
        expectClose(gradientArrays(gradients), c.gradients, c.name);

        // The default, a true L2 penalty, differs from the reference in both.
        const squared = await net.evaluate(batch, { lambda, gamma, gammaSkip });
        expect(Math.abs(squared.objective - c.objective)).toBeGreaterThan(1e-3);
        const withL2 = net.gradients(batch, { gamma, gammaSkip });
        const skipGap = Math.max(
          ...(withL2.gradients.skip.arraySync() as number[][])
            .flat()
            .map((g, i) => Math.abs(g - (c.gradients.skip.flat()[i] as number))),
        );
        expect(skipGap).toBeGreaterThan(1e-3);

        const owned: Tensor[] = [loss, withL2.loss];
        for (const g of [gradients, withL2.gradients]) {
          owned.push(g.skip, ...g.layers.flatMap((l) => [l.weight, l.bias]));
        }
        tf.dispose(owned);
        batch.dispose();
        net.dispose();
        expect(tf.memory().numTensors).toBe(before);
      });
    }
  });
}
