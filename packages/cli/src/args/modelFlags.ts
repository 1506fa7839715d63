import { parseOptions } from '@lassonet/core';
import { type EstimatorKind, estimatorEntry } from '@lassonet/path';
import * as v from 'valibot';
import { CliError } from '../errors.js';
import type { CommandLine, FlagSpec } from './parseCommandLine.js';

/** How a flag's text becomes an option value; the estimator's schema then checks it. */
type ValueKind = 'number' | 'numbers' | 'pair' | 'patience' | 'autoOrNumber' | 'switch' | 'word';

/** A command-line flag for one estimator option. */
export interface ModelFlag {
  /** The option's name in the estimators' schemas. */
  key: string;
  value: ValueKind;
  /** How the value is written in the help. */
  metavar: string;
  help: string;
  /** The default in words, where the schema has none (an option left out). */
  defaultHelp?: string;
}

/**
 * The estimator options the command takes, by the names of the estimators' own schemas (the
 * flag is the name in kebab case), so the command and the library check and default them alike.
 */
export const MODEL_FLAGS: readonly ModelFlag[] = [
  { key: 'hiddenDims', value: 'numbers', metavar: 'N[,N...]', help: 'hidden layer sizes' },
  {
    key: 'lambdaStart',
    value: 'autoOrNumber',
    metavar: 'auto|X',
    help: 'first lambda of the path (auto: estimated from the dense model)',
  },
  {
    key: 'pathMultiplier',
    value: 'number',
    metavar: 'X',
    help: 'ratio between successive lambdas, > 1',
  },
  {
    key: 'lambdaSeq',
    value: 'numbers',
    metavar: 'X,X...',
    help: 'explicit increasing lambdas (replaces --lambda-start and --path-multiplier)',
    defaultHelp: 'a geometric sequence',
  },
  {
    key: 'M',
    value: 'number',
    metavar: 'X',
    help: "hierarchy: a feature's hidden weights are bounded by M times its skip weight",
  },
  { key: 'gamma', value: 'number', metavar: 'X', help: 'L2 penalty on the hidden layers' },
  { key: 'gammaSkip', value: 'number', metavar: 'X', help: 'L2 penalty on the skip weights' },
  {
    key: 'l2',
    value: 'word',
    metavar: 'gradient|objective-only',
    help: 'how --gamma and --gamma-skip act: in every step, or in the early-stopping objective only (as upstream)',
  },
  {
    key: 'dropout',
    value: 'number',
    metavar: 'P',
    help: 'dropout on the hidden layers, in [0, 1)',
  },
  {
    key: 'batchSize',
    value: 'number',
    metavar: 'N',
    help: 'minibatch size (not for cox)',
    defaultHelp: 'all training rows',
  },
  {
    key: 'nIters',
    value: 'pair',
    metavar: 'N[,N]',
    help: 'most epochs of the dense model and of each lambda',
  },
  {
    key: 'patience',
    value: 'patience',
    metavar: 'N[,N]|none',
    help: 'epochs without improvement before stopping (dense, each lambda)',
  },
  {
    key: 'tol',
    value: 'number',
    metavar: 'X',
    help: 'an epoch improves when the validation objective falls below tol x the best',
  },
  {
    key: 'backtrack',
    value: 'switch',
    metavar: '',
    help: "keep each lambda's best weights instead of its last",
  },
  {
    key: 'valSize',
    value: 'number',
    metavar: 'F',
    help: 'fraction of rows held out for early stopping and the validation score',
  },
  {
    key: 'classWeight',
    value: 'numbers',
    metavar: 'W,W...',
    help: 'a weight per class, in the order of the sorted class values',
    defaultHelp: 'equal weights',
  },
  {
    key: 'threads',
    value: 'number',
    metavar: '1|2',
    help: 'threads each path trains on: 2 runs half of every training step on a second core',
  },
  {
    key: 'tieApproximation',
    value: 'word',
    metavar: 'breslow|efron',
    help: 'how tied event times enter the partial likelihood',
  },
];

/** Estimator options with a flag of their own elsewhere, or none, and why. */
export const OTHER_MODEL_OPTIONS: Readonly<Record<string, string>> = {
  seed: '--seed',
  groups: '--groups FILE, together with the one-hot groups of text columns',
  optimizer: 'not on the command line: Adam for the dense model, then SGD with momentum',
  verbose: 'not on the command line: the command shows its own progress',
};

/** `hiddenDims` → `hidden-dims`; a one-letter name stays as it is (`--M`). */
export function flagName(key: string): string {
  return key.length === 1 ? key : key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The parseArgs spec of every model flag. */
export function modelFlagSpecs(): Record<string, FlagSpec> {
  return Object.fromEntries(
    MODEL_FLAGS.map((f) => [
      flagName(f.key),
      { type: f.value === 'switch' ? 'boolean' : 'string' } satisfies FlagSpec,
    ]),
  );
}

/** The task names of the command and the estimator each trains. */
export const TASK_KINDS = {
  regression: 'regressor',
  classification: 'classifier',
  cox: 'cox',
} as const satisfies Record<string, EstimatorKind>;

export type Task = keyof typeof TASK_KINDS;

/**
 * The estimator options given on the command line, each checked by the estimator's schema as
 * the library checks it (a message names the flag). A flag the task's estimator does not take
 * (such as --class-weight for regression) is a usage error. Without a task, each flag is checked
 * by an estimator that takes it: the command's early check, before the table is read.
 */
export function modelOptions(
  line: CommandLine,
  task: Task | undefined,
  command: string,
): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const flag of MODEL_FLAGS) {
    const text = line.values[flagName(flag.key)];
    if (text === undefined || text === false) continue;
    options[flag.key] = modelOptionValue(flag, text === true ? true : String(text), task, command);
  }
  return options;
}

/**
 * One model flag's value from its text (`true` for a switch given alone), checked by the
 * estimator's schema for the task (or, before the task is known, by the first that takes it).
 */
export function modelOptionValue(
  flag: ModelFlag,
  text: string | true,
  task: Task | undefined,
  command: string,
): unknown {
  const name = flagName(flag.key);
  const kinds = task === undefined ? Object.values(TASK_KINDS) : [TASK_KINDS[task]];
  const entry = kinds
    .map((kind) => estimatorEntry(kind).schema.entries[flag.key])
    .find((e) => e !== undefined);
  if (entry === undefined) {
    throw new CliError('USAGE', `--${name} does not apply to the ${task} task.`);
  }
  const value =
    text === true
      ? true
      : flag.value === 'switch'
        ? readSwitch(name, text)
        : readValue(flag.value, text);
  try {
    parseOptions(v.strictObject({ [`--${name}`]: entry }), { [`--${name}`]: value }, command);
  } catch (error) {
    throw new CliError('USAGE', (error as Error).message);
  }
  return value;
}

/** A switch's value written out (in a grid): true or false. */
function readSwitch(name: string, text: string): boolean {
  const t = text.trim();
  if (t === 'true' || t === 'false') return t === 'true';
  throw new CliError('USAGE', `--${name} takes true or false in a grid, got '${text}'.`);
}

/** The default of an option for a task, as the help shows it. */
export function defaultText(key: string, task: Task): string | undefined {
  const entry = estimatorEntry(TASK_KINDS[task]).schema.entries[key];
  if (entry === undefined) return undefined;
  const value = v.getDefault(entry as v.GenericSchema) as unknown;
  if (value === undefined) return 'none';
  if (Array.isArray(value)) return value.map(String).join(',');
  return String(value);
}

function readValue(kind: ValueKind, text: string): unknown {
  switch (kind) {
    case 'number':
      return toNumber(text);
    case 'numbers':
      return text.split(',').map(toNumber);
    case 'pair':
    case 'patience': {
      const items = text
        .split(',')
        .map((item) => (kind === 'patience' && item.trim() === 'none' ? null : toNumber(item)));
      return items.length === 1 ? items[0] : items;
    }
    case 'autoOrNumber':
      return text.trim() === 'auto' ? 'auto' : toNumber(text);
    default:
      return text;
  }
}

// Plain decimal or exponent notation; anything else stays text, which the schema then names.
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function toNumber(text: string): number | string {
  const t = text.trim();
  return NUMBER.test(t) ? Number(t) : t;
}
