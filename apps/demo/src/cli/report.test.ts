import { describe, expect, it } from 'vitest';
import type { DemoStep } from '../core/demoPath.js';
import { cvReport, pathTable, protocolTable, selectedProteins, stabilityReport } from './report.js';

const step = (lambda: number, selected: number[], testAccuracy: number): DemoStep => ({
  lambda,
  nSelected: selected.length,
  selected,
  testAccuracy,
  epochs: 10,
});
const steps = [
  step(0, [0, 1, 2, 3], 0.95),
  step(0.5, [0, 1, 2, 3], 0.94),
  step(0.6, [0, 2, 3], 0.9),
  step(0.7, [2, 3], 0.8125),
  step(0.8, [3], 0.5),
  step(0.9, [], 0.25),
];
const names = ['DYRK1A_N', 'ITSN1_N', 'BDNF_N', 'NR1_N'];

describe('the printed report', () => {
  it('has one row per number of features: the first step with it', () => {
    expect(pathTable(steps).split('\n')).toEqual([
      'features     lambda  test accuracy',
      '--------  ---------  -------------',
      '       4  0 (dense)          0.950',
      '       3     0.6000          0.900',
      '       2     0.7000          0.813',
      '       1     0.8000          0.500',
      '       0     0.9000          0.250',
    ]);
  });

  it('lists the proteins of the first step with at most k, once per step', () => {
    expect(selectedProteins(steps, names, [3, 2, 1]).split('\n')).toEqual([
      '3 proteins (lambda 0.6000, test accuracy 0.900): DYRK1A_N, BDNF_N, NR1_N',
      '2 proteins (lambda 0.7000, test accuracy 0.813): BDNF_N, NR1_N',
      '1 protein (lambda 0.8000, test accuracy 0.500): NR1_N',
    ]);
    // k = 20 and k = 10 both land on the dense step: it is listed once.
    expect(selectedProteins(steps, names, [20, 10]).split('\n')).toHaveLength(1);
    // No step with features left at k = 0: nothing to list.
    expect(selectedProteins(steps, names, [0])).toBe('');
  });

  it('prints the refit protocol, with a dash where no feature was left', () => {
    expect(
      protocolTable({
        '10': { nSelected: 9, accuracy: 0.8564 },
        '20': { nSelected: 0, accuracy: null },
      }).split('\n'),
    ).toEqual([
      ' k  features  refit test accuracy',
      '--  --------  -------------------',
      '10         9                0.856',
      '20         0                    -',
    ]);
  });

  it('summarises cross-validation and stability selection with protein names', () => {
    const cv = {
      folds: 5,
      concurrency: 2,
      seconds: 41.25,
      bestLambda: 0.123456,
      bestCvScore: 0.9375,
      nSelected: 2,
      selected: [1, 3],
      testAccuracy: 0.875,
    };
    expect(cvReport(cv, names).split('\n')).toEqual([
      'Cross-validation (5 folds, concurrency 2, 41.3 s): best lambda 0.1235, CV accuracy 0.938.',
      'Refit on all training rows: 2 proteins, test accuracy 0.875: ITSN1_N, NR1_N',
    ]);
    const stability = {
      nModels: 20,
      seconds: 9,
      oracle: 2,
      order: [3, 0, 1, 2],
      wrong: [0.1, 0.2, 3, null],
    };
    expect(stabilityReport(stability, names).split('\n')).toEqual([
      'Stability selection (20 models, 9.0 s): keep 2 proteins: NR1_N, DYRK1A_N.',
      'Most stable first: NR1_N, DYRK1A_N, ITSN1_N, BDNF_N, …',
    ]);
  });
});
