import { Random } from '@lassonet/backend-conformance';
import { describe, expect, it } from 'vitest';
import { hierProxArrays } from './index.js';
import { expectClose } from './test-utils/expectClose.js';
import { randomGroups, seededWeights } from './test-utils/randomCase.js';
import { type Params, type Rows, referenceHierProx } from './test-utils/reference.js';

describe('hierProxArrays (no tensors)', () => {
  const shape = { nFeatures: 25, nOutputs: 3, nHidden: 11 };
  const { random, skip, hidden } = seededWeights(31, shape);
  const flatSkip = Float32Array.from(skip.flat());
  const flatHidden = Float32Array.from(hidden.flat());

  it('matches the float64 reference, grouped or not, from plain number arrays', () => {
    for (const groups of [undefined, randomGroups(random, shape.nFeatures, 6)]) {
      const params = { lambda: 0.05, lambdaBar: 0.01, M: 5, ...(groups ? { groups } : {}) };
      const out = hierProxArrays(skip.flat(), hidden.flat(), shape.nFeatures, params);
      const expected = referenceHierProx(skip, hidden, params);
      const close = (a: Float32Array, e: number[]) =>
        e.every((x, i) => Math.abs((a[i] as number) - x) <= 1e-6 + 1e-5 * Math.abs(x));
      expect(close(out.skip, expected.skip.flat())).toBe(true);
      expect(close(out.hidden, expected.hidden.flat())).toBe(true);
    }
  });

  it('in place (out = the inputs) gives exactly what a separate output gives', () => {
    const params = { lambda: 0.05, M: 5 };
    const separate = hierProxArrays(flatSkip, flatHidden, shape.nFeatures, params);
    const inPlace = { skip: flatSkip.slice(), hidden: flatHidden.slice() };
    const returned = hierProxArrays(inPlace.skip, inPlace.hidden, shape.nFeatures, params, inPlace);
    expect(returned).toBe(inPlace);
    expect(inPlace.skip).toEqual(separate.skip);
    expect(inPlace.hidden).toEqual(separate.hidden);
  });

  it('handles a group whose active weights outnumber any small buffer', () => {
    // One group of 40 features x 20 units with |u| = 1 everywhere and tiny skip weights: all
    // 800 first-layer weights are active, and each is clipped to the same threshold.
    const r = new Random(37);
    const skipRows = Array.from({ length: 40 }, () => [0.01 * r.normal(), 0.01 * r.normal()]);
    const hiddenRows = Array.from({ length: 40 }, () =>
      Array.from({ length: 20 }, () => (r.float() < 0.5 ? -1 : 1)),
    );
    const params = {
      lambda: 0.001,
      lambdaBar: 0,
      M: 1,
      groups: [Array.from({ length: 40 }, (_, j) => j)],
    };
    const out = hierProxArrays(skipRows.flat(), hiddenRows.flat(), 40, params);
    const expected = referenceHierProx(skipRows, hiddenRows, params);
    const close = (a: Float32Array, e: number[]) =>
      e.every((x, i) => Math.abs((a[i] as number) - x) <= 1e-6 + 1e-5 * Math.abs(x));
    expect(close(out.skip, expected.skip.flat())).toBe(true);
    expect(close(out.hidden, expected.hidden.flat())).toBe(true);
    const magnitudes = new Set(Array.from(out.hidden, (x) => Math.abs(x)));
    expect(magnitudes.size).toBe(1);
    expect([...magnitudes][0]).toBeLessThan(1);
  });

  it('agrees with the reference on features that leave, stay unclipped, or are clipped', () => {
    // Rows of three kinds: r + M·sum(a) <= 0 (the feature leaves, though its weights are not
    // zero), max a <= M·r (nothing clipped), and rows that are clipped; mixed in one matrix,
    // without and with groups, into new arrays and in place.
    const r = new Random(41);
    const nFeatures = 60;
    const kinds = Array.from({ length: nFeatures }, (_, j) => j % 3);
    const skipRows = kinds.map((k) => [[0.01, 5, 0.02][k] as number, 0.01 * r.float()]);
    const hiddenRows = kinds.map((k) =>
      Array.from({ length: 30 }, () => (k === 0 ? 1e-4 : 0.3) * r.normal()),
    );
    const hidden32 = Float32Array.from(hiddenRows.flat());
    const groups = Array.from({ length: 20 }, (_, g) => [g, g + 20, g + 40]);
    const close = (a: Float32Array, e: number[]) =>
      e.every((x, i) => Math.abs((a[i] as number) - x) <= 1e-7 + 1e-5 * Math.abs(x));
    for (const params of [
      { lambda: 0.05, lambdaBar: 0, M: 10 },
      { lambda: 0.05, lambdaBar: 0.01, M: 10 },
      { lambda: 0.05, lambdaBar: 0, M: 10, groups },
    ]) {
      const expected = referenceHierProx(skipRows, hiddenRows, params);
      const separate = hierProxArrays(skipRows.flat(), hiddenRows.flat(), nFeatures, params);
      const inPlace = { skip: Float32Array.from(skipRows.flat()), hidden: hidden32.slice() };
      hierProxArrays(inPlace.skip, inPlace.hidden, nFeatures, params, inPlace);
      for (const out of [separate, inPlace]) {
        expect(close(out.skip, expected.skip.flat())).toBe(true);
        expect(close(out.hidden, expected.hidden.flat())).toBe(true);
      }
      if (params.groups === undefined && params.lambdaBar === 0) {
        // Every kind occurred: the first leaves, the second keeps its weights exactly.
        const row = (a: Float32Array, j: number, n: number) =>
          Array.from(a.subarray(j * n, j * n + n));
        kinds.forEach((k, j) => {
          if (k === 0) expect(row(separate.skip, j, 2)).toEqual([0, 0]);
          if (k === 1) expect(row(separate.hidden, j, 30)).toEqual(row(hidden32, j, 30));
          if (k === 2) expect(row(separate.hidden, j, 30)).not.toEqual(row(hidden32, j, 30));
        });
      }
    }
  });

  it('clips exactly at extreme but finite magnitudes, grouped or not, like the float64 reference', () => {
    // Thresholds far above or far below the weights, and tiny values (1e-30) throughout. The
    // inputs are float32, so the reference gets the same float32 values, and the results agree
    // to float32 rounding: no absolute tolerance hides a weight that should not be zero.
    const cases: { label: string; skip: Rows; hidden: Rows; params: Params }[] = [
      {
        label: 'threshold 1e8, weights 1e-9',
        skip: [[1e8]],
        hidden: [[1e-9, -1e-9, 0.5]],
        params: { lambda: 0, lambdaBar: 0, M: 1 },
      },
      {
        label: 'threshold 1e12, weights 1e-3',
        skip: [[1e12, 0]],
        hidden: [[1e-3, -1e-3]],
        params: { lambda: 1, lambdaBar: 0, M: 1 },
      },
      {
        label: 'everything near 1e-30',
        skip: [[1e-30], [3e-30]],
        hidden: [
          [1e-30, -1e-30],
          [5e-30, -2e-30],
        ],
        params: { lambda: 0, lambdaBar: 0, M: 1 },
      },
      {
        label: 'weights 1e8 clipped to a threshold near 1e-12',
        skip: [[1e-20]],
        hidden: [[1e8, -1e8, 1e-13]],
        params: { lambda: 0, lambdaBar: 0, M: 1e-10 },
      },
      {
        label: 'lambdaBar 1e8 zeroes weights of 1e-30',
        skip: [[1e-20]],
        hidden: [[1e-30, -1e-30, 0]],
        params: { lambda: 0, lambdaBar: 1e8, M: 1 },
      },
      {
        label: 'lambdaBar 1e-30 beside weights of 1e8',
        skip: [[1e12]],
        hidden: [[1e8, -1e8, 2e-30]],
        params: { lambda: 0, lambdaBar: 1e-30, M: 1 },
      },
      {
        label: 'a group: threshold 1e8 from one member, weights 1e-9 and 1e-30 in the others',
        skip: [[1e8], [1e-30], [0]],
        hidden: [[1e-9], [-1e-30], [1e-20]],
        params: { lambda: 0, lambdaBar: 0, M: 1, groups: [[0, 1, 2]] },
      },
    ];
    for (const { label, skip: s, hidden: h, params } of cases) {
      const skip32 = s.map((row) => row.map(Math.fround));
      const hidden32 = h.map((row) => row.map(Math.fround));
      const out = hierProxArrays(skip32.flat(), hidden32.flat(), s.length, params);
      const expected = referenceHierProx(skip32, hidden32, params);
      const rows = (values: Float32Array, width: number): Rows =>
        s.map((_, j) => Array.from(values.subarray(j * width, (j + 1) * width)));
      const tolerance = { atol: 0, rtol: 1e-6 };
      expectClose(
        rows(out.skip, skip32[0]?.length ?? 0),
        expected.skip,
        `${label} skip`,
        tolerance,
      );
      expectClose(
        rows(out.hidden, hidden32[0]?.length ?? 0),
        expected.hidden,
        `${label} hidden`,
        tolerance,
      );
    }
  });
});
