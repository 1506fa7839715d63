import { ESTIMATORS } from '@lassonet/path';
import { describe, expect, it } from 'vitest';
import { CliError } from '../errors.js';
import {
  defaultText,
  flagName,
  MODEL_FLAGS,
  modelFlagSpecs,
  modelOptions,
  OTHER_MODEL_OPTIONS,
  TASK_KINDS,
} from './modelFlags.js';
import { parseCommandLine } from './parseCommandLine.js';

const line = (...argv: string[]) => parseCommandLine(argv, modelFlagSpecs(), 'lassonet path');

describe('model flags', () => {
  it('cover every option of every estimator the command trains, and nothing else', () => {
    const schemaKeys = new Set(
      Object.values(TASK_KINDS).flatMap((kind) => Object.keys(ESTIMATORS[kind].schema.entries)),
    );
    const covered = [...MODEL_FLAGS.map((f) => f.key), ...Object.keys(OTHER_MODEL_OPTIONS)];
    expect(new Set(covered)).toEqual(schemaKeys);
    expect(covered).toHaveLength(schemaKeys.size);
  });

  it('are the option names in kebab case', () => {
    expect(flagName('hiddenDims')).toBe('hidden-dims');
    expect(flagName('gammaSkip')).toBe('gamma-skip');
    expect(flagName('M')).toBe('M');
    expect(Object.keys(modelFlagSpecs())).toContain('tie-approximation');
  });

  it('turn text into the values the schemas take', () => {
    expect(
      modelOptions(
        line(
          '--hidden-dims',
          '32,16',
          '--lambda-start',
          'auto',
          '--path-multiplier',
          '1.05',
          '--n-iters',
          '200,20',
          '--patience',
          'none,5',
          '--backtrack',
          '--M',
          '5',
          '--val-size',
          '0.2',
        ),
        'regression',
        'lassonet path',
      ),
    ).toEqual({
      hiddenDims: [32, 16],
      lambdaStart: 'auto',
      pathMultiplier: 1.05,
      nIters: [200, 20],
      patience: [null, 5],
      backtrack: true,
      M: 5,
      valSize: 0.2,
    });
    expect(modelOptions(line('--n-iters', '300'), 'cox', 'x')).toEqual({ nIters: 300 });
    expect(modelOptions(line('--class-weight', '1,3'), 'classification', 'x')).toEqual({
      classWeight: [1, 3],
    });
    expect(modelOptions(line('--tie-approximation', 'efron'), 'cox', 'x')).toEqual({
      tieApproximation: 'efron',
    });
    expect(
      modelOptions(line('--gamma', '1', '--l2', 'objective-only'), 'classification', 'x'),
    ).toEqual({ gamma: 1, l2: 'objective-only' });
  });

  it("reject a bad value with the schema's own words, naming the flag", () => {
    const rejected = (
      args: string[],
      task: 'regression' | 'classification' | 'cox' = 'regression',
    ) => {
      try {
        modelOptions(line(...args), task, 'lassonet path');
      } catch (error) {
        expect(error).toBeInstanceOf(CliError);
        expect((error as CliError).code).toBe('USAGE');
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(rejected(['--hidden-dims', '8,0'])).toBe(
      'lassonet path: --hidden-dims[1] must be an integer >= 1, got 0.',
    );
    expect(rejected(['--path-multiplier', 'fast'])).toMatch(
      /^lassonet path: --path-multiplier must be a finite number > 1, got 'fast'/,
    );
    expect(rejected(['--dropout', '1'])).toMatch(/--dropout must be a number in \[0, 1\), got 1\./);
    expect(rejected(['--tie-approximation', 'exact'], 'cox')).toMatch(
      /--tie-approximation must be/,
    );
    expect(rejected(['--batch-size', '32'], 'cox')).toMatch(/--batch-size must be left out/);
    expect(rejected(['--l2', 'squared'])).toBe(
      "lassonet path: --l2 must be one of 'gradient', 'objective-only', got 'squared'.",
    );
    expect(rejected(['--tie-approximation', 'efron'])).toBe(
      '--tie-approximation does not apply to the regression task.',
    );
  });

  it("show the estimators' defaults", () => {
    expect(defaultText('hiddenDims', 'regression')).toBe('100');
    expect(defaultText('nIters', 'classification')).toBe('1000,100');
    expect(defaultText('valSize', 'regression')).toBe('0.1');
    expect(defaultText('valSize', 'cox')).toBe('0');
    expect(defaultText('l2', 'cox')).toBe('gradient');
    expect(defaultText('classWeight', 'regression')).toBeUndefined();
  });
});
