import { numberOption, parseOptions } from '@lassonet/core';
import { type HostMatrix, ModelError } from '@lassonet/model';
import * as v from 'valibot';
import type { PlainY } from '../hostData.js';
import { ESTIMATOR_KINDS } from '../registry.js';
import type { PathTask } from './pathTask.js';

const rowIndex = numberOption({ integer: true, min: 0 });

/**
 * A path task without its data, as plain JSON: what crosses to a worker thread or through a job
 * queue. The options are checked again by the estimator's own schema when the worker builds it,
 * so a worker only ever runs a registered estimator on validated options.
 */
export const pathTaskSpecSchema = v.strictObject({
  kind: v.picklist(ESTIMATOR_KINDS, `must be one of ${ESTIMATOR_KINDS.join(', ')}`),
  options: v.custom<Record<string, unknown>>(
    (x) => x !== null && typeof x === 'object' && !Array.isArray(x) && isPlainData(x),
    "must be the estimator's options object, as plain data",
  ),
  train: v.pipe(
    v.array(rowIndex, 'must be an array of row indices'),
    v.minLength(1, 'must not be empty'),
  ),
  test: v.optional(v.array(rowIndex, 'must be an array of row indices')),
  lambdaSeq: v.optional(v.array(numberOption({ above: 0 }), 'must be an array of penalties')),
});

/** Whether `value` survives JSON and structured cloning unchanged in meaning: no functions, no class instances. */
function isPlainData(value: unknown): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case 'number':
    case 'string':
    case 'boolean':
      return true;
    case 'object':
      if (Array.isArray(value)) return value.every(isPlainData);
      return (
        Object.getPrototypeOf(value) === Object.prototype &&
        Object.values(value as Record<string, unknown>).every(isPlainData)
      );
    default:
      return false;
  }
}

export type PathTaskSpec = v.InferOutput<typeof pathTaskSpecSchema>;

/** The JSON part of a task (everything but X and y). */
export function taskSpec(task: PathTask): PathTaskSpec {
  const { X: _X, y: _y, ...spec } = task;
  return spec as PathTaskSpec;
}

/**
 * A task from its JSON description and its data, checked: the description against
 * `pathTaskSpecSchema`, the rows against the table. Throws a ModelError naming the problem.
 */
export function pathTaskFromSpec(spec: unknown, X: HostMatrix, y: PlainY): PathTask {
  const parsed = parseOptions(pathTaskSpecSchema, spec, 'a path task', ModelError);
  const n = X.shape[0];
  if (y.length !== n) {
    throw new ModelError('SHAPE_MISMATCH', `The task's X has ${n} rows but its y has ${y.length}.`);
  }
  for (const [name, rows] of [
    ['train', parsed.train],
    ['test', parsed.test ?? []],
  ] as const) {
    const outside = rows.find((i) => i >= n);
    if (outside !== undefined) {
      throw new ModelError(
        'SHAPE_MISMATCH',
        `The task's ${name} rows include row ${outside}, but its X has ${n} rows.`,
      );
    }
  }
  return { ...parsed, options: parsed.options as PathTask['options'], X, y };
}
