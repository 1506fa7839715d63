import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  exampleArgs,
  lassonet,
  lastJson,
  QUICK,
  readCsv,
  tempDir,
} from '../test-utils/runBuilt.js';

interface GridSummary {
  bestLambda: number;
  bestCvScore: number;
  bestOptions: Record<string, string>;
  grid: {
    options: Record<string, string>;
    bestLambda: number;
    bestCvScore: number;
    best: boolean;
  }[];
}

const CV = [
  'cv',
  ...exampleArgs('regression', 'mean'),
  '--folds',
  '3',
  ...QUICK.filter((a, i, all) => a !== '--hidden-dims' && all[i - 1] !== '--hidden-dims'),
];

describe('lassonet cv --grid', () => {
  it('cross-validates every combination and refits the best, as a plain cv of it would', () => {
    const out = tempDir();
    const run = lassonet([...CV, '--grid', 'hidden-dims=4|8,4;M=10|30', '--out', out, '--json']);
    expect(run.stderr).toMatch(/Training 12 fold paths \(4 option sets x 3 folds\) here\./);
    expect(run.code).toBe(0);
    const summary = lastJson<GridSummary>(run.stdout);
    expect(summary.grid.map((c) => c.options)).toEqual([
      { 'hidden-dims': '4', M: '10' },
      { 'hidden-dims': '4', M: '30' },
      { 'hidden-dims': '8,4', M: '10' },
      { 'hidden-dims': '8,4', M: '30' },
    ]);
    const scores = summary.grid.map((c) => c.bestCvScore);
    const best = scores.indexOf(Math.max(...scores));
    expect(summary.grid.map((c) => c.best)).toEqual(scores.map((_, k) => k === best));
    expect(summary.bestOptions).toEqual(summary.grid[best]?.options);
    expect(summary.bestCvScore).toBe(scores[best]);
    // The winner alone, as a plain cv with its options as flags, gives the same choice.
    const alone = lassonet([
      ...CV,
      '--hidden-dims',
      summary.bestOptions['hidden-dims'] as string,
      '--M',
      summary.bestOptions.M as string,
      '--out',
      tempDir(),
      '--json',
    ]);
    expect(alone.code).toBe(0);
    const plain = lastJson<{ bestLambda: number; bestCvScore: number }>(alone.stdout);
    expect(plain.bestLambda).toBe(summary.bestLambda);
    expect(plain.bestCvScore).toBe(summary.bestCvScore);
    const grid = readCsv(join(out, 'grid.csv'));
    expect(grid.fields).toEqual(['hidden-dims', 'M', 'best_lambda', 'best_cv_score', 'best']);
    expect(grid.rows.map((r) => r.best)).toEqual(scores.map((_, k) => String(k === best)));
  });

  it.each([
    ['hidden-dim=4|8', "--grid: unknown model option 'hidden-dim' (did you mean 'hidden-dims'?)."],
    ['M=10|x', /^lassonet cv --grid: --M must be a finite number/],
    ['M=10;M=30', '--grid names M twice.'],
    ['M', `--grid: 'M' needs OPTION=VALUE|VALUE..., as in --grid "hidden-dims=20|50,100;M=10|30".`],
    ['M=10||30', "--grid: M has an empty value in 'M=10||30'."],
    [';', '--grid is empty: give OPTION=VALUE|VALUE..., separated by ;.'],
    ['class-weight=1,2|2,1', '--class-weight does not apply to the regression task.'],
  ])('rejects --grid %j with one line', (grid, message) => {
    const run = lassonet([...CV, '--grid', grid, '--out', tempDir()]);
    expect(run.code).toBe(2);
    const last = run.stderr.trim().split('\n').at(-1);
    if (typeof message === 'string') expect(last).toBe(message);
    else expect(last).toMatch(message);
  });

  it('rejects an option given both as a flag and in the grid', () => {
    const run = lassonet([...CV, '--M', '10', '--grid', 'M=10|30', '--out', tempDir()]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('--M is given both as a flag and in --grid; give it once.');
  });
});
