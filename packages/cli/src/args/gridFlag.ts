import { nearestName } from '@lassonet/core';
import type { ParamGrid } from '@lassonet/path';
import { CliError } from '../errors.js';
import { flagName, MODEL_FLAGS, modelOptionValue, type Task } from './modelFlags.js';
import type { CommandLine } from './parseCommandLine.js';

/** A grid as the command reads it: each option's flag name and the values to try, as written. */
export interface GridSpec {
  /** The estimator options to search, by their names in the estimators' schemas. */
  paramGrid: ParamGrid;
  /** flag name → the values as written, in grid order (for the outputs). */
  written: Record<string, string[]>;
}

/**
 * `--grid "hidden-dims=20|50,100;M=10|30"`: model options and the values to try, `;` between
 * options and `|` between values, each value written as its flag takes it. Every value is
 * checked by the estimator's schema; an option may not also be given as a flag of its own.
 */
export function gridFlag(
  line: CommandLine,
  task: Task | undefined,
  command: string,
): GridSpec | undefined {
  const text = line.values.grid;
  if (text === undefined) return undefined;
  const paramGrid: Record<string, unknown[]> = {};
  const written: Record<string, string[]> = {};
  const names = MODEL_FLAGS.map((f) => flagName(f.key));
  for (const part of String(text).split(';')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    if (eq < 0) {
      throw new CliError(
        'USAGE',
        `--grid: '${part.trim()}' needs OPTION=VALUE|VALUE..., as in --grid "hidden-dims=20|50,100;M=10|30".`,
      );
    }
    const name = part.slice(0, eq).trim().replace(/^--/, '');
    const flag = MODEL_FLAGS.find((f) => flagName(f.key) === name);
    if (flag === undefined) {
      const near = nearestName(name, names);
      throw new CliError(
        'USAGE',
        `--grid: unknown model option '${name}'${near === undefined ? '' : ` (did you mean '${near}'?)`}.`,
      );
    }
    if (written[name] !== undefined) {
      throw new CliError('USAGE', `--grid names ${name} twice.`);
    }
    if (line.values[name] !== undefined) {
      throw new CliError('USAGE', `--${name} is given both as a flag and in --grid; give it once.`);
    }
    const values = part
      .slice(eq + 1)
      .split('|')
      .map((v) => v.trim());
    if (values.some((v) => v === '')) {
      throw new CliError('USAGE', `--grid: ${name} has an empty value in '${part.trim()}'.`);
    }
    paramGrid[flag.key] = values.map((value) =>
      modelOptionValue(flag, value, task, `${command} --grid`),
    );
    written[name] = values;
  }
  if (Object.keys(written).length === 0) {
    throw new CliError('USAGE', '--grid is empty: give OPTION=VALUE|VALUE..., separated by ;.');
  }
  return { paramGrid, written };
}
