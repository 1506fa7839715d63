import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  EXAMPLES,
  exampleArgs,
  filesIn,
  INFORMATIVE,
  lassonet,
  lastJson,
  QUICK,
  readCsv,
  tempDir,
} from '../test-utils/runBuilt.js';

interface CVSummary {
  command: string;
  task: string;
  folds: number;
  bestLambda: number;
  bestCvScore: number;
  bestSelected: string[];
  outputs: string[];
}

/** R² of predictions against the truth. */
function rSquared(truth: readonly number[], predicted: readonly number[]): number {
  const mean = truth.reduce((a, b) => a + b, 0) / truth.length;
  const residual = truth.reduce((a, y, i) => a + (y - (predicted[i] as number)) ** 2, 0);
  const total = truth.reduce((a, y) => a + (y - mean) ** 2, 0);
  return 1 - residual / total;
}

describe('lassonet cv and lassonet predict on the regression example', () => {
  const out = tempDir();
  let summary: CVSummary;

  beforeAll(() => {
    const run = lassonet([
      'cv',
      ...exampleArgs('regression', 'mean'),
      '--folds',
      '3',
      '--out',
      out,
      '--json',
      ...QUICK,
    ]);
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.code).toBe(0);
    summary = lastJson<CVSummary>(run.stdout);
  });

  it('chooses a penalty whose refitted model keeps the informative columns', () => {
    expect(summary.command).toBe('cv');
    expect(summary.folds).toBe(3);
    expect(summary.bestSelected).toEqual(expect.arrayContaining(INFORMATIVE));
    expect(summary.bestCvScore).toBeGreaterThan(0.7);
    expect(filesIn(out)).toEqual(['cv.csv', 'cv.json', 'cv.png', 'model.json']);
    const saved = JSON.parse(readFileSync(join(out, 'cv.json'), 'utf8'));
    expect(saved.bestLambda).toBe(summary.bestLambda);
    expect(saved.bestSelected).toEqual(summary.bestSelected);
    expect(saved.foldResults).toHaveLength(3);
    const best = saved.lambdas.find((g: { lambda: number }) => g.lambda === summary.bestLambda);
    expect(best.meanScore).toBeCloseTo(summary.bestCvScore, 12);
    expect(best.stdScore).toBeGreaterThan(0);
    const grid = readCsv(join(out, 'cv.csv')).rows;
    expect(grid).toHaveLength(saved.lambdas.length);
    expect(grid.filter((r) => r.best === 'true')).toHaveLength(1);
  });

  it('predicts from the saved model with R² > 0.8 on the rows it was fitted on', () => {
    const predictions = join(out, 'predictions.csv');
    const run = lassonet([
      'predict',
      join(out, 'model.json'),
      join(EXAMPLES, 'regression.csv'),
      '--out',
      predictions,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const { fields, rows } = readCsv(predictions);
    const input = readCsv(join(EXAMPLES, 'regression.csv'));
    // The input's rows and columns as they were, then the prediction.
    expect(fields).toEqual([...input.fields, 'prediction']);
    expect(rows.map((r) => r.id)).toEqual(input.rows.map((r) => r.id));
    const y = rows.map((r) => Number(r.y));
    const p = rows.map((r) => Number(r.prediction));
    expect(p.every(Number.isFinite)).toBe(true);
    expect(rSquared(y, p)).toBeGreaterThan(0.8);
  });

  it('writes the predictions to stdout without --out', () => {
    const run = lassonet(['predict', join(out, 'model.json'), join(EXAMPLES, 'regression.csv')]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(301);
    expect(lines[0]).toMatch(/,y,prediction$/);
  });
});
