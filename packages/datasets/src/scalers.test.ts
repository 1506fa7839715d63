import { Random } from '@lassonet/core';
import { describe, expect, it } from 'vitest';
import {
  MinMaxScaler,
  type MinMaxScalerOptions,
  type MinMaxScalerParams,
  StandardScaler,
  type StandardScalerOptions,
  type StandardScalerParams,
} from './scalers.js';
import { expectDatasetError } from './test-utils/expectDatasetError.js';

// Column 0: 1, 2, 3 (mean 2, population variance 2/3); column 1: 0, 0, 6 (mean 2,
// variance (4 + 4 + 16) / 3 = 8); column 2: constant 5.
const X = [
  [1, 0, 5],
  [2, 0, 5],
  [3, 6, 5],
];

function randomMatrix(nRows: number, nCols: number, seed: number): number[][] {
  const rng = new Random(seed);
  return Array.from({ length: nRows }, () =>
    Array.from({ length: nCols }, (_, j) => 1000 * j + (j + 1) * 10 * rng.normal()),
  );
}

function expectMatrixClose(actual: number[][], expected: number[][], digits = 10): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) => {
    expect(row.length).toBe(expected[i]?.length);
    row.forEach((v, j) => {
      expect(v).toBeCloseTo(expected[i]?.[j] as number, digits);
    });
  });
}

/** What a scaler saved as JSON and read back must do: transform as the original, save the same. */
function expectSurvivesJSON<P>(
  scaler: { transform(X: number[][]): number[][]; toJSON(): P },
  fromJSON: (params: P) => { transform(X: number[][]): number[][]; toJSON(): P },
  fresh: number[][],
): void {
  const copy = fromJSON(JSON.parse(JSON.stringify(scaler)) as P);
  expect(copy.transform(fresh)).toEqual(scaler.transform(fresh));
  expect(copy.toJSON()).toEqual(scaler.toJSON());
}

describe('StandardScaler', () => {
  it('learns means and population standard deviations (scale 1 for a constant column)', () => {
    const params = new StandardScaler().fit(X).toJSON();
    expect(params.kind).toBe('StandardScaler');
    expect(params.mean).toEqual([2, 2, 5]);
    expect(params.scale[0]).toBeCloseTo(Math.sqrt(2 / 3), 14);
    expect(params.scale[1]).toBeCloseTo(Math.sqrt(8), 14);
    expect(params.scale[2]).toBe(1);
  });

  it('transforms by hand-worked values', () => {
    const s = Math.sqrt(1.5);
    const r = 1 / Math.sqrt(2);
    expectMatrixClose(new StandardScaler().fitTransform(X), [
      [-s, -r, 0],
      [0, -r, 0],
      [s, 2 * r, 0],
    ]);
  });

  it('maps a constant column to exactly 0, even when its sum is inexact', () => {
    const out = new StandardScaler().fitTransform([[0.1], [0.1], [0.1]]);
    expect(out).toEqual([[0], [0], [0]]);
  });

  it('gives columns mean 0 and standard deviation 1', () => {
    const out = new StandardScaler().fitTransform(randomMatrix(30, 3, 1));
    for (let j = 0; j < 3; j++) {
      const col = out.map((row) => row[j] as number);
      const mean = col.reduce((a, b) => a + b, 0) / col.length;
      const variance = col.reduce((a, b) => a + (b - mean) ** 2, 0) / col.length;
      expect(mean).toBeCloseTo(0, 12);
      expect(variance).toBeCloseTo(1, 12);
    }
  });

  it('round-trips through inverseTransform', () => {
    const data = randomMatrix(20, 4, 2);
    const scaler = new StandardScaler().fit(data);
    expectMatrixClose(scaler.inverseTransform(scaler.transform(data)), data, 9);
  });

  it('returns new rows and leaves its input alone', () => {
    const input = X.map((row) => [...row]);
    const out = new StandardScaler().fitTransform(input);
    expect(input).toEqual(X);
    expect(out[0]).not.toBe(input[0]);
  });

  it('applies the fitted parameters to new data, and refitting replaces them', () => {
    const scaler = new StandardScaler().fit(X);
    const out = scaler.transform([[4, 2, 7]]);
    expect(out[0]?.[0]).toBeCloseTo(2 / Math.sqrt(2 / 3), 12);
    expect(out[0]?.[1]).toBe(0);
    expect(out[0]?.[2]).toBe(2);
    scaler.fit([[10], [20]]);
    expect(scaler.toJSON()).toEqual({ kind: 'StandardScaler', mean: [15], scale: [5] });
  });

  it('survives JSON', () => {
    const scaler = new StandardScaler().fit(randomMatrix(10, 3, 3));
    expectSurvivesJSON(scaler, (p) => StandardScaler.fromJSON(p), randomMatrix(5, 3, 4));
  });

  it('reports misuse', () => {
    expectDatasetError(
      () => new StandardScaler().transform(X),
      'NOT_FITTED',
      'StandardScaler.transform',
      'fit(X)',
    );
    expectDatasetError(() => new StandardScaler().inverseTransform(X), 'NOT_FITTED');
    expectDatasetError(() => new StandardScaler().toJSON(), 'NOT_FITTED');
    const scaler = new StandardScaler().fit([
      [1, 2],
      [3, 4],
    ]);
    expectDatasetError(
      () => scaler.transform(X),
      'SHAPE_MISMATCH',
      'X has 3 columns',
      'fitted on 2',
    );
    expectDatasetError(() => scaler.inverseTransform([[1]]), 'SHAPE_MISMATCH', 'X has 1 columns');
    expectDatasetError(() => scaler.fit([[1, Number.NaN]]), 'NON_FINITE', 'row 0, column 1');
    expectDatasetError(() => scaler.fit([]), 'EMPTY_DATA');
    const typo = { withMean: false } as unknown as StandardScalerOptions;
    expectDatasetError(() => new StandardScaler(typo), 'UNKNOWN_OPTION', "'withMean'");
  });

  it('rejects bad parameters in fromJSON', () => {
    const bad = (p: object) => () => StandardScaler.fromJSON(p as StandardScalerParams);
    expectDatasetError(
      bad({ kind: 'MinMaxScaler', mean: [0], scale: [1] }),
      'INVALID_OPTION',
      'kind',
    );
    expectDatasetError(
      bad({ kind: 'StandardScaler', mean: [0, 1], scale: [1] }),
      'SHAPE_MISMATCH',
      'scale has 1 values, mean has 2',
    );
    expectDatasetError(
      bad({ kind: 'StandardScaler', mean: [0], scale: [0] }),
      'INVALID_OPTION',
      'scale[0] must be > 0',
    );
    expectDatasetError(
      bad({ kind: 'StandardScaler', mean: [Number.NaN], scale: [1] }),
      'NON_FINITE',
      'mean[0]',
    );
    expectDatasetError(
      bad({ kind: 'StandardScaler', mean: [], scale: [] }),
      'INVALID_OPTION',
      'non-empty',
    );
  });
});

describe('MinMaxScaler', () => {
  it('learns minima and maxima and maps them to [0, 1]', () => {
    const scaler = new MinMaxScaler().fit(X);
    expect(scaler.toJSON()).toEqual({
      kind: 'MinMaxScaler',
      min: [1, 0, 5],
      max: [3, 6, 5],
      range: [0, 1],
    });
    expect(scaler.transform(X)).toEqual([
      [0, 0, 0],
      [0.5, 0, 0],
      [1, 1, 0],
    ]);
  });

  it('maps to a custom range; a constant column goes to its lower bound', () => {
    expect(new MinMaxScaler({ range: [-1, 1] }).fitTransform(X)).toEqual([
      [-1, -1, -1],
      [0, -1, -1],
      [1, 1, -1],
    ]);
  });

  it('does not clip new data outside the fitted span', () => {
    const out = new MinMaxScaler().fit(X).transform([[4, 3, 5]]);
    expect(out).toEqual([[1.5, 0.5, 0]]);
  });

  it('round-trips through inverseTransform, constant columns included', () => {
    const data = randomMatrix(20, 3, 5).map((row) => [...row, 42]);
    const scaler = new MinMaxScaler({ range: [2, 7] }).fit(data);
    const out = scaler.transform(data);
    for (const row of out) {
      for (const v of row) {
        expect(v).toBeGreaterThanOrEqual(2 - 1e-12);
        expect(v).toBeLessThanOrEqual(7 + 1e-12);
      }
      expect(row[3]).toBe(2);
    }
    expectMatrixClose(scaler.inverseTransform(out), data, 9);
  });

  it('survives JSON', () => {
    const scaler = new MinMaxScaler({ range: [-2, 3] }).fit(randomMatrix(10, 2, 6));
    expectSurvivesJSON(scaler, (p) => MinMaxScaler.fromJSON(p), randomMatrix(5, 2, 7));
  });

  it('reports misuse', () => {
    expectDatasetError(
      () => new MinMaxScaler().transform(X),
      'NOT_FITTED',
      'MinMaxScaler.transform',
    );
    const scaler = new MinMaxScaler().fit(X);
    expectDatasetError(
      () => scaler.transform([[1, 2]]),
      'SHAPE_MISMATCH',
      'X has 2 columns',
      'fitted on 3',
    );
    expectDatasetError(() => scaler.fit([[1], [Infinity]]), 'NON_FINITE', 'row 1, column 0');
    for (const range of [[1, 1], [1, 0], [0, Number.NaN], [0]]) {
      const options = { range } as unknown as MinMaxScalerOptions;
      expectDatasetError(
        () => new MinMaxScaler(options),
        'INVALID_OPTION',
        'range must be [lo, hi]',
      );
    }
    const typo = { ranges: [0, 1] } as unknown as MinMaxScalerOptions;
    expectDatasetError(() => new MinMaxScaler(typo), 'UNKNOWN_OPTION', "'ranges'", 'range');
  });

  it('rejects bad parameters in fromJSON', () => {
    const bad = (p: object) => () => MinMaxScaler.fromJSON(p as MinMaxScalerParams);
    expectDatasetError(
      bad({ kind: 'MinMaxScaler', min: [2], max: [1], range: [0, 1] }),
      'INVALID_OPTION',
      'min[0] = 2 is greater than max[0] = 1',
    );
    expectDatasetError(
      bad({ kind: 'MinMaxScaler', min: [0], max: [1], range: [1, 0] }),
      'INVALID_OPTION',
      'range',
    );
    expectDatasetError(
      bad({ kind: 'MinMaxScaler', min: [0], max: [1, 2], range: [0, 1] }),
      'SHAPE_MISMATCH',
    );
  });
});
