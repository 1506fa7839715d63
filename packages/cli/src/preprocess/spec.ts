// What `lassonet` fitted on a table to turn it into numbers, as plain JSON saved in model.json,
// so that `lassonet predict` applies exactly the same transformation to a new table.
import { describeValue } from '@lassonet/core';
import * as v from 'valibot';
import { CliError } from '../errors.js';

/** The version this code writes and reads; bump it when the shape changes. */
export const PREPROCESSING_VERSION = 1;

export const TASKS = ['regression', 'classification', 'cox'] as const;
export type Task = (typeof TASKS)[number];

export const IMPUTE_STRATEGIES = ['error', 'mean', 'median', 'drop'] as const;
/** What to do with empty cells: refuse them, fill them (mean/median/most frequent), or drop rows. */
export type ImputeStrategy = (typeof IMPUTE_STRATEGIES)[number];

/** The target column(s) and, for classification, the class of each label. */
export type TargetSpec =
  | { task: 'regression'; column: string }
  /** Label k is `classes[k]`. */
  | { task: 'classification'; column: string; classes: string[] }
  | { task: 'cox'; time: string; event: string };

/**
 * One input feature column. Numeric: standardized as (x - center) / scale. Categorical: one 0/1
 * feature per category. `fill` replaces an empty cell (null unless impute is mean or median).
 */
export type ColumnSpec =
  | { name: string; type: 'numeric'; center: number; scale: number; fill: number | null }
  | { name: string; type: 'categorical'; categories: string[]; fill: string | null };

export interface PreprocessingSpec {
  version: 1;
  target: TargetSpec;
  /** Columns left out on request (an id column, say). */
  dropped: string[];
  impute: ImputeStrategy;
  /** Input feature columns, in table order. */
  columns: ColumnSpec[];
  /** Output features: a numeric column's name, or `column=category` per category. */
  featureNames: string[];
  /**
   * A partition of the output feature indices, the groups the model selects together: one per
   * input column as fitted (a groups file may merge some).
   */
  groups: number[][];
}

/** Output feature names and groups of `columns`: one group per column, in column order. */
export function featureLayout(columns: readonly ColumnSpec[]): {
  featureNames: string[];
  groups: number[][];
} {
  const featureNames: string[] = [];
  const groups: number[][] = [];
  for (const column of columns) {
    const names =
      column.type === 'numeric'
        ? [column.name]
        : column.categories.map((category) => `${column.name}=${category}`);
    groups.push(names.map((_, k) => featureNames.length + k));
    featureNames.push(...names);
  }
  return { featureNames, groups };
}

// valibot reports a non-object, an unknown key and a missing one under the object's one message.
const objectMessage = (issue: { expected: string | null }) => {
  if (issue.expected === 'Object') return 'must be an object';
  return issue.expected === 'never' ? 'is not a known field' : 'is missing';
};
const variantMessage = (choices: readonly string[]) => (issue: { expected: string | null }) =>
  issue.expected === 'Object'
    ? 'must be an object'
    : `must be ${choices.map((c) => `'${c}'`).join(', ')}`;

const unique = (values: string[]) => new Set(values).size === values.length;

const nameSchema = v.pipe(v.string('must be a column name'), v.minLength(1, 'must not be empty'));
const finiteSchema = v.pipe(v.number('must be a number'), v.finite('must be a finite number'));

const targetSchema = v.variant(
  'task',
  [
    v.strictObject({ task: v.literal('regression'), column: nameSchema }, objectMessage),
    v.strictObject(
      {
        task: v.literal('classification'),
        column: nameSchema,
        classes: v.pipe(
          v.array(v.string('must be a class name'), 'must be an array of class names'),
          v.minLength(2, 'must list at least two classes'),
          v.check(unique, 'must not list a class twice'),
        ),
      },
      objectMessage,
    ),
    v.strictObject({ task: v.literal('cox'), time: nameSchema, event: nameSchema }, objectMessage),
  ],
  variantMessage(TASKS),
);

const columnSchema = v.variant(
  'type',
  [
    v.strictObject(
      {
        name: nameSchema,
        type: v.literal('numeric'),
        center: finiteSchema,
        scale: v.pipe(finiteSchema, v.gtValue(0, 'must be a positive number')),
        fill: v.nullable(finiteSchema),
      },
      objectMessage,
    ),
    v.strictObject(
      {
        name: nameSchema,
        type: v.literal('categorical'),
        categories: v.pipe(
          v.array(v.string('must be a category'), 'must be an array of categories'),
          v.minLength(1, 'must list at least one category'),
          v.check(unique, 'must not list a category twice'),
        ),
        fill: v.nullable(v.string('must be a category or null')),
      },
      objectMessage,
    ),
  ],
  variantMessage(['numeric', 'categorical']),
);

const targetColumns = (target: TargetSpec): string[] =>
  target.task === 'cox' ? [target.time, target.event] : [target.column];

const sameJSON = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

// Not necessarily one group per column: a groups file may merge columns into one group.
function isPartition(groups: readonly (readonly number[])[], nFeatures: number): boolean {
  const seen = new Set<number>();
  for (const group of groups) {
    if (group.length === 0) return false;
    for (const index of group) {
      if (index >= nFeatures || seen.has(index)) return false;
      seen.add(index);
    }
  }
  return seen.size === nFeatures;
}

/** Checks a spec read back from a file: its shape, and that its parts agree with each other. */
export const preprocessingSpecSchema = v.pipe(
  v.strictObject(
    {
      version: v.literal(PREPROCESSING_VERSION, `must be ${PREPROCESSING_VERSION}`),
      target: targetSchema,
      dropped: v.array(nameSchema, 'must be an array of column names'),
      impute: v.picklist(
        IMPUTE_STRATEGIES,
        `must be one of ${IMPUTE_STRATEGIES.map((s) => `'${s}'`).join(', ')}`,
      ),
      columns: v.pipe(
        v.array(columnSchema, 'must be an array of columns'),
        v.minLength(1, 'must list at least one column'),
        v.check((columns) => unique(columns.map((c) => c.name)), 'must not name a column twice'),
      ),
      featureNames: v.array(v.string('must be a feature name'), 'must be an array of names'),
      groups: v.array(
        v.array(
          v.pipe(
            v.number('must be a feature index'),
            v.integer('must be a feature index'),
            v.minValue(0, 'must be a feature index'),
          ),
          'must be an array of feature indices',
        ),
        'must be an array of groups',
      ),
    },
    objectMessage,
  ),
  v.forward(
    v.check(
      (spec) => !spec.columns.some((c) => targetColumns(spec.target).includes(c.name)),
      'must not include a target column',
    ),
    ['columns'],
  ),
  v.forward(
    v.check(
      (spec) => sameJSON(spec.featureNames, featureLayout(spec.columns).featureNames),
      'must be the names of the columns and their categories',
    ),
    ['featureNames'],
  ),
  v.forward(
    v.check(
      (spec) => isPartition(spec.groups, spec.featureNames.length),
      'must hold every feature index exactly once, in non-empty groups',
    ),
    ['groups'],
  ),
  v.forward(
    v.check((spec) => {
      const fills = spec.impute === 'mean' || spec.impute === 'median';
      return spec.columns.every((c) =>
        c.fill === null ? !fills : fills && (c.type === 'numeric' || c.categories.includes(c.fill)),
      );
    }, 'must give every column a fill value (one of its categories) exactly when impute is mean or median'),
    ['columns'],
  ),
);

/**
 * The preprocessing section of a model file, checked. Throws INVALID_MODEL naming the first
 * thing wrong, or the version when it is not one this code reads.
 */
export function readPreprocessingSpec(value: unknown): PreprocessingSpec {
  if (typeof value === 'object' && value !== null && 'version' in value) {
    const { version } = value;
    if (version !== PREPROCESSING_VERSION) {
      throw new CliError(
        'INVALID_MODEL',
        `The model's preprocessing version ${describeValue(version)} is not supported ` +
          `(this lassonet reads version ${PREPROCESSING_VERSION}).`,
      );
    }
  }
  const result = v.safeParse(preprocessingSpecSchema, value);
  if (result.success) return result.output as PreprocessingSpec;
  const issue = result.issues[0];
  const where = issuePath(issue.path);
  throw new CliError(
    'INVALID_MODEL',
    `The model's preprocessing is invalid: ${where === '' ? 'it' : where} ${issue.message}.`,
  );
}

/** `columns[2].scale`, from a valibot issue path. */
function issuePath(path: readonly { key: unknown }[] | undefined): string {
  let text = '';
  for (const { key } of path ?? []) {
    text += typeof key === 'number' ? `[${key}]` : `${text === '' ? '' : '.'}${String(key)}`;
  }
  return text;
}
