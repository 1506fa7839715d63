import {
  type BackendAdapter,
  defineHostKernel,
  denseRelu,
  inputProduct,
  type Tensor,
  type Tensor1D,
  type Tensor2D,
  tf,
} from '@lassonet/backend';
import { expect, it } from 'vitest';
import { Random } from './random.js';

interface RowAttrs {
  scale: number;
}

/** Row sums of squares [rows] and the input times `scale` [rows, cols]: two outputs of two shapes. */
const rowSquares = defineHostKernel<RowAttrs>({
  name: 'LassoNetConformanceRowSquares',
  outputShapes: ([shape]) => [[shape?.[0] ?? 0], [...(shape ?? [])]],
  host([x], [shape], { scale }, [sums, scaled]) {
    const [rows, cols] = shape as [number, number];
    const values = x as Float32Array;
    const out = scaled as Float32Array;
    if (!Number.isFinite(scale)) throw new RangeError('scale must be finite');
    for (let r = 0; r < rows; r++) {
      let sum = 0;
      for (let c = r * cols; c < (r + 1) * cols; c++) {
        const v = values[c] as number;
        sum += v * v;
        out[c] = v * scale;
      }
      (sums as Float32Array)[r] = sum;
    }
  },
  composite: ([x], { scale }) => {
    const input = x as Tensor;
    return [tf.sum(tf.square(input), 1), tf.mul(input, scale)];
  },
});

function randomMatrix(random: Random, rows: number, cols: number): Tensor2D {
  const values = new Float32Array(rows * cols);
  for (let i = 0; i < values.length; i++) values[i] = random.normal();
  return tf.tensor2d(values, [rows, cols]);
}

/** Largest absolute difference between two tensors' values. */
async function maxDifference(a: Tensor, b: Tensor): Promise<number> {
  const [x, y] = [await a.data(), await b.data()];
  expect(a.shape).toEqual(b.shape);
  let max = 0;
  for (let i = 0; i < x.length; i++)
    max = Math.max(max, Math.abs((x[i] as number) - (y[i] as number)));
  return max;
}

/**
 * The host-kernel mechanism on one adapter: where the adapter supports host kernels, a defined
 * kernel runs over the backend's own storage and gives the plain computation's values; elsewhere
 * it falls back to its composite. Either way nothing leaks, not even when the host function throws.
 */
export function describeHostKernels(adapter: BackendAdapter): void {
  const host = adapter.hostKernel !== undefined;

  it(`host kernels: ${host ? 'registered for this backend' : 'the composite runs instead'}`, async () => {
    expect(rowSquares.available()).toBe(host);
    const random = new Random(3);
    // The large case makes the outputs' allocation grow wasm memory after the inputs exist.
    for (const [rows, cols] of [
      [3, 4],
      [1, 1],
      [1500, 1024],
    ] as const) {
      const x = randomMatrix(random, rows, cols);
      const before = Array.from(x.dataSync());
      const tensors = tf.memory().numTensors;
      const [sums, scaled] = rowSquares.run([x], { scale: -2 }) as [Tensor, Tensor];
      const [copySums, copyScaled] = rowSquares.runOnCopies([x], { scale: -2 }) as [Tensor, Tensor];
      const plainSums = tf.tidy(() => tf.sum(tf.square(x), 1));
      const plainScaled = tf.mul(x, -2);
      expect(await maxDifference(sums, plainSums)).toBeLessThanOrEqual(1e-4 * cols);
      expect(await maxDifference(scaled, plainScaled)).toBe(0);
      expect(await maxDifference(copySums, plainSums)).toBeLessThanOrEqual(1e-4 * cols);
      expect(await maxDifference(copyScaled, plainScaled)).toBe(0);
      expect(Array.from(x.dataSync()), 'the input is unchanged').toEqual(before);
      tf.dispose([sums, scaled, copySums, copyScaled, plainSums, plainScaled]);
      expect(tf.memory().numTensors, 'tensors left undisposed').toBe(tensors);
      x.dispose();
    }
  });

  it('host kernels: an error in the host function frees the outputs', () => {
    const x = tf.tensor2d([
      [1, 2],
      [3, 4],
    ]);
    const tensors = tf.memory().numTensors;
    const dataIds = tf.engine().backend.numDataIds();
    const run = host ? rowSquares.run : rowSquares.runOnCopies;
    expect(() => run([x], { scale: Number.NaN })).toThrow(/scale must be finite/);
    expect(tf.memory().numTensors).toBe(tensors);
    expect(tf.engine().backend.numDataIds(), 'backend storage left allocated').toBe(dataIds);
    x.dispose();
  });

  it('denseRelu: relu(x·weight + bias), from the transposed operands too', async () => {
    const random = new Random(4);
    for (const [n, d, h] of [
      [5, 7, 3],
      [64, 700, 100],
    ] as const) {
      const x = randomMatrix(random, n, d);
      const weight = randomMatrix(random, d, h);
      const bias = tf.tensor1d(Array.from({ length: h }, () => random.normal())) as Tensor1D;
      const xT = tf.transpose(x) as Tensor2D;
      const weightT = tf.transpose(weight) as Tensor2D;
      const tensors = tf.memory().numTensors;
      const dataIds = tf.engine().backend.numDataIds();
      const expected = tf.tidy(() => tf.relu(tf.add(tf.matMul(x, weight), bias)));
      const outputs = [
        denseRelu({ x, weight, bias }),
        denseRelu({ x, weight, bias, xT }),
        denseRelu({ x, weight, bias, xT, weightT }),
      ];
      for (const out of outputs) {
        expect(await maxDifference(out, expected)).toBeLessThanOrEqual(1e-4 * Math.sqrt(d));
      }
      tf.dispose([expected, ...outputs]);
      expect(tf.memory().numTensors, 'tensors left undisposed').toBe(tensors);
      expect(tf.engine().backend.numDataIds(), 'backend storage left allocated').toBe(dataIds);
      tf.dispose([x, weight, bias, xT, weightT]);
    }
  });

  it('inputProduct: xᵀ·g, for tall and wide inputs and a single column, with or without xT', async () => {
    const random = new Random(5);
    for (const [n, d, k] of [
      [40, 7, 12],
      [30, 300, 20],
      [30, 300, 1],
      [50, 50, 8],
    ] as const) {
      const x = randomMatrix(random, n, d);
      const g = randomMatrix(random, n, k);
      const xT = tf.transpose(x) as Tensor2D;
      const tensors = tf.memory().numTensors;
      const dataIds = tf.engine().backend.numDataIds();
      const expected = tf.tidy(() => tf.matMul(x, g, true, false));
      // With the transposed input a batch keeps, and without (a hidden layer's input).
      for (const out of [inputProduct({ x, xT, g }), inputProduct({ x, g })]) {
        expect(out.shape).toEqual([d, k]);
        expect(await maxDifference(out, expected)).toBeLessThanOrEqual(1e-4 * Math.sqrt(n));
        out.dispose();
      }
      expected.dispose();
      expect(tf.memory().numTensors, 'tensors left undisposed').toBe(tensors);
      expect(tf.engine().backend.numDataIds(), 'backend storage left allocated').toBe(dataIds);
      tf.dispose([x, g, xT]);
    }
  });
}
