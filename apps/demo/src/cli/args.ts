import { availableParallelism } from 'node:os';
import {
  CliError,
  choiceFlag,
  type FlagSpec,
  integerFlag,
  parseCommandLine,
  stringFlag,
} from '@lassonet/cli/kit';
import type { DemoSettings } from '../core/settings.js';

export const USAGE = `Usage: pnpm demo [options]

Trains the LassoNet classifier path on the MICE protein data (seed demo split: 80% train,
20% test, min-max scaled), prints test accuracy against the number of selected proteins and
writes mice-accuracy.png, mice-path.png and mice-path.json.

Options:
  --backend auto|cpu|wasm   tensor backend (default auto: the fastest that runs here)
  --seed N                  seeds the split and the network (default 0)
  --out DIR                 output directory (default ./lassonet-output)
  --data FILE               a MICE CSV to use (default: $LASSONET_DATA_DIR's, else the copy
                            shipped with @lassonet/datasets)
  --hidden N[,N...]         hidden layer sizes (default 100)
  --path-multiplier X       ratio between successive lambdas, > 1 (default 1.02; 1.1 with --quick)
  --refit                   the paper protocol: dense models on the first 10, 20, 50 features
  --cv                      also 5-fold cross-validation: best lambda, its proteins, mice-cv.png
  --stability               also stability selection (20 models on random halves): mice-stability.png
  --concurrency N           paths trained at once for --cv and --stability (default: one
                            per core, or a few more when that ends sooner)
  --threads 1|2             threads the main path trains on (default 2 on a machine with
                            two cores or more, else 1)
  --quick                   few epochs and a coarse path (seconds; a smoke run, not a result)
  --json                    print the summary as JSON on stdout instead of the table
  -h, --help                this text`;

export const BACKENDS = ['auto', 'cpu', 'wasm'] as const;
export type BackendChoice = (typeof BACKENDS)[number];

export interface CliOptions extends DemoSettings {
  backend: BackendChoice;
  out: string;
  data: string | undefined;
  refit: boolean;
  cv: boolean;
  stability: boolean;
  /** Paths at once for --cv and --stability; undefined: the number of cores. */
  concurrency: number | undefined;
  /** Threads of the main path: 1 or 2. */
  threads: number;
  json: boolean;
  help: boolean;
}

const FLAGS: Readonly<Record<string, FlagSpec>> = {
  backend: { type: 'string' },
  seed: { type: 'string' },
  out: { type: 'string' },
  data: { type: 'string' },
  hidden: { type: 'string' },
  'path-multiplier': { type: 'string' },
  refit: { type: 'boolean' },
  cv: { type: 'boolean' },
  stability: { type: 'boolean' },
  concurrency: { type: 'string' },
  threads: { type: 'string' },
  quick: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

/** Reads the demo's command line; a bad one is a `CliError` with code 'USAGE'. */
export function parseCli(argv: readonly string[]): CliOptions {
  const line = parseCommandLine(argv, FLAGS, 'the demo');
  const [extra] = line.positionals;
  if (extra !== undefined) {
    throw new CliError(
      'USAGE',
      `Unexpected argument '${extra}': the demo takes options only, no positional arguments.`,
    );
  }
  const backend = choiceFlag(line, 'backend', BACKENDS, 'auto');
  const seed = integerFlag(line, 'seed', 0) ?? 0;
  const hiddenDims = layerSizes(stringFlag(line, 'hidden') ?? '100');
  const multiplier = stringFlag(line, 'path-multiplier');
  let pathMultiplier: number | undefined;
  if (multiplier !== undefined) {
    pathMultiplier = Number(multiplier);
    if (multiplier.trim() === '' || !Number.isFinite(pathMultiplier) || pathMultiplier <= 1) {
      throw new CliError('USAGE', `--path-multiplier must be a number > 1, got '${multiplier}'.`);
    }
  }
  const concurrency = integerFlag(line, 'concurrency', 1);
  const threads = choiceFlag(line, 'threads', ['1', '2'], availableParallelism() >= 2 ? '2' : '1');
  const switchOn = (name: string) => line.values[name] === true;
  return {
    backend,
    seed,
    hiddenDims,
    ...(pathMultiplier === undefined ? {} : { pathMultiplier }),
    quick: switchOn('quick'),
    out: stringFlag(line, 'out') ?? 'lassonet-output',
    data: stringFlag(line, 'data'),
    refit: switchOn('refit'),
    cv: switchOn('cv'),
    stability: switchOn('stability'),
    concurrency,
    threads: Number(threads),
    json: switchOn('json'),
    help: switchOn('help'),
  };
}

/** `--hidden 64,32`: every size an integer >= 1, checked as an integer flag of its own. */
function layerSizes(text: string): number[] {
  return text
    .split(',')
    .map(
      (size) => integerFlag({ values: { hidden: size }, positionals: [] }, 'hidden', 1) as number,
    );
}
