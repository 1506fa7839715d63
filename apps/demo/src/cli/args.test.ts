import { availableParallelism } from 'node:os';
import { CliError } from '@lassonet/cli/kit';
import { describe, expect, it } from 'vitest';
import { parseCli } from './args.js';

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
      threads: availableParallelism() >= 2 ? 2 : 1,
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
      '--threads',
      '1',
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
      threads: 1,
      json: true,
      help: false,
    });
    expect(parseCli(['-h']).help).toBe(true);
  });

  it('reads the switches in any order, and -h as --help', () => {
    const o = parseCli(['--json', '--seed', '3', '--cv', '-h']);
    expect(o).toMatchObject({ json: true, cv: true, seed: 3, help: true });
    expect(o).toMatchObject({ refit: false, stability: false, quick: false });
  });

  it.each([
    [['--backend', 'webgl'], "--backend must be one of auto, cpu, wasm, got 'webgl'."],
    [
      ['--backend', 'gpu'],
      "--backend must be one of auto, cpu, wasm, got 'gpu' (did you mean cpu?).",
    ],
    [['--seed', '1.5'], "--seed must be an integer >= 0, got '1.5'."],
    [['--seed', '-1'], "--seed must be an integer >= 0, got '-1'."],
    [['--seed', ''], '--seed needs a value.'],
    [['--seed'], '--seed needs a value.'],
    [['--hidden', '100,'], "--hidden must be an integer >= 1, got ''."],
    [['--hidden', 'wide'], "--hidden must be an integer >= 1, got 'wide'."],
    [['--hidden', '64,0'], "--hidden must be an integer >= 1, got '0'."],
    [['--concurrency', '0'], "--concurrency must be an integer >= 1, got '0'."],
    [['--threads', '3'], "--threads must be one of 1, 2, got '3'."],
    [['--path-multiplier', '0.9'], "--path-multiplier must be a number > 1, got '0.9'."],
    [['--path-multiplier', '1'], "--path-multiplier must be a number > 1, got '1'."],
    [['--path-multiplier', 'NaN'], "--path-multiplier must be a number > 1, got 'NaN'."],
    [['--out', ''], '--out needs a value.'],
    [['--data', ''], '--data needs a value.'],
    [
      ['extra'],
      "Unexpected argument 'extra': the demo takes options only, no positional arguments.",
    ],
    [
      ['--quick', '--', 'extra'],
      "Unexpected argument 'extra': the demo takes options only, no positional arguments.",
    ],
    [['--quick=yes'], '--quick is a switch and takes no value.'],
    [['--sed', '1'], 'Unknown option --sed for the demo (did you mean --seed?).'],
    [['--bogus'], 'Unknown option --bogus for the demo.'],
    [['-x'], 'Unknown option -x for the demo.'],
  ])('rejects %j', (argv, message) => {
    let error: unknown;
    try {
      parseCli(argv);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).code).toBe('USAGE');
    expect((error as Error).message).toBe(message);
  });
});
