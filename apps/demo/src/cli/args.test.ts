import { describe, expect, it } from 'vitest';
import { parseCli, UsageError } from './args.js';

describe('parseCli', () => {
  it('has the documented defaults', () => {
    expect(parseCli([])).toEqual({
      backend: 'auto',
      seed: 0,
      hiddenDims: [100],
      quick: false,
      out: 'lassonet-output',
      data: undefined,
      refit: false,
      cv: false,
      stability: false,
      concurrency: undefined,
      json: false,
      help: false,
    });
  });

  it('reads every option', () => {
    const o = parseCli([
      '--backend=cpu',
      '--seed',
      '7',
      '--out',
      'o',
      '--data',
      'm.csv',
      '--hidden',
      '64,32',
      '--path-multiplier',
      '1.05',
      '--refit',
      '--cv',
      '--stability',
      '--concurrency',
      '3',
      '--quick',
      '--json',
    ]);
    expect(o).toEqual({
      backend: 'cpu',
      seed: 7,
      hiddenDims: [64, 32],
      pathMultiplier: 1.05,
      quick: true,
      out: 'o',
      data: 'm.csv',
      refit: true,
      cv: true,
      stability: true,
      concurrency: 3,
      json: true,
      help: false,
    });
    expect(parseCli(['-h']).help).toBe(true);
  });

  it.each([
    [['--backend', 'webgl'], "Unknown backend 'webgl': use one of auto, cpu, wasm."],
    [['--seed', '1.5'], "--seed must be an integer >= 0, got '1.5'."],
    [['--seed', ''], "--seed must be an integer >= 0, got ''."],
    [['--hidden', '100,'], "--hidden must be an integer >= 1, got ''."],
    [['--hidden', 'wide'], "--hidden must be an integer >= 1, got 'wide'."],
    [['--path-multiplier', '0.9'], "--path-multiplier must be a number > 1, got '0.9'."],
    [['--path-multiplier', 'NaN'], "--path-multiplier must be a number > 1, got 'NaN'."],
    [['--out', ''], '--out must name a directory.'],
    [['--data', ''], '--data must name a file.'],
    [['extra'], "Unexpected argument 'extra'. This command does not take positional arguments"],
    [['--quick=yes'], "Option '--quick' does not take an argument"],
  ])('rejects %j', (argv, message) => {
    let error: unknown;
    try {
      parseCli(argv);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).not.toContain('\n');
  });
});
