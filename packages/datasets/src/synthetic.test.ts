import { describe, expect, it } from 'vitest';
import {
  type ClassificationOptions,
  type Friedman1Options,
  makeClassification,
  makeFriedman1,
} from './synthetic.js';
import { expectDatasetError } from './test-utils/expectDatasetError.js';

const mean = (values: readonly number[]): number =>
  values.reduce((a, b) => a + b, 0) / values.length;
const std = (values: readonly number[]): number => {
  const m = mean(values);
  return Math.sqrt(mean(values.map((v) => (v - m) ** 2)));
};
const column = (X: readonly number[][], j: number): number[] => X.map((row) => row[j] as number);

function friedman(x: readonly number[]): number {
  const [a = 0, b = 0, c = 0, d = 0, e = 0] = x;
  return 10 * Math.sin(Math.PI * a * b) + 20 * (c - 0.5) ** 2 + 10 * d + 5 * e;
}

describe('makeFriedman1', () => {
  it('has the requested shape, X in [0, 1) and relevant features 0..4', () => {
    const { X, y, relevant } = makeFriedman1();
    expect(X.length).toBe(200);
    expect(y.length).toBe(200);
    for (const row of X) {
      expect(row.length).toBe(10);
      for (const v of row) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThan(1);
      }
    }
    expect(relevant).toEqual([0, 1, 2, 3, 4]);
    const small = makeFriedman1({ nSamples: 3, nFeatures: 5 });
    expect(small.X.map((row) => row.length)).toEqual([5, 5, 5]);
  });

  it('computes y from X by the Friedman formula', () => {
    const { X, y } = makeFriedman1({ nSamples: 50, nFeatures: 7, seed: 3 });
    X.forEach((row, i) => {
      expect(y[i]).toBeCloseTo(friedman(row), 12);
    });
    // By hand: x = (0.5, 1, 0.5, 0.2, 0.4) gives 10 sin(pi/2) + 0 + 2 + 2 = 14.
    expect(friedman([0.5, 1, 0.5, 0.2, 0.4])).toBeCloseTo(14, 12);
  });

  it('adds N(0, noise^2) to y and leaves X as it is without noise', () => {
    const clean = makeFriedman1({ nSamples: 2000, seed: 5 });
    const noisy = makeFriedman1({ nSamples: 2000, seed: 5, noise: 2 });
    expect(noisy.X).toEqual(clean.X);
    const residual = noisy.y.map((v, i) => v - (clean.y[i] as number));
    expect(Math.abs(mean(residual))).toBeLessThan(0.15);
    expect(std(residual)).toBeGreaterThan(1.85);
    expect(std(residual)).toBeLessThan(2.15);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const options = { nSamples: 20, noise: 1 };
    expect(makeFriedman1({ ...options, seed: 1 })).toEqual(makeFriedman1({ ...options, seed: 1 }));
    expect(makeFriedman1({ ...options, seed: 2 }).X).not.toEqual(
      makeFriedman1({ ...options, seed: 1 }).X,
    );
  });

  it('rejects bad options', () => {
    expectDatasetError(
      () => makeFriedman1({ nFeatures: 4 }),
      'INVALID_OPTION',
      'makeFriedman1: nFeatures must be an integer >= 5, got 4',
    );
    expectDatasetError(() => makeFriedman1({ nSamples: 0 }), 'INVALID_OPTION', 'nSamples', 'got 0');
    expectDatasetError(
      () => makeFriedman1({ noise: -1 }),
      'INVALID_OPTION',
      'noise must be a finite number >= 0, got -1',
    );
    expectDatasetError(() => makeFriedman1({ noise: Infinity }), 'INVALID_OPTION', 'got Infinity');
    expectDatasetError(() => makeFriedman1({ seed: 1.5 }), 'INVALID_OPTION', 'seed', '1.5');
    expectDatasetError(
      () => makeFriedman1({ n_samples: 5 } as unknown as Friedman1Options),
      'UNKNOWN_OPTION',
      "'n_samples'",
      'nSamples',
    );
  });
});

describe('makeClassification', () => {
  it('has the requested shape, balanced labels and sorted relevant features', () => {
    const { X, y, relevant } = makeClassification();
    expect(X.length).toBe(200);
    expect(X.every((row) => row.length === 20)).toBe(true);
    expect(y.filter((c) => c === 0).length).toBe(100);
    expect(y.filter((c) => c === 1).length).toBe(100);
    expect(relevant.length).toBe(4);
    expect(new Set(relevant).size).toBe(4);
    expect(relevant).toEqual([...relevant].sort((a, b) => a - b));
    expect(relevant.every((j) => Number.isInteger(j) && j >= 0 && j < 20)).toBe(true);

    const three = makeClassification({ nSamples: 10, nClasses: 3, nFeatures: 3, nInformative: 3 });
    expect([0, 1, 2].map((c) => three.y.filter((v) => v === c).length)).toEqual([4, 3, 3]);
    expect(three.relevant).toEqual([0, 1, 2]);
  });

  it('places the informative features at seeded positions, not always first', () => {
    const placements = new Set(
      [0, 1, 2, 3, 4, 5, 6, 7].map((seed) =>
        makeClassification({ nSamples: 4, nFeatures: 20, seed }).relevant.join(','),
      ),
    );
    expect(placements.size).toBeGreaterThan(4);
    expect(placements.has('0,1,2,3')).toBe(false);
  });

  it('puts the class signal in the relevant features only', () => {
    for (const nClasses of [2, 3]) {
      const { X, y, relevant } = makeClassification({
        nSamples: 600,
        nFeatures: 10,
        nInformative: 3,
        nClasses,
        seed: 2,
      });
      for (let j = 0; j < 10; j++) {
        const classMeans = Array.from({ length: nClasses }, (_, c) =>
          mean(X.filter((_, i) => y[i] === c).map((row) => row[j] as number)),
        );
        const spread = Math.max(...classMeans) - Math.min(...classMeans);
        // Centroids span [-classSep, classSep] on relevant features; noise alone moves
        // class means by ~0.1.
        if (relevant.includes(j)) expect(spread).toBeGreaterThan(1.6);
        else expect(spread).toBeLessThan(0.4);
        // Within a class every feature has unit-variance noise.
        expect(std(X.filter((_, i) => y[i] === 0).map((row) => row[j] as number))).toBeCloseTo(
          1,
          0,
        );
      }
    }
  });

  it('scales the class separation by classSep', () => {
    const gap = (classSep: number): number => {
      const { X, y, relevant } = makeClassification({ nSamples: 400, classSep, seed: 4 });
      const j = relevant[0] as number;
      const m0 = mean(column(X, j).filter((_, i) => y[i] === 0));
      const m1 = mean(column(X, j).filter((_, i) => y[i] === 1));
      return Math.abs(m1 - m0);
    };
    expect(gap(3)).toBeGreaterThan(5.5);
    expect(gap(3)).toBeLessThan(6.5);
    expect(gap(0)).toBeLessThan(0.4);
  });

  it('moves exactly round(noise * nSamples) labels to another class, X unchanged', () => {
    const clean = makeClassification({ nSamples: 200, nClasses: 3, seed: 6 });
    const noisy = makeClassification({ nSamples: 200, nClasses: 3, seed: 6, noise: 0.1 });
    expect(noisy.X).toEqual(clean.X);
    expect(noisy.relevant).toEqual(clean.relevant);
    const changed = noisy.y.filter((c, i) => c !== clean.y[i]).length;
    expect(changed).toBe(20);
    expect(noisy.y.every((c) => c === 0 || c === 1 || c === 2)).toBe(true);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = makeClassification({ nSamples: 30, seed: 1, noise: 0.2 });
    expect(makeClassification({ nSamples: 30, seed: 1, noise: 0.2 })).toEqual(a);
    const b = makeClassification({ nSamples: 30, seed: 2, noise: 0.2 });
    expect(b.X).not.toEqual(a.X);
    expect(b.y).not.toEqual(a.y);
  });

  it('rejects bad options', () => {
    const bad = (options: ClassificationOptions, ...fragments: string[]) =>
      expectDatasetError(() => makeClassification(options), 'INVALID_OPTION', ...fragments);
    bad({ nInformative: 0 }, 'nInformative must be an integer >= 1, got 0');
    bad({ nFeatures: 5, nInformative: 6 }, 'nInformative', 'in [1, 5], got 6');
    bad({ nClasses: 1 }, 'nClasses must be an integer >= 2, got 1');
    bad({ nClasses: 3, nSamples: 2 }, 'nSamples must be an integer >= 3, got 2');
    bad({ noise: 1.5 }, 'noise must be a number in [0, 1], got 1.5');
    bad({ classSep: -1 }, 'classSep', 'got -1');
    bad({ nFeatures: 0 }, 'nFeatures', 'got 0');
    bad({ seed: Number.NaN }, 'seed', 'NaN');
    expectDatasetError(
      () => makeClassification({ informative: 3 } as unknown as ClassificationOptions),
      'UNKNOWN_OPTION',
      "'informative'",
      'makeClassification',
    );
  });
});
