import { useBackend } from '@lassonet/backend';
import '@lassonet/backend-cpu';
import '@lassonet/backend-wasm';
import type { EstimatorKind } from '@lassonet/path';
import { modelFlagSpecs, modelOptions, TASK_KINDS, type Task } from '../args/modelFlags.js';
import {
  type CommandLine,
  choiceFlag,
  type FlagSpec,
  integerFlag,
  listFlag,
  stringFlag,
} from '../args/parseCommandLine.js';
import { CliError } from '../errors.js';
import { prepareOutDir } from '../io/outputs.js';
import { readInputFile, readTable } from '../io/readInput.js';
import { fitPreprocessing } from '../preprocess/fitPreprocessing.js';
import type { PreprocessingSpec } from '../preprocess/spec.js';
import { BACKENDS, DATA_FLAGS, GLOBAL_FLAGS, IMPUTE, TASKS } from './commonFlags.js';
import type { CommandContext } from './context.js';
import { mergeGroups } from './groupsFile.js';

/** Everything a training command (path, cv, stability) starts from, checked. */
export interface TrainingRun {
  command: string;
  line: CommandLine;
  dataPath: string;
  task: Task;
  kind: EstimatorKind;
  spec: PreprocessingSpec;
  X: number[][];
  y: number[] | number[][];
  /** The estimator's options: the model flags, the seed and the groups. */
  options: Record<string, unknown>;
  seed: number;
  outDir: string;
  json: boolean;
  backend: string;
  started: number;
}

/** The flags of a training command: every command's, the data's, the model's and its own. */
export function trainingFlags(own: Record<string, FlagSpec>): Record<string, FlagSpec> {
  return { ...GLOBAL_FLAGS, ...DATA_FLAGS, ...modelFlagSpecs(), ...own };
}

/**
 * Reads and checks the command line, the table and the output directory, in that order, so
 * that every mistake is reported before any training time is spent.
 */
export async function prepareTraining(
  command: string,
  line: CommandLine,
  ctx: CommandContext,
  needs: { minRows?: { count: number; why: string } } = {},
): Promise<TrainingRun> {
  const started = performance.now();
  if (line.positionals.length !== 1) {
    throw new CliError(
      'USAGE',
      line.positionals.length === 0
        ? `lassonet ${command} needs a CSV file: lassonet ${command} DATA.csv --target COLUMN.`
        : `lassonet ${command} takes one CSV file, got ${line.positionals.length}: ${line.positionals.join(' ')}.`,
    );
  }
  const dataPath = line.positionals[0] as string;
  const backend = choiceFlag(line, 'backend', BACKENDS, 'auto');
  const seed = integerFlag(line, 'seed', 0) ?? 0;
  const requestedTask = choiceFlag(line, 'task', TASKS, 'auto');
  const impute = choiceFlag(line, 'impute', IMPUTE, 'error');
  const target = stringFlag(line, 'target');
  const time = stringFlag(line, 'time');
  const event = stringFlag(line, 'event');
  const survival = time !== undefined || event !== undefined;
  if (target === undefined && !survival) {
    throw new CliError(
      'USAGE',
      `lassonet ${command} needs --target COLUMN (or --time COLUMN --event COLUMN for survival data).`,
    );
  }
  if (target !== undefined && survival) {
    throw new CliError(
      'USAGE',
      'Give --target for regression or classification, or --time and --event for survival, not both.',
    );
  }
  const task = survival ? 'cox' : requestedTask;
  if (survival && requestedTask !== 'auto' && requestedTask !== 'cox') {
    throw new CliError('USAGE', `--time and --event are for the cox task, not ${requestedTask}.`);
  }
  if (!survival && requestedTask === 'cox') {
    throw new CliError(
      'USAGE',
      'The cox task needs --time COLUMN and --event COLUMN instead of --target.',
    );
  }
  modelOptions(line, task === 'auto' ? undefined : task, `lassonet ${command}`);
  const outDir = await prepareOutDir(stringFlag(line, 'out') ?? 'lassonet-output');
  const table = await readTable(dataPath);
  const { spec, X, y } = fitPreprocessing(table, {
    task,
    drop: listFlag(line, 'drop'),
    impute,
    ...(target === undefined ? {} : { target }),
    ...(time === undefined ? {} : { time }),
    ...(event === undefined ? {} : { event }),
  });
  const resolvedTask = spec.target.task;
  const groupsPath = stringFlag(line, 'groups');
  if (groupsPath !== undefined) {
    const text = await readInputFile(groupsPath, 'groups file');
    spec.groups = mergeGroups(text, spec.columns, spec.groups, groupsPath);
  }
  const options: Record<string, unknown> = {
    ...modelOptions(line, resolvedTask, `lassonet ${command}`),
    seed,
  };
  // Plain LassoNet when every feature is its own group: no text columns, no groups file.
  if (spec.groups.some((group) => group.length > 1)) options.groups = spec.groups;
  const nRows = X.length;
  if (needs.minRows !== undefined && nRows < needs.minRows.count) {
    throw new CliError(
      'EMPTY_DATA',
      `${needs.minRows.why} needs at least ${needs.minRows.count} rows, but ${dataPath} has ${nRows}${nRows < table.rows.length ? ` after dropping incomplete ones (of ${table.rows.length})` : ''}.`,
    );
  }
  const name = await useBackend(backend);
  const note = say(ctx, line);
  note(
    `${dataPath}: ${nRows} rows, ${spec.featureNames.length} features (${spec.columns.length} columns), ` +
      `task ${resolvedTask}, backend ${name}`,
  );
  return {
    command,
    line,
    dataPath,
    task: resolvedTask,
    kind: TASK_KINDS[resolvedTask],
    spec,
    X,
    y,
    options,
    seed,
    outDir,
    json: line.values.json === true,
    backend: name,
    started,
  };
}

/** Seconds since the run started. */
export function secondsSince(run: TrainingRun): number {
  return Number(((performance.now() - run.started) / 1000).toFixed(3));
}

/** Where notes go: stdout, or stderr with --json (whose stdout is the summary alone). */
export function say(ctx: CommandContext, line: CommandLine): (text: string) => void {
  return line.values.json === true ? ctx.err : ctx.out;
}
