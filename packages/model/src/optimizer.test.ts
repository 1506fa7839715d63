import '@lassonet/backend-cpu';
import '@lassonet/backend-wasm';
import { type Tensor, tf, useBackend } from '@lassonet/backend';
import { Random } from '@lassonet/core';
import { describe, expect, it } from 'vitest';
import { ModelOptimizer, type OptimizerOptions } from './optimizer.js';

// Small weights take the host kernel; large ones (more than 16k weights) tensor ops.
const SMALL = [[7, 3], [7, 5], [5], [5, 3], [3]] as const;
const LARGE = [[300, 3], [300, 60], [60], [60, 3], [3]] as const;

/** Variables and a few steps of gradients, from a seed. */
function problem(seed: number, SHAPES: number[][]) {
  const random = new Random(seed);
  const draw = (shape: number[]) =>
    Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => random.normal());
  return {
    start: SHAPES.map(draw),
    steps: Array.from({ length: 6 }, () => SHAPES.map((s) => draw(s).map((x) => 0.1 * x))),
  };
}

/** The values after the steps, by an optimizer that applies gradients keyed by name. */
function train(
  data: ReturnType<typeof problem>,
  SHAPES: number[][],
  prefix: string,
  apply: (grads: Record<string, Tensor>) => void,
): Float32Array[] {
  const variables = data.start.map((v, i) => {
    const initial = tf.tensor(v, SHAPES[i]);
    const variable = tf.variable(initial, true, `${prefix}${i}`);
    initial.dispose();
    return variable;
  });
  for (const grads of data.steps) {
    const named = Object.fromEntries(
      grads.map((g, i) => [`${prefix}${i}`, tf.tensor(g, SHAPES[i])]),
    );
    apply(named);
    tf.dispose(Object.values(named));
  }
  const values = variables.map((v) => v.dataSync() as Float32Array);
  tf.dispose(variables);
  return values;
}

/** tfjs's own optimizer for the same settings. */
function reference(o: Required<OptimizerOptions> & Record<string, unknown>): tf.Optimizer {
  if (o.name === 'adam') {
    return tf.train.adam(o.learningRate, o.beta1 as number, o.beta2 as number, o.epsilon as number);
  }
  return (o.momentum as number) === 0
    ? tf.train.sgd(o.learningRate)
    : tf.train.momentum(o.learningRate, o.momentum as number, o.nesterov as boolean);
}

const SETTINGS = [
  { name: 'sgd', learningRate: 1e-3, momentum: 0.9, nesterov: false },
  { name: 'sgd', learningRate: 0.05, momentum: 0.5, nesterov: true },
  { name: 'sgd', learningRate: 0.1, momentum: 0, nesterov: false },
  { name: 'adam', learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
  { name: 'adam', learningRate: 0.02, beta1: 0.5, beta2: 0.9, epsilon: 1e-6 },
] as const;

describe.each([
  ['wasm', 'small', SMALL],
  ['cpu', 'small', SMALL],
  ['wasm', 'large', LARGE],
] as const)('ModelOptimizer on %s, %s weights', (backend, size, shapes) => {
  const SHAPES = shapes.map((s) => [...s]);
  it.each(SETTINGS)(
    'steps to the same bits as tfjs ($name, lr $learningRate)',
    async (settings) => {
      await useBackend(backend);
      const data = problem(settings.learningRate * 1000, SHAPES);
      const ours = new ModelOptimizer(settings);
      const got = train(
        data,
        SHAPES,
        `ours-${size}-${backend}-${settings.name}-${settings.learningRate}-`,
        (g) => ours.apply(g),
      );
      ours.dispose();
      const theirs = reference(settings as never);
      const expected = train(
        data,
        SHAPES,
        `ref-${size}-${backend}-${settings.name}-${settings.learningRate}-`,
        (g) => theirs.applyGradients(g),
      );
      theirs.dispose();
      got.forEach((values, i) => {
        expect(Array.from(values)).toEqual(Array.from(expected[i] as Float32Array));
      });
      // Training with it leaves no tensor behind once it is disposed.
      const ours2 = new ModelOptimizer(settings);
      const base = tf.memory().numTensors;
      train(
        data,
        SHAPES,
        `leak-${size}-${backend}-${settings.name}-${settings.learningRate}-`,
        (g) => ours2.apply(g),
      );
      ours2.dispose();
      expect(tf.memory().numTensors).toBe(base);
    },
  );
});
