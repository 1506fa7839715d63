import { parseArgs } from 'node:util';
import { LassoNetError } from '@lassonet/core';
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
  json: boolean;
  help: boolean;
}

/** A bad command line: the message is printed with the usage, and the exit code is 2. */
export class UsageError extends LassoNetError<'USAGE'> {
  constructor(message: string, options?: { cause?: unknown }) {
    super('USAGE', message, options);
  }
}

export function parseCli(argv: readonly string[]): CliOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        backend: { type: 'string', default: 'auto' },
        seed: { type: 'string', default: '0' },
        out: { type: 'string', default: 'lassonet-output' },
        data: { type: 'string' },
        hidden: { type: 'string', default: '100' },
        'path-multiplier': { type: 'string' },
        refit: { type: 'boolean', default: false },
        cv: { type: 'boolean', default: false },
        stability: { type: 'boolean', default: false },
        concurrency: { type: 'string' },
        quick: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    // node:util's messages can run over several lines; the demo reports errors on one.
    throw new UsageError((error as Error).message.replace(/\s*\n\s*/g, ' '));
  }
  const backend = values.backend as string;
  if (!(BACKENDS as readonly string[]).includes(backend)) {
    throw new UsageError(`Unknown backend '${backend}': use one of ${BACKENDS.join(', ')}.`);
  }
  const seed = integer('--seed', values.seed as string, 0);
  const hiddenDims = (values.hidden as string).split(',').map((h) => integer('--hidden', h, 1));
  const multiplier = values['path-multiplier'] as string | undefined;
  let pathMultiplier: number | undefined;
  if (multiplier !== undefined) {
    pathMultiplier = Number(multiplier);
    if (multiplier.trim() === '' || !Number.isFinite(pathMultiplier) || pathMultiplier <= 1) {
      throw new UsageError(`--path-multiplier must be a number > 1, got '${multiplier}'.`);
    }
  }
  const concurrency =
    values.concurrency === undefined
      ? undefined
      : integer('--concurrency', values.concurrency as string, 1);
  const out = values.out as string;
  if (out === '') throw new UsageError('--out must name a directory.');
  const data = values.data as string | undefined;
  if (data === '') throw new UsageError('--data must name a file.');
  return {
    backend: backend as BackendChoice,
    seed,
    hiddenDims,
    ...(pathMultiplier === undefined ? {} : { pathMultiplier }),
    quick: values.quick === true,
    out,
    data,
    refit: values.refit === true,
    cv: values.cv === true,
    stability: values.stability === true,
    concurrency,
    json: values.json === true,
    help: values.help === true,
  };
}

function integer(flag: string, text: string, min: number): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isSafeInteger(value) || value < min) {
    throw new UsageError(`${flag} must be an integer >= ${min}, got '${text}'.`);
  }
  return value;
}
