import { describe, expect, it } from 'vitest';
import { featureImportances, type PathStep, selectedIndices, stepWithAtMost } from './index.js';
import { thrown } from './test-utils/errors.js';

/** A path step at `lambda` selecting the features marked '1' in `mask` (e.g. '1101'). */
function step(lambda: number, mask: string): PathStep {
  const selected = [...mask].map((c) => c === '1');
  const nSelected = selected.filter(Boolean).length;
  return {
    lambda,
    selected,
    nSelected,
    loss: 1,
    valLoss: 1,
    objective: 1 + lambda,
    valObjective: 1 + lambda,
    regularization: nSelected,
    epochs: 1,
  };
}

describe('featureImportances', () => {
  it('is the lambda at which each feature leaves the path', () => {
    const path = [
      step(0, '1111'),
      step(1, '1101'),
      step(2, '1001'),
      step(4, '0001'),
      step(8, '0000'),
    ];
    expect(featureImportances(path)).toEqual([4, 2, 1, 8]);
  });

  it('is Infinity for a feature that never leaves', () => {
    const path = [step(0, '111'), step(0.5, '101'), step(3, '100')];
    expect(featureImportances(path)).toEqual([Number.POSITIVE_INFINITY, 0.5, 3]);
    // A single-step path: nothing ever leaves.
    expect(featureImportances([step(0, '11')])).toEqual([
      Number.POSITIVE_INFINITY,
      Number.POSITIVE_INFINITY,
    ]);
  });

  it("gives a feature absent from the first step that step's lambda", () => {
    const path = [step(0.25, '011'), step(1, '010'), step(2, '000')];
    expect(featureImportances(path)).toEqual([0.25, 2, 1]);
    // ...even if it appears later.
    expect(featureImportances([step(0.25, '01'), step(1, '11'), step(2, '00')])).toEqual([0.25, 2]);
  });

  it('keeps the first leaving lambda of a feature that leaves and comes back', () => {
    const path = [step(0, '11'), step(1, '01'), step(2, '11'), step(3, '10'), step(4, '00')];
    expect(featureImportances(path)).toEqual([1, 3]);
  });

  it('several features leaving at one lambda share it', () => {
    const path = [step(0, '1111'), step(5, '1000'), step(7, '0000')];
    expect(featureImportances(path)).toEqual([7, 5, 5, 5]);
  });

  it('does not change the path', () => {
    const path = [step(0, '11'), step(1, '01'), step(2, '00')];
    const copy = structuredClone(path);
    featureImportances(path);
    expect(path).toEqual(copy);
  });

  it('rejects an empty path', () => {
    const error = thrown(() => featureImportances([]));
    expect(error.code).toBe('EMPTY');
    expect(error.message).toMatch(/featureImportances: the path is empty/);
  });
});

describe('stepWithAtMost', () => {
  const path = [
    step(0, '1111'),
    step(1, '1110'),
    step(2, '1010'),
    step(3, '1000'),
    step(4, '0000'),
  ];

  it('returns the first step with at most k features', () => {
    expect(stepWithAtMost(path, 4)).toBe(path[0]);
    expect(stepWithAtMost(path, 3)).toBe(path[1]);
    // k = 2: steps 2 (2 features), 3 and 4 qualify; the first is returned.
    expect(stepWithAtMost(path, 2)).toBe(path[2]);
    expect(stepWithAtMost(path, 1)).toBe(path[3]);
    expect(stepWithAtMost(path, 0)).toBe(path[4]);
    expect(stepWithAtMost(path, 100)).toBe(path[0]);
  });

  it('returns the first qualifying step even when a later one has fewer features', () => {
    // A path whose size is not monotone: 2 features at lambda 1, 3 again at lambda 2.
    const bumpy = [step(0, '111'), step(1, '110'), step(2, '111'), step(3, '100')];
    expect(stepWithAtMost(bumpy, 2)?.lambda).toBe(1);
  });

  it('uses nSelected', () => {
    // A hand-made step whose nSelected disagrees with its mask: nSelected decides.
    const odd = { ...step(1, '111'), nSelected: 1 };
    expect(stepWithAtMost([step(0, '111'), odd], 1)).toBe(odd);
  });

  it('returns undefined when every step has more than k features', () => {
    expect(stepWithAtMost([step(0, '111'), step(1, '110')], 1)).toBeUndefined();
    expect(stepWithAtMost([step(0, '111'), step(1, '110')], 0)).toBeUndefined();
  });

  it('rejects k that is not an integer >= 0', () => {
    for (const k of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      const error = thrown(() => stepWithAtMost(path, k));
      expect(error.code).toBe('INVALID_OPTION');
      expect(error.message).toMatch(`k must be an integer >= 0, got ${String(k)}`);
    }
    const error = thrown(() => stepWithAtMost(path, '2' as unknown as number));
    expect(error.code).toBe('INVALID_OPTION');
  });

  it('rejects an empty path', () => {
    const error = thrown(() => stepWithAtMost([], 1));
    expect(error.code).toBe('EMPTY');
    expect(error.message).toMatch(/stepWithAtMost: the path is empty/);
  });
});

describe('selectedIndices', () => {
  it('lists the selected features, ascending', () => {
    expect(selectedIndices(step(0, '1011'))).toEqual([0, 2, 3]);
    expect(selectedIndices({ selected: [false, true] })).toEqual([1]);
  });

  it('is empty when no feature is selected', () => {
    expect(selectedIndices(step(1, '000'))).toEqual([]);
    expect(selectedIndices({ selected: [] })).toEqual([]);
  });
});
