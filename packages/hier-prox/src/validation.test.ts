import { expectErrorOf } from '@lassonet/vitest-config/errors';
import '@lassonet/backend-cpu';
import { tf, useBackend } from '@lassonet/backend';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkGroups,
  firstDropPenalty,
  HierProxError,
  hierProx,
  hierProxArrays,
  hierProxInPlace,
  prepareHierProx,
  selectedMask,
  skipNorms,
} from './index.js';

const expectError = expectErrorOf(HierProxError);

describe('bad input gets a typed error that says what is wrong', () => {
  beforeAll(async () => {
    await useBackend('cpu');
  });

  const skip = () => tf.tensor2d([[1], [2], [3]]);
  const hidden = () =>
    tf.tensor2d([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);

  it('tensors: not a tensor, not 2-D, wrong dtype, empty, row counts that differ', () => {
    const before = tf.memory().numTensors;
    const s = skip();
    const h = hidden();
    expectError(
      () => hierProx([[1]] as never, h, { lambda: 1 }),
      'NOT_A_TENSOR',
      /skip must be a tf.Tensor.*array/,
    );
    const flat = tf.tensor1d([1, 2, 3]);
    expectError(
      () => hierProx(s, flat, { lambda: 1 }),
      'NOT_2D',
      /hidden must be 2-D.*got shape \[3\]/,
    );
    const ints = tf.tensor2d([[1], [2], [3]], [3, 1], 'int32');
    expectError(() => hierProx(ints, h, { lambda: 1 }), 'DTYPE', /skip must be float32, got int32/);
    const empty = tf.tensor2d([], [3, 0]);
    expectError(() => hierProx(s, empty, { lambda: 1 }), 'EMPTY', /hidden is empty/);
    const twoRows = tf.tensor2d([
      [1, 2],
      [3, 4],
    ]);
    expectError(
      () => hierProx(s, twoRows, { lambda: 1 }),
      'SHAPE_MISMATCH',
      /skip has 3 rows and hidden has 2.*one row per feature/,
    );
    const gone = skip();
    gone.dispose();
    expectError(() => hierProx(gone, h, { lambda: 1 }), 'NOT_A_TENSOR', /disposed/);
    tf.dispose([s, h, flat, ints, empty, twoRows]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('options: penalties and M out of range, lambda missing, an unknown name, a bad method', () => {
    const s = skip();
    const h = hidden();
    expectError(
      () => hierProx(s, h, { lambda: -0.1 }),
      'INVALID_OPTION',
      /lambda must be a finite number >= 0, got -0.1/,
    );
    expectError(
      () => hierProx(s, h, { lambda: Number.NaN }),
      'INVALID_OPTION',
      /lambda .* got NaN/,
    );
    expectError(
      () => hierProx(s, h, { lambda: 1, lambdaBar: Number.POSITIVE_INFINITY }),
      'INVALID_OPTION',
      /lambdaBar .* got Infinity/,
    );
    expectError(
      () => hierProx(s, h, { lambda: 1, M: 0 }),
      'INVALID_OPTION',
      /M must be a finite number > 0, got 0/,
    );
    expectError(() => hierProx(s, h, { lambda: 1, M: -2 }), 'INVALID_OPTION', /M must be .* > 0/);
    expectError(
      () => hierProx(s, h, { lambda: 1, lambdaBar: -0.5 }),
      'INVALID_OPTION',
      /lambdaBar must be a finite number >= 0, got -0.5/,
    );
    expectError(
      () => hierProx(s, h, { lambda: Number.POSITIVE_INFINITY }),
      'INVALID_OPTION',
      /lambda must be a finite number >= 0, got Infinity/,
    );
    expectError(
      () => hierProx(s, h, { lambda: 1, M: Number.NaN }),
      'INVALID_OPTION',
      /M must be a finite number > 0, got NaN/,
    );
    expectError(
      () => hierProx(s, h, { lambda: 1, M: Number.POSITIVE_INFINITY }),
      'INVALID_OPTION',
      /M must be a finite number > 0, got Infinity/,
    );
    expectError(() => hierProx(s, h, {} as never), 'INVALID_OPTION', /^hierProx needs lambda\.$/);
    expectError(
      () => hierProx(s, h, undefined as never),
      'INVALID_OPTION',
      /^hierProx needs lambda\.$/,
    );
    expectError(
      () => hierProx(s, h, { lambda: 1, lamda: 2 } as never),
      'UNKNOWN_OPTION',
      /Unknown option 'lamda' for hierProx/,
    );
    expectError(
      () => hierProx(s, h, { lambda: 1, method: 'gpu' as never }),
      'INVALID_OPTION',
      /method must be one of 'auto', 'arrays', 'tensors', got 'gpu'/,
    );
    tf.dispose([s, h]);
  });

  it('groups that are not a partition of the features', () => {
    const s = skip();
    const h = hidden();
    const cases: [unknown, RegExp][] = [
      [
        [
          [0, 1],
          [1, 2],
        ],
        /Feature 1 appears in groups\[0\] and groups\[1\]/,
      ],
      [[[0, 1]], /1 of 3 features are in no group \(first: 2\)/],
      [[[0, 1, 2, 3]], /groups\[0\] contains 3, which is not a feature index/],
      [[[0, 1.5], [2]], /contains 1.5/],
      [[[0, 1, 2], []], /groups\[1\] must be a non-empty array/],
      ['0,1,2', /groups must be an array/],
    ];
    for (const [groups, message] of cases) {
      expectError(
        () => hierProx(s, h, { lambda: 1, groups: groups as number[][] }),
        'INVALID_GROUPS',
        message,
      );
      expectError(() => skipNorms(s, { groups: groups as number[][] }), 'INVALID_GROUPS', message);
      expectError(() => checkGroups(groups as number[][], 3), 'INVALID_GROUPS', message);
    }
    expect(() => checkGroups([[2, 0], [1]], 3)).not.toThrow();
    tf.dispose([s, h]);
  });

  it('NaN or Infinity in the weights, with either method, and nothing leaks', () => {
    const before = tf.memory().numTensors;
    const s = tf.tensor2d([[1], [Number.NaN], [3]]);
    const h = hidden();
    const hInf = tf.tensor2d([
      [1, 2],
      [3, 4],
      [5, Number.POSITIVE_INFINITY],
    ]);
    const ok = skip();
    for (const method of ['arrays', 'tensors'] as const) {
      expectError(() => hierProx(s, h, { lambda: 1, method }), 'NON_FINITE', /NaN or Infinity/);
      expectError(() => hierProx(ok, hInf, { lambda: 1, method }), 'NON_FINITE', /NaN or Infinity/);
    }
    expectError(() => hierProx(s, h, { lambda: 1, method: 'arrays' }), 'NON_FINITE', /feature 1/);
    tf.dispose([s, h, hInf, ok]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('hierProxInPlace needs two distinct variables', () => {
    const s = skip();
    const h = hidden();
    const v = tf.variable(hidden());
    expectError(
      () => hierProxInPlace(s as never, v, { lambda: 1 }),
      'NOT_A_TENSOR',
      /skipVariable is not one.*use hierProx/,
    );
    expectError(() => hierProxInPlace(v, v, { lambda: 1 }), 'SHAPE_MISMATCH', /the same variable/);
    tf.dispose([s, h, v]);
  });

  it('prepareHierProx checks its options once and each step only the penalties and variables', () => {
    expectError(
      () => prepareHierProx({ lambda: 1 } as never),
      'UNKNOWN_OPTION',
      /^Unknown option 'lambda' for prepareHierProx\. Known options: lambdaBar, M, groups, method\.$/,
    );
    expectError(
      () => prepareHierProx({ M: 0 }),
      'INVALID_OPTION',
      /^prepareHierProx: M must be a finite number > 0, got 0\.$/,
    );
    const s = tf.variable(skip());
    const h = tf.variable(hidden());
    const prox = prepareHierProx({ groups: [[0, 1, 2, 3]] });
    expectError(() => prox.step(s, h, 0.1), 'INVALID_GROUPS', /contains 3/);
    const ok = prepareHierProx();
    expectError(
      () => ok.step(s, h, -1),
      'INVALID_OPTION',
      /^prox\.step: lambda must be a finite number >= 0, got -1\.$/,
    );
    expectError(
      () => ok.step(s, h, 1, Number.NaN),
      'INVALID_OPTION',
      /lambdaBar must be a finite number >= 0, got NaN/,
    );
    expectError(() => ok.step(s, s, 1), 'SHAPE_MISMATCH', /the same variable/);
    expect(() => ok.step(s, h, 0.1)).not.toThrow();
    tf.dispose([s, h]);
  });

  it('arrays: lengths that are not whole rows, a bad nFeatures, an out buffer of the wrong size', () => {
    expectError(
      () => hierProxArrays([1, 2, 3], [1, 2], 2, { lambda: 1 }),
      'SHAPE_MISMATCH',
      /skip has 3 values, which is not a non-zero multiple of nFeatures = 2/,
    );
    expectError(
      () => hierProxArrays([1, 2], [1, 2], 0, { lambda: 1 }),
      'INVALID_OPTION',
      /nFeatures must be a positive integer/,
    );
    expectError(
      () =>
        hierProxArrays(
          [1, 2],
          [1, 2],
          2,
          { lambda: 1 },
          { skip: new Float32Array(2), hidden: new Float32Array(3) },
        ),
      'SHAPE_MISMATCH',
      /out.hidden must be a Float32Array of 2 values/,
    );
  });

  it('selection helpers and firstDropPenalty check their input too', async () => {
    const flat = tf.tensor1d([1, 2]);
    expectError(() => selectedMask(flat), 'NOT_2D', /2-D skip kernel/);
    expectError(() => skipNorms(flat), 'NOT_2D', /2-D skip kernel/);
    const s = skip();
    expectError(
      () => skipNorms(s, { group: [] } as never),
      'UNKNOWN_OPTION',
      /Unknown option 'group'/,
    );
    const h = hidden();
    await expect(firstDropPenalty(s, h, { factor: 1 })).rejects.toThrow(
      /factor must be a finite number > 1, got 1/,
    );
    await expect(firstDropPenalty(s, h, { maxIterations: 0 })).rejects.toThrow(
      /maxIterations must be an integer >= 1, got 0/,
    );
    const zeros = tf.zeros([3, 1]);
    await expect(firstDropPenalty(zeros, h)).rejects.toThrow(/Every skip row is zero/);
    tf.dispose([flat, s, h, zeros]);
  });
});
