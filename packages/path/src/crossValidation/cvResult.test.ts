import { describe, expect, it } from 'vitest';
import type { PathStep } from '../pathStep.js';
import { thrown } from '../test-utils/errors.js';
import { type CVFoldResult, summarizeFolds } from './cvResult.js';

/** A fold from its step lambdas, scores and feature counts (the other step fields are filler). */
function fold(lambdas: number[], scores: number[], nSelected: number[]): CVFoldResult {
  const steps = lambdas.map(
    (lambda, t): PathStep => ({
      lambda,
      selected: [],
      nSelected: nSelected[t] as number,
      loss: 0,
      valLoss: 0,
      objective: 0,
      valObjective: 0,
      regularization: 0,
      epochs: 1,
    }),
  );
  return { steps, scores };
}

describe('summarizeFolds', () => {
  const a = fold([0, 1, 2, 4], [0.9, 0.5, 0.7, 0.2], [5, 5, 3, 1]);
  const b = fold([0, 2, 4, 8], [0.7, 0.9, 0.95, 0.1], [5, 4, 2, 0]);

  it('puts the folds on one grid, skipping the dense model, and picks the best mean', () => {
    const result = summarizeFolds([a, b], 2);
    expect(result.lambdas).toEqual([1, 2, 4, 8]);
    // Fold a is known on [1, 4], fold b on [2, 8]: the end values outside.
    expect(result.foldScores).toEqual([
      [0.5, 0.7, 0.2, 0.2],
      [0.9, 0.9, 0.95, 0.1],
    ]);
    expect(result.meanScores.map((v) => Number(v.toFixed(10)))).toEqual([0.7, 0.8, 0.575, 0.15]);
    expect(result.bestIndex).toBe(1);
    expect(result.bestLambda).toBe(2);
    expect(result.bestCvScore).toBeCloseTo(0.8, 12);
    // Before fold b's first lambda, its first lambda step's count.
    expect(result.foldSelected).toEqual([
      [5, 3, 1, 1],
      [4, 4, 2, 0],
    ]);
  });

  it('interpolates between grid points that fall inside a fold', () => {
    const result = summarizeFolds([fold([0, 1, 4], [0, 0, 1], [2, 2, 1])], 2);
    expect(result.lambdas).toEqual([1, 2, 4]);
    expect(result.foldScores[0]).toEqual([0, 0.5, 1]);
    expect(result.foldSelected[0]).toEqual([2, 2, 1]);
    expect(result.bestIndex).toBe(2);
  });

  it('takes the smaller lambda on a tie of mean scores', () => {
    const result = summarizeFolds([fold([0, 1, 2, 4], [0, 0.6, 0.6, 0.6], [3, 3, 2, 1])], 2);
    expect(result.bestIndex).toBe(0);
    expect(result.bestLambda).toBe(1);
  });

  it('rejects a fold with the dense model only, and scores that do not match the steps', () => {
    expect(thrown(() => summarizeFolds([a, fold([0], [0.5], [5])], 2)).message).toMatch(
      /Fold 1 trained the dense model only/,
    );
    const short = { steps: a.steps, scores: [0.1] };
    const error = thrown(() => summarizeFolds([short], 2));
    expect(error.code).toBe('SHAPE_MISMATCH');
    expect(error.message).toMatch(/Fold 0 has 1 scores for 4 steps/);
  });

  it('rejects folds whose mean scores are all NaN', () => {
    const nan = fold([0, 1, 2], [Number.NaN, Number.NaN, Number.NaN], [2, 2, 1]);
    const error = thrown(() => summarizeFolds([nan], 2));
    expect(error.code).toBe('NON_FINITE');
    expect(error.message).toMatch(/Every mean cross-validation score is NaN/);
  });
});
