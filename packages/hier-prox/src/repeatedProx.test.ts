import { Random } from '@lassonet/backend-conformance';
import { describe, expect, it } from 'vitest';
import { groupLayout, singletonGroups } from './groups.js';
import { hierProxKernel } from './proxKernel.js';
import { repeatedProx } from './repeatedProx.js';
import { randomGroups, randomWeights, SHAPES, type Shape } from './test-utils/randomCase.js';

interface Case {
  label: string;
  shape: Shape;
  skip: Float32Array;
  hidden: Float32Array;
  groups?: number[][];
  lambda: number;
  lambdaBar: number;
  M: number;
}

/** Random weights on every test shape, some rounded to a coarse grid so that magnitudes tie. */
function cases(seed: number): Case[] {
  const random = new Random(seed);
  const out: Case[] = [];
  for (const shape of SHAPES) {
    for (const [lambda, M] of [
      [1e-4, 10],
      [0.003, 10],
      [0.05, 1],
      [0.01, 100],
      [0.2, 0.5],
    ] as const) {
      const { skip, hidden } = randomWeights(random, shape);
      const tie = random.float() < 0.4;
      const h = Float32Array.from(hidden.flat(), (x) => (tie ? Math.round(x * 20) / 20 : x));
      const grouped = random.float() < 0.4 && shape.nFeatures > 1;
      const groups = grouped ? randomGroups(random, shape.nFeatures, 4) : undefined;
      out.push({
        label: `${shape.nFeatures}x${shape.nOutputs}x${shape.nHidden} lambda=${lambda} M=${M}${tie ? ' ties' : ''}${groups ? ` groups=${JSON.stringify(groups)}` : ''}`,
        shape,
        skip: Float32Array.from(skip.flat()),
        hidden: h,
        ...(groups === undefined ? {} : { groups }),
        lambda,
        lambdaBar: 0,
        M,
      });
    }
  }
  return out;
}

/** The skip weights after each of `n` proxes: by the kernel on explicit weights, and repeated. */
function trajectories(c: Case, n: number): { kernel: Float32Array[]; repeated: Float32Array[] } {
  const { nFeatures, nOutputs, nHidden } = c.shape;
  const layout =
    c.groups === undefined ? singletonGroups(nFeatures) : groupLayout(c.groups, nFeatures);
  const params = { lambda: c.lambda, lambdaBar: c.lambdaBar, M: c.M };
  const kernel: Float32Array[] = [];
  let s = Float32Array.from(c.skip);
  let h = Float32Array.from(c.hidden);
  for (let i = 0; i < n; i++) {
    const sNext = new Float32Array(s.length);
    const hNext = new Float32Array(h.length);
    hierProxKernel(s, h, nOutputs, nHidden, layout, params, sNext, hNext);
    kernel.push(sNext);
    [s, h] = [sNext, hNext];
  }
  const prox = repeatedProx(c.skip, c.hidden, nOutputs, nHidden, layout, params);
  const run = () => {
    const out: Float32Array[] = [];
    let now = Float32Array.from(c.skip);
    for (let i = 0; i < n; i++) {
      const next = new Float32Array(now.length);
      prox.apply(c.lambda, now, next);
      out.push(next);
      now = next;
    }
    return out;
  };
  const first = run();
  prox.restart();
  // A restart starts over: the second run is the first again.
  expect(run()).toEqual(first);
  return { kernel, repeated: first };
}

/** The first prox (and weight) where two trajectories differ, or undefined. */
function firstDifference(a: Float32Array[], b: Float32Array[]): string | undefined {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Float32Array;
    const y = b[i] as Float32Array;
    for (let k = 0; k < x.length; k++) {
      if (x[k] !== y[k]) return `prox ${i + 1}, weight ${k}: ${x[k]} against ${y[k]}`;
    }
  }
  return undefined;
}

describe('repeatedProx', () => {
  // The clipped first layer is a bookkeeping of the kernel's own result: the skip weights after
  // every prox are the kernel's to the bit, through the whole approach to the fixed point.
  it.each([...cases(11), ...cases(12)])(
    'lambdaBar 0 equals the kernel, prox by prox: $label',
    (c) => {
      const { kernel, repeated } = trajectories(c, 300);
      expect(firstDifference(kernel, repeated)).toBeUndefined();
      // The weights do move, unless every skip row is zero (then they stay zero).
      const moved = firstDifference([c.skip], [repeated[299] as Float32Array]) !== undefined;
      expect(moved).toBe(c.skip.some((x) => x !== 0));
    },
  );

  it('with a first-layer penalty, runs the kernel itself', () => {
    const random = new Random(3);
    const shape = { nFeatures: 12, nOutputs: 2, nHidden: 16 };
    const { skip, hidden } = randomWeights(random, shape);
    const c: Case = {
      label: 'lambdaBar',
      shape,
      skip: Float32Array.from(skip.flat()),
      hidden: Float32Array.from(hidden.flat()),
      lambda: 0.01,
      lambdaBar: 0.02,
      M: 10,
    };
    const { kernel, repeated } = trajectories(c, 100);
    expect(firstDifference(kernel, repeated)).toBeUndefined();
  });

  it('reaches the same all-zero groups as the kernel on weights a prox empties at once', () => {
    const shape = { nFeatures: 3, nOutputs: 1, nHidden: 4 };
    const c: Case = {
      label: 'empties',
      shape,
      skip: Float32Array.from([0.5, 0.01, 2]),
      hidden: Float32Array.from([0.3, -0.2, 0.1, 0, 0.05, 0.05, -0.05, 0.05, 1, -1, 0.5, 0]),
      lambda: 0.1,
      lambdaBar: 0,
      M: 10,
    };
    const { kernel, repeated } = trajectories(c, 50);
    expect(firstDifference(kernel, repeated)).toBeUndefined();
    expect(Array.from(repeated[49] as Float32Array, (x) => x === 0)).toEqual([false, true, false]);
  });
});
