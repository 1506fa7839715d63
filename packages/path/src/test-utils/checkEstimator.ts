/**
 * The contract every registered estimator meets, in the manner of scikit-learn's
 * `check_estimator`: the same checks run on each kind in `ESTIMATORS`, so a newly registered
 * estimator is held to them as soon as it has a data factory in `CONTRACT_DATA`.
 */
import { tf } from '@lassonet/backend';
import { Random } from '@lassonet/core';
import {
  type Features,
  type LassoNetCheckpoint,
  ModelError,
  type ModelErrorCode,
} from '@lassonet/model';
import { expect } from 'vitest';
import type { BaseLassoNet } from '../estimator.js';
import type { LassoNetOptions } from '../options.js';
import type { PathStep } from '../pathStep.js';
import {
  createEstimator,
  ESTIMATOR_KINDS,
  ESTIMATORS,
  type EstimatorKind,
  loadEstimator,
} from '../registry.js';
import { rejection, thrown } from './errors.js';

/** What the contract uses of an estimator; every kind predicts one value per row of X. */
export type ContractEstimator = BaseLassoNet<unknown, unknown> & {
  predict(X: Features): (number | number[])[];
  score(X: Features, y: unknown): number;
};

const LAMBDA_SEQ = [0.01, 0.1];

/** Tiny and quick: a 4-unit layer, a few epochs, two penalties after the dense model. */
export const CONTRACT_OPTIONS: Readonly<LassoNetOptions> = {
  hiddenDims: [4],
  nIters: [5, 2],
  lambdaSeq: LAMBDA_SEQ,
};

/** The same, training the dense model only. */
export const DENSE_ONLY: Readonly<LassoNetOptions> = { ...CONTRACT_OPTIONS, lambdaSeq: [] };

export const N = 20;
export const D = 3;

/** n × d standard normal features (a fresh copy on every call). */
export function features(n = N, d = D, seed = 1): number[][] {
  const random = new Random(seed);
  return Array.from({ length: n }, () => Array.from({ length: d }, () => random.normal()));
}

export const regressionY = (X: readonly (readonly number[])[]): number[] =>
  X.map((r) => (r[0] as number) - 2 * (r[1] as number));
export const classY = (n = N): number[] => Array.from({ length: n }, (_, i) => i % 3);
export const survivalY = (n = N): number[][] =>
  Array.from({ length: n }, (_, i) => [1 + 0.1 * i, i % 2]);
export const intervalY = (n = N): number[][] =>
  Array.from({ length: n }, (_, i) =>
    i % 3 === 0 ? [1, 1, 1, 0, 0] : i % 3 === 1 ? [1, 2, 0, 1, 0] : [2, 2, 0, 0, 1],
  );

/** Valid targets for the rows of X (at least two rows). */
export type TargetFactory = (X: number[][]) => unknown[];

/** Per registered kind, how to make valid targets; a kind missing here fails the contract. */
export const CONTRACT_DATA: Readonly<Record<string, TargetFactory>> = {
  regressor: regressionY,
  classifier: (X) => classY(X.length),
  cox: (X) => survivalY(X.length),
  interval: (X) => intervalY(X.length),
};

/** The kinds registered without a data factory (the contract cannot check them). */
export function kindsWithoutData(): string[] {
  return ESTIMATOR_KINDS.filter((kind) => !Object.hasOwn(CONTRACT_DATA, kind));
}

/** n rows of valid data for `kind`. */
export function contractData(
  kind: EstimatorKind,
  n = N,
  d = D,
  seed = 1,
): { X: number[][]; y: unknown[] } {
  const targets = CONTRACT_DATA[kind];
  if (targets === undefined) {
    throw new Error(
      `The estimator kind '${kind}' is registered but has no data factory: add one to CONTRACT_DATA in test-utils/checkEstimator.ts.`,
    );
  }
  const X = features(n, d, seed);
  return { X, y: targets(X) };
}

/** The class name of `kind`, as its messages give it. */
export function estimatorName(kind: EstimatorKind): string {
  return ESTIMATORS[kind].Estimator.name;
}

/** A new estimator of `kind` with the contract's small settings (plus `options`). */
export function makeEstimator(
  kind: EstimatorKind,
  options: Record<string, unknown> = {},
): ContractEstimator {
  return createEstimator(kind, { ...CONTRACT_OPTIONS, ...options }) as ContractEstimator;
}

/** A fitted estimator of `kind` on the contract's data. */
export async function fitted(
  kind: EstimatorKind,
  options: Record<string, unknown> = {},
): Promise<ContractEstimator> {
  const { X, y } = contractData(kind);
  return makeEstimator(kind, options).fit(X, y);
}

export function expectError(error: ModelError, code: ModelErrorCode, message: RegExp): void {
  expect({ code: error.code, message: error.message }).toEqual({
    code,
    message: expect.stringMatching(message),
  });
  expect(error.name).toBe('ModelError');
}

/** The error (of any class) the promise rejects with; fails when it resolves. */
export async function anyRejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return error as Error;
  }
  throw new Error('expected a rejection, but the promise resolved');
}

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `^Name: option must …, got value.$` */
function optionMessage(name: string, rest: string): RegExp {
  return new RegExp(`^${esc(`${name}: ${rest}`)}\\.$`);
}

/** A bad constructor option: what is passed, the code and the message expected. */
export interface BadOption {
  what: string;
  options: unknown;
  code: ModelErrorCode;
  message: RegExp;
}

/** Bad values of the options every estimator takes; each must name the option and the value. */
export function badCommonOptions(kind: EstimatorKind): BadOption[] {
  const name = estimatorName(kind);
  const invalid = (what: string, options: Record<string, unknown>, rest: string): BadOption => ({
    what,
    options,
    code: 'INVALID_OPTION',
    message: optionMessage(name, rest),
  });
  const cases: BadOption[] = [
    invalid('gamma -1', { gamma: -1 }, 'gamma must be a finite number >= 0, got -1'),
    invalid(
      'gammaSkip NaN',
      { gammaSkip: Number.NaN },
      'gammaSkip must be a finite number >= 0, got NaN',
    ),
    invalid(
      "l2 'squared'",
      { l2: 'squared' },
      "l2 must be one of 'gradient', 'objective-only', got 'squared'",
    ),
    invalid('nIters -1', { nIters: -1 }, 'nIters must be an integer >= 0, got -1'),
    invalid(
      'nIters [10, 0.5]',
      { nIters: [10, 0.5] },
      'nIters[1] must be an integer >= 0, got 0.5',
    ),
    invalid(
      'nIters [1, 2, 3]',
      { nIters: [1, 2, 3] },
      'nIters must be one value or a [dense, path] pair, got [1, 2, 3]',
    ),
    invalid('patience 0', { patience: 0 }, 'patience must be an integer >= 1, got 0'),
    invalid(
      'patience [5, -1]',
      { patience: [5, -1] },
      'patience[1] must be an integer >= 1, got -1',
    ),
    invalid('dropout 1', { dropout: 1 }, 'dropout must be a number in [0, 1), got 1'),
    invalid('dropout -0.1', { dropout: -0.1 }, 'dropout must be a number in [0, 1), got -0.1'),
    invalid('valSize 1', { valSize: 1 }, 'valSize must be a number in [0, 1), got 1'),
    invalid('valSize -0.5', { valSize: -0.5 }, 'valSize must be a number in [0, 1), got -0.5'),
    invalid('tol 2', { tol: 2 }, 'tol must be a number in [0, 1], got 2'),
    invalid('seed 1.5', { seed: 1.5 }, 'seed must be an integer >= 0, got 1.5'),
    invalid('verbose -1', { verbose: -1 }, 'verbose must be an integer >= 0, got -1'),
    invalid('threads 3', { threads: 3 }, 'threads must be an integer in [1, 2], got 3'),
    invalid(
      'pathMultiplier 1',
      { pathMultiplier: 1 },
      'pathMultiplier must be a finite number > 1, got 1',
    ),
    invalid('M 0', { M: 0 }, 'M must be a finite number > 0, got 0'),
    invalid(
      'lambdaStart -1',
      { lambdaStart: -1 },
      'lambdaStart must be a finite number > 0, got -1',
    ),
    invalid(
      "lambdaStart 'big'",
      { lambdaStart: 'big' },
      "lambdaStart must be a finite number > 0, got 'big'",
    ),
    invalid(
      'lambdaSeq decreasing',
      { lambdaSeq: [1, 3, 2] },
      'lambdaSeq must be non-decreasing, got [1, 3, 2]',
    ),
    invalid(
      'lambdaSeq with 0',
      { lambdaSeq: [0, 1] },
      'lambdaSeq[0] must be a finite number > 0, got 0',
    ),
    invalid(
      'lambdaSeq not an array',
      { lambdaSeq: 1 },
      'lambdaSeq must be an array of penalties ([] trains the dense model only), got 1',
    ),
    invalid("backtrack 'yes'", { backtrack: 'yes' }, "backtrack must be true or false, got 'yes'"),
    invalid(
      "optimizer 'adam'",
      { optimizer: 'adam' },
      "optimizer must be an optimizer object such as { name: 'sgd', learningRate: 1e-3 }, got 'adam'",
    ),
    invalid(
      "optimizer { name: 'rmsprop' }",
      { optimizer: { name: 'rmsprop' } },
      "optimizer.name must be 'adam' or 'sgd', got 'rmsprop'",
    ),
    invalid(
      'a bad path optimizer in a pair',
      { optimizer: [{ name: 'adam' }, { name: 'rmsprop' }] },
      "optimizer[1].name must be 'adam' or 'sgd', got 'rmsprop'",
    ),
    invalid(
      'optimizer learningRate 0',
      { optimizer: { name: 'sgd', learningRate: 0 } },
      'optimizer.learningRate must be a finite number > 0, got 0',
    ),
    invalid(
      'hiddenDims []',
      { hiddenDims: [] },
      'hiddenDims must be a non-empty array of layer sizes, got []',
    ),
    invalid('hiddenDims [0]', { hiddenDims: [0] }, 'hiddenDims[0] must be an integer >= 1, got 0'),
    invalid(
      'hiddenDims [4, 2.5]',
      { hiddenDims: [4, 2.5] },
      'hiddenDims[1] must be an integer >= 1, got 2.5',
    ),
    invalid(
      'hiddenDims a number',
      { hiddenDims: 4 },
      'hiddenDims must be a non-empty array of layer sizes, got 4',
    ),
    {
      what: 'groups not arrays of indices',
      options: { groups: [0, 1] },
      code: 'INVALID_GROUPS',
      message: optionMessage(
        name,
        'groups[0] must be an array of arrays of feature indices, got 0',
      ),
    },
    {
      what: 'options not an object',
      options: 5,
      code: 'INVALID_OPTION',
      message: new RegExp(`^The options of ${name} must be an object, got 5\\.$`),
    },
    {
      what: 'options an array',
      options: [],
      code: 'INVALID_OPTION',
      message: new RegExp(`^The options of ${name} must be an object, got \\[\\]\\.$`),
    },
    {
      what: 'options null',
      options: null,
      code: 'INVALID_OPTION',
      message: new RegExp(`^The options of ${name} must be an object, got null\\.$`),
    },
  ];
  // Cox trains on the full data: it takes no batchSize at all (coxRegressor.test.ts).
  if (kind !== 'cox') {
    cases.push(
      invalid('batchSize 0', { batchSize: 0 }, 'batchSize must be an integer >= 1, got 0'),
    );
  }
  return cases;
}

/** Options other registered estimators take and `kind` does not. */
export function foreignOptions(kind: EstimatorKind): string[] {
  const own = new Set(Object.keys(ESTIMATORS[kind].schema.entries));
  const others = ESTIMATOR_KINDS.flatMap((k) => Object.keys(ESTIMATORS[k].schema.entries));
  return [...new Set(others)].filter((key) => !own.has(key)).sort();
}

/** The steps of a path, without the weights. */
const summary = (path: readonly PathStep[]) =>
  path.map((s) => ({ lambda: s.lambda, nSelected: s.nSelected, loss: s.loss, epochs: s.epochs }));

/** The checks every estimator passes, by name. */
export const CONTRACT_CHECKS: Readonly<Record<string, (kind: EstimatorKind) => Promise<void>>> = {
  async 'the registry makes it and names its kind'(kind) {
    const entry = ESTIMATORS[kind];
    const model = createEstimator(kind);
    expect(model).toBeInstanceOf(entry.Estimator);
    expect(model.kind).toBe(kind);
    const direct = new entry.Estimator({ seed: 3 });
    expect(direct.kind).toBe(kind);
  },

  async 'the constructor only stores its options, frozen'(kind) {
    const { Estimator } = ESTIMATORS[kind];
    const given: Record<string, unknown> = {
      hiddenDims: [4],
      nIters: [5, 2],
      patience: null,
      tol: 1,
    };
    const model = new Estimator(given);
    expect(Object.isFrozen(model.options)).toBe(true);
    expect(model.options).toEqual(given);
    expect(Object.keys(model.options).sort()).toEqual(['hiddenDims', 'nIters', 'patience', 'tol']);
    // A copy: changing the caller's object later does not change the estimator's options.
    expect(model.options).not.toBe(given);
    given.tol = 0.5;
    expect((model.options as { tol?: number }).tol).toBe(1);
    expect(() => {
      (model.options as { tol?: number }).tol = 0.9;
    }).toThrow(TypeError);
    expect((model.options as { tol?: number }).tol).toBe(1);
    // No defaults are filled in, and nothing is trained.
    expect(new Estimator().options).toEqual({});
    expect(new Estimator(undefined).options).toEqual({});
    expect(Object.isFrozen(new Estimator().options)).toBe(true);
    expect(model.fittedPath).toBeUndefined();
    expect(model.featureImportances).toBeUndefined();
    expect(model.lambdaStart).toBeUndefined();
  },

  async 'an unknown option is UNKNOWN_OPTION with a suggestion and the known options'(kind) {
    const { Estimator, schema } = ESTIMATORS[kind];
    const name = estimatorName(kind);
    const error = thrown(() => new Estimator({ hidden_dims: [4] }));
    expectError(
      error,
      'UNKNOWN_OPTION',
      new RegExp(
        `^Unknown option 'hidden_dims' for ${name} \\(did you mean 'hiddenDims'\\?\\)\\. Known options: ${esc(Object.keys(schema.entries).join(', '))}\\.$`,
      ),
    );
    const typo = thrown(() => new Estimator({ lamdaSeq: [1] }));
    expectError(typo, 'UNKNOWN_OPTION', /did you mean 'lambdaSeq'\?/);
  },

  async "another estimator's option is unknown"(kind) {
    const { Estimator } = ESTIMATORS[kind];
    const results = foreignOptions(kind).map((key) => {
      const error = thrown(() => new Estimator({ [key]: undefined }));
      return { key, code: error.code, message: error.message };
    });
    expect(results).toEqual(
      foreignOptions(kind).map((key) => ({
        key,
        code: 'UNKNOWN_OPTION',
        message: expect.stringContaining(`Unknown option '${key}' for ${estimatorName(kind)}`),
      })),
    );
  },

  async 'bad option values are INVALID_OPTION naming the option and the value'(kind) {
    const { Estimator } = ESTIMATORS[kind];
    const cases = badCommonOptions(kind);
    const got = cases.map(({ what, options }) => {
      const error = thrown(() => new Estimator(options as Record<string, unknown>));
      return { what, code: error.code, message: error.message };
    });
    expect(got).toEqual(
      cases.map(({ what, code, message }) => ({
        what,
        code,
        message: expect.stringMatching(message),
      })),
    );
  },

  async 'an unknown optimizer field is UNKNOWN_OPTION, before any training'(kind) {
    const { X, y } = contractData(kind);
    const seen: number[] = [];
    // Built inside the promise: rejecting it in the constructor is as good as in path().
    const error = await rejection(
      (async () =>
        makeEstimator(kind, {
          optimizer: [{ name: 'adam' }, { name: 'sgd', beta1: 0.9 }],
        }).path(X, y, { onStep: (_, i) => seen.push(i) }))(),
    );
    expectError(error, 'UNKNOWN_OPTION', /'beta1'/);
    // Nothing trained: the bad option is found before the dense model.
    expect(seen).toEqual([]);
    // Even when only the dense model would train.
    const dense = await rejection(
      (async () =>
        makeEstimator(kind, {
          optimizer: [{ name: 'adam' }, { name: 'sgd', beta1: 0.9 }],
        }).fit(X, y, { denseOnly: true }))(),
    );
    expectError(dense, 'UNKNOWN_OPTION', /'beta1'/);
    const adam = thrown(() =>
      createEstimator(kind, { optimizer: { name: 'adam', momentum: 0.9 } }),
    );
    expectError(adam, 'UNKNOWN_OPTION', /'momentum'/);
  },

  async 'patience null, Infinity and pairs of them are accepted; null trains every epoch'(kind) {
    const { Estimator } = ESTIMATORS[kind];
    expect(new Estimator({ patience: null }).options.patience).toBeNull();
    expect(new Estimator({ patience: [null, Number.POSITIVE_INFINITY] }).options.patience).toEqual([
      null,
      Number.POSITIVE_INFINITY,
    ]);
    expect(new Estimator({ patience: [3, null] }).options.patience).toEqual([3, null]);
    const { X, y } = contractData(kind);
    const model = makeEstimator(kind, { nIters: [7, 2], patience: null, lambdaSeq: [] });
    const [dense] = await model.path(X, y);
    expect(dense?.epochs).toBe(7);
    model.dispose();
  },

  async 'fit trains the path and predicts one value per row'(kind) {
    const { X, y } = contractData(kind);
    const model = makeEstimator(kind);
    const steps: number[] = [];
    const returned = await model.fit(X, y, { onStep: (_, i) => steps.push(i) });
    expect(returned).toBe(model);
    const path = model.fittedPath as PathStep[];
    expect(path.map((s) => s.lambda)).toEqual([0, ...LAMBDA_SEQ]);
    expect(steps).toEqual([0, 1, 2]);
    expect(path[0]?.nSelected).toBe(D);
    for (const step of path) {
      expect(step.selected).toHaveLength(D);
      expect(step.nSelected).toBe(step.selected.filter(Boolean).length);
      expect(Number.isFinite(step.loss)).toBe(true);
      expect(step.checkpoint).toBeUndefined();
    }
    expect(model.featureImportances).toHaveLength(D);
    expect(model.lambdaStart).toBe(LAMBDA_SEQ[0]);
    const selected = model.selectedFeatures();
    expect(selected).toEqual(
      (path[path.length - 1] as PathStep).selected.flatMap((s, j) => (s ? [j] : [])),
    );

    const before = tf.memory().numTensors;
    const predicted = model.predict(X);
    expect(predicted).toHaveLength(N);
    for (const p of predicted) expect(Number.isFinite(p)).toBe(true);
    // Fewer rows than it was fitted on, and a matrix given as { data, shape }.
    expect(model.predict(features(4, D, 9))).toHaveLength(4);
    const flat = { data: Float32Array.from(X.flat()), shape: [N, D] as [number, number] };
    expect(model.predict(flat)).toEqual(predicted);
    const score = model.score(X, y);
    expect(Number.isFinite(score)).toBe(true);
    if (ESTIMATORS[kind].score === 'r2') expect(score).toBeLessThanOrEqual(1);
    else {
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  },

  async 'path() with lambdaSeq [] and fit({ denseOnly }) train the dense model only'(kind) {
    const { X, y } = contractData(kind);
    const model = makeEstimator(kind);
    const dense = await model.path(X, y, { lambdaSeq: [] });
    expect(dense.map((s) => s.lambda)).toEqual([0]);
    await model.fit(X, y, { denseOnly: true });
    expect(model.fittedPath?.map((s) => s.lambda)).toEqual([0]);
    expect(model.selectedFeatures()).toEqual([0, 1, 2]);
    // The same dense model both ways.
    expect(summary(model.fittedPath as PathStep[])).toEqual(summary(dense));
    model.dispose();
  },

  async 'the same seed gives the same path and predictions; another seed does not'(kind) {
    const { X, y } = contractData(kind);
    const run = async (seed: number) => {
      const model = makeEstimator(kind, { seed, dropout: 0.1 });
      const path = await model.path(X, y);
      const predicted = model.predict(X);
      model.dispose();
      return { path: summary(path), predicted };
    };
    const a = await run(5);
    const b = await run(5);
    expect(b).toEqual(a);
    const c = await run(6);
    expect(c).not.toEqual(a);
  },

  async 'threads: 2 trains the same path as one thread, up to float rounding'(kind) {
    // A problem large enough that training steps are split between the two threads.
    const { X, y } = contractData(kind, 300, 40);
    const run = async (threads: number) => {
      // SGD throughout: Adam would scale the float noise of gradients that are nearly zero up
      // to whole steps.
      const model = makeEstimator(kind, {
        threads,
        hiddenDims: [100],
        nIters: [20, 10],
        optimizer: { name: 'sgd', learningRate: 1e-2, momentum: 0.9 },
      });
      const path = await model.path(X, y);
      const predicted = (model.predict(X) as (number | number[])[]).flat();
      model.dispose();
      return {
        selected: path.map((s) => s.selected),
        lambda: path.map((s) => s.lambda),
        predicted,
      };
    };
    const before = tf.memory().numTensors;
    const one = await run(1);
    const two = await run(2);
    expect(tf.memory().numTensors).toBe(before);
    expect(two.selected).toEqual(one.selected);
    expect(two.lambda).toEqual(one.lambda);
    const worst = Math.max(
      ...one.predicted.map((p, i) => Math.abs(p - (two.predicted[i] as number))),
    );
    const scale = Math.max(...one.predicted.map((p) => Math.abs(p)));
    expect(worst).toBeLessThan(1e-4 * Math.max(1, scale));
  },

  async "l2 'objective-only' trains as gamma 0, adds the L2 terms to the objective only, and is saved"(
    kind,
  ) {
    const { X, y } = contractData(kind);
    // Without early stopping, every run trains the same epochs whatever its objective.
    const l2 = { gamma: 0.5, gammaSkip: 0.5, patience: null };
    const run = async (options: Record<string, unknown>) => {
      const model = makeEstimator(kind, options);
      const path = await model.path(X, y);
      return { model, path, predicted: model.predict(X) };
    };
    const objectiveOnly = await run({ ...l2, l2: 'objective-only' });
    const none = await run({ patience: null });
    const gradient = await run(l2);
    expect(summary(objectiveOnly.path)).toEqual(summary(none.path));
    expect(objectiveOnly.predicted).toEqual(none.predicted);
    // A real L2 gradient changes the weights, so the losses along the path.
    expect(summary(gradient.path)).not.toEqual(summary(none.path));
    // The same weights, so the same loss; the objective adds gamma·‖W‖² + gammaSkip·‖S‖ > 0.
    objectiveOnly.path.forEach((step, i) => {
      const plain = none.path[i] as PathStep;
      expect(step.valLoss).toBe(plain.valLoss);
      expect(step.valObjective).toBeGreaterThan(plain.valObjective);
    });

    const json = objectiveOnly.model.toJSON();
    expect(json.options.l2).toBe('objective-only');
    const loaded = loadEstimator(JSON.stringify(json)) as ContractEstimator;
    expect(loaded.options).toEqual(objectiveOnly.model.options);
    expect(loaded.predict(X)).toEqual(objectiveOnly.predicted);
    for (const model of [loaded, objectiveOnly.model, none.model, gradient.model]) {
      model.dispose();
    }
  },

  async 'toJSON and loadEstimator give back a model that predicts the same'(kind) {
    const { X, y } = contractData(kind);
    const model = await fitted(kind, { seed: 2 });
    const predicted = model.predict(X);
    const json = model.toJSON();
    expect({ format: json.format, version: json.version, kind: json.kind }).toEqual({
      format: 'lassonet-estimator',
      version: 1,
      kind,
    });
    expect(json.options).toEqual({ ...CONTRACT_OPTIONS, seed: 2 });
    for (const saved of [JSON.stringify(json), json, JSON.parse(JSON.stringify(json))]) {
      const loaded = loadEstimator(saved) as ContractEstimator;
      expect(loaded).toBeInstanceOf(ESTIMATORS[kind].Estimator);
      expect(loaded.kind).toBe(kind);
      expect(loaded.options).toEqual(model.options);
      expect(loaded.predict(X)).toEqual(predicted);
      expect(loaded.score(X, y)).toBe(model.score(X, y));
      expect(loaded.selectedFeatures()).toEqual(model.selectedFeatures());
      loaded.dispose();
    }
    model.dispose();
  },

  async 'loadEstimator rejects what is not a saved estimator, leaving no tensor'(kind) {
    const model = await fitted(kind);
    const json = model.toJSON();
    model.dispose();
    const before = tf.memory().numTensors;
    const garbage: [string, unknown, RegExp][] = [
      ['not JSON', '{ not json', /not valid JSON/],
      ['a number', '5', /not a saved LassoNet estimator/],
      ['null', null, /not a saved LassoNet estimator/],
      ['another format', { ...json, format: 'pickle' }, /no format 'lassonet-estimator'/],
      ['a newer version', { ...json, version: 2 }, /version 2 is not supported/],
      ['no version', { ...json, version: undefined }, /version undefined is not supported/],
      ['an unknown kind', { ...json, kind: 'svm' }, /kind "svm" is not one of/],
      ['no kind', { ...json, kind: undefined }, /kind undefined is not one of/],
      ['no checkpoint', { ...json, checkpoint: undefined }, /checkpoint/i],
      ['a broken checkpoint', { ...json, checkpoint: { config: {} } }, /checkpoint/i],
    ];
    const got = garbage.map(([what, saved]) => {
      const error = thrown(() => loadEstimator(saved as string));
      return { what, code: error.code, message: error.message };
    });
    expect(got).toEqual(
      garbage.map(([what, , message]) => ({
        what,
        code: 'INVALID_CHECKPOINT',
        message: expect.stringMatching(message),
      })),
    );
    // Saved options are checked as when the estimator was made.
    expectError(
      thrown(() => loadEstimator({ ...json, options: { gamma: -1 } })),
      'INVALID_OPTION',
      /gamma must be a finite number >= 0, got -1/,
    );
    expect(tf.memory().numTensors).toBe(before);
  },

  async 'load(step) restores a step of the path; a step without checkpoint is rejected'(kind) {
    const { X, y } = contractData(kind);
    const model = makeEstimator(kind);
    const path = await model.path(X, y, { returnCheckpoints: true });
    const last = model.predict(X);
    expect(model.load(path[0] as PathStep)).toBe(model);
    expect(model.selectedFeatures()).toEqual([0, 1, 2]);
    const dense = model.predict(X);
    model.load(path[path.length - 1] as PathStep);
    expect(model.predict(X)).toEqual(last);
    // A checkpoint loads into a fresh estimator too.
    const fresh = createEstimator(kind).load(
      (path[0] as PathStep).checkpoint as LassoNetCheckpoint,
    ) as ContractEstimator;
    expect(fresh.predict(X)).toEqual(dense);
    fresh.dispose();

    const plain = await model.path(X, y, { lambdaSeq: [] });
    const before = tf.memory().numTensors;
    expectError(
      thrown(() => model.load(plain[0] as PathStep)),
      'INVALID_CHECKPOINT',
      /^The step at lambda 0 has no checkpoint: run path\(\) with returnCheckpoints: true\.$/,
    );
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  },

  async 'load rejects what is not a checkpoint and keeps the network it had'(kind) {
    const { X, y } = contractData(kind);
    const before = tf.memory().numTensors;
    for (const bad of [{}, null, 'weights', { config: {} }]) {
      const error = thrown(() => createEstimator(kind).load(bad as never));
      expectError(error, 'INVALID_CHECKPOINT', /checkpoint/i);
    }
    expect(tf.memory().numTensors).toBe(before);

    const model = makeEstimator(kind);
    const [dense] = await model.path(X, y, { lambdaSeq: [], returnCheckpoints: true });
    const checkpoint = (dense as PathStep).checkpoint as LassoNetCheckpoint;
    const predicted = model.predict(X);
    const loaded = tf.memory().numTensors;
    thrown(() => model.load({ lambda: 1 } as never));
    thrown(() =>
      model.load({ ...checkpoint, config: { ...checkpoint.config, logSigma: 7 } } as never),
    );
    // The other value of logSigma: a network this estimator cannot use.
    const flipped = {
      ...checkpoint,
      config: { ...checkpoint.config, logSigma: !checkpoint.config.logSigma },
    };
    expectError(
      thrown(() => model.load(flipped as never)),
      'INVALID_CHECKPOINT',
      /logSigma/,
    );
    expect(model.predict(X)).toEqual(predicted);
    expect(tf.memory().numTensors).toBe(loaded);
    model.dispose();
  },

  async 'predict, score, selectedFeatures, network and toJSON are NOT_FITTED before fit and after dispose'(
    kind,
  ) {
    const { X, y } = contractData(kind, 4);
    const name = estimatorName(kind);
    const calls = (model: ContractEstimator): [string, () => unknown][] => [
      ['predict', () => model.predict(X)],
      ['score', () => model.score(X, y)],
      ['selectedFeatures', () => model.selectedFeatures()],
      ['network', () => model.network],
      ['toJSON', () => model.toJSON()],
    ];
    const notFitted = (model: ContractEstimator) =>
      calls(model).map(([what, call]) => {
        const error = thrown(call);
        return { what, code: error.code, message: error.message };
      });
    const expected = calls(makeEstimator(kind)).map(([what]) => ({
      what,
      code: 'NOT_FITTED',
      message: `This ${name} is not fitted: call fit(), path() or load() first.`,
    }));
    const model = makeEstimator(kind);
    expect(notFitted(model)).toEqual(expected);
    // Disposing an estimator that holds no network is harmless.
    model.dispose();
    const data = contractData(kind);
    await model.fit(data.X, data.y);
    expect(model.predict(X)).toHaveLength(4);
    model.dispose();
    expect(notFitted(model)).toEqual(expected);
    // Fitted again after dispose.
    await model.fit(data.X, data.y);
    expect(model.predict(X)).toHaveLength(4);
    model.dispose();
  },

  async 'bad X is rejected, naming where'(kind) {
    const { X, y } = contractData(kind);
    const model = makeEstimator(kind);
    const nan = features();
    (nan[3] as number[])[1] = Number.NaN;
    expectError(await rejection(model.path(nan, y)), 'NON_FINITE', /X has NaN at row 3, column 1/);
    const data = Float32Array.from(X.flat());
    data[7] = Number.POSITIVE_INFINITY;
    expectError(
      await rejection(model.fit({ data, shape: [N, D] }, y)),
      'NON_FINITE',
      /X has Infinity at row 2, column 1/,
    );
    const ragged = features();
    ragged[2] = [1, 2];
    expectError(
      await rejection(model.path(ragged, y)),
      'SHAPE_MISMATCH',
      /X must be rectangular: row 0 has 3 values, row 2 has 2/,
    );
    expectError(
      await rejection(model.path(X, contractData(kind, N - 1).y)),
      'SHAPE_MISMATCH',
      /^X has 20 rows but y has 19\.$/,
    );
    expectError(
      await rejection(model.fit(X, contractData(kind, 25).y)),
      'SHAPE_MISMATCH',
      /^X has 20 rows but y has 25\.$/,
    );
    expectError(await rejection(model.path([], [])), 'EMPTY', /X has no rows/);
    expectError(
      await rejection(
        model.path(
          Array.from({ length: 3 }, () => []),
          contractData(kind, 3).y,
        ),
      ),
      'EMPTY',
      /X is empty \(shape \[3, 0\]\)/,
    );
    expectError(await rejection(model.fit(X, [])), 'EMPTY', /^y is empty\.$/);
    expectError(
      await rejection(model.path('abc' as never, y)),
      'SHAPE_MISMATCH',
      /X must be number\[\]\[\], \{ data, shape \} or a 2-D tensor/,
    );
    expectError(
      await rejection(model.fit(X, 5 as never)),
      'SHAPE_MISMATCH',
      /^y must be an array or a tensor, got 5\.$/,
    );
    expect(model.fittedPath).toBeUndefined();
  },

  async 'bad validation data are rejected'(kind) {
    const { X, y } = contractData(kind);
    const val = contractData(kind, 5, D, 2);
    const model = makeEstimator(kind);
    const both = /^Give both XVal and yVal, or neither\.$/;
    expectError(await rejection(model.path(X, y, { XVal: val.X })), 'INVALID_OPTION', both);
    expectError(await rejection(model.fit(X, y, { yVal: val.y })), 'INVALID_OPTION', both);
    expectError(
      await rejection(model.path(X, y, { XVal: features(5, 2), yVal: val.y })),
      'SHAPE_MISMATCH',
      /XVal has 2 columns but .*3/,
    );
    expectError(
      await rejection(model.path(X, y, { XVal: val.X, yVal: val.y.slice(1) })),
      'SHAPE_MISMATCH',
      /^XVal has 5 rows but yVal has 4\.$/,
    );
    const XValNaN = features(5, D, 2);
    (XValNaN[4] as number[])[0] = Number.NaN;
    expectError(
      await rejection(model.fit(X, y, { XVal: XValNaN, yVal: val.y })),
      'NON_FINITE',
      /XVal has NaN at row 4, column 0/,
    );
    expectError(
      await rejection(model.fit(X, y, { XVal: val.X, yVal: [] })),
      'EMPTY',
      /^yVal is empty\.$/,
    );
    // Good validation data are used instead of a split.
    await model.fit(X, y, { XVal: val.X, yVal: val.y });
    expect(model.fittedPath).toHaveLength(3);
    model.dispose();
  },

  async 'unknown and bad path and fit options are rejected'(kind) {
    const { X, y } = contractData(kind);
    const model = makeEstimator(kind);
    const cases: [string, () => Promise<unknown>, ModelErrorCode, RegExp][] = [
      [
        'a misspelt path option',
        () => model.path(X, y, { lamdaSeq: [1] } as never),
        'UNKNOWN_OPTION',
        /^Unknown option 'lamdaSeq' for path \(did you mean 'lambdaSeq'\?\)\. Known options: /,
      ],
      [
        // lambdaSeq is a path() option, not a fit() one.
        'lambdaSeq given to fit',
        () => model.fit(X, y, { lambdaSeq: [1] } as never),
        'UNKNOWN_OPTION',
        /^Unknown option 'lambdaSeq' for fit/,
      ],
      [
        'path options not an object',
        () => model.path(X, y, 3 as never),
        'INVALID_OPTION',
        /^The options of path must be an object, got 3\.$/,
      ],
      [
        'fit options not an object',
        () => model.fit(X, y, 'fast' as never),
        'INVALID_OPTION',
        /^The options of fit must be an object, got 'fast'\.$/,
      ],
      [
        'a decreasing path lambdaSeq',
        () => model.path(X, y, { lambdaSeq: [2, 1] }),
        'INVALID_OPTION',
        /^path: lambdaSeq must be non-decreasing, got \[2, 1\]\.$/,
      ],
      [
        'lambdaMax -1',
        () => model.path(X, y, { lambdaMax: -1 }),
        'INVALID_OPTION',
        /^path: lambdaMax must be a finite number >= 0, got -1\.$/,
      ],
      [
        'onStep not a function',
        () => model.path(X, y, { onStep: 'log' as never }),
        'INVALID_OPTION',
        /^path: onStep must be a function, got 'log'\.$/,
      ],
      [
        "returnCheckpoints 'yes'",
        () => model.path(X, y, { returnCheckpoints: 'yes' as never }),
        'INVALID_OPTION',
        /^path: returnCheckpoints must be true or false, got 'yes'\.$/,
      ],
      [
        "denseOnly 'yes'",
        () => model.fit(X, y, { denseOnly: 'yes' as never }),
        'INVALID_OPTION',
        /^fit: denseOnly must be true or false, got 'yes'\.$/,
      ],
      [
        'a signal that is not an AbortSignal',
        () => model.fit(X, y, { signal: {} as never }),
        'INVALID_OPTION',
        /^fit: signal must be an AbortSignal/,
      ],
    ];
    const got: { what: string; code: string; message: string }[] = [];
    for (const [what, call] of cases) {
      const error = await rejection(call());
      got.push({ what, code: error.code, message: error.message });
    }
    expect(got).toEqual(
      cases.map(([what, , code, message]) => ({
        what,
        code,
        message: expect.stringMatching(message),
      })),
    );
    expect(model.fittedPath).toBeUndefined();
  },

  async 'groups that are not a partition of the features are INVALID_GROUPS'(kind) {
    const { X, y } = contractData(kind);
    const cases: [number[][], RegExp][] = [
      [[[0, 1]], /1 of 3 features are in no group \(first: 2\)/],
      [
        [
          [0, 1],
          [1, 2],
        ],
        /Feature 1 appears in groups\[0\] and groups\[1\]/,
      ],
      [[[0, 1, 2, 3]], /groups\[0\] contains 3, which is not a feature index/],
      [[[0, 1, 2], []], /groups\[1\] must be a non-empty array/],
    ];
    for (const [groups, message] of cases) {
      const error = await rejection((async () => makeEstimator(kind, { groups }).path(X, y))());
      expectError(error, 'INVALID_GROUPS', message);
    }
    // A partition trains, keeping each group whole.
    const model = makeEstimator(kind, { groups: [[0, 2], [1]] });
    const path = await model.path(X, y);
    for (const step of path) expect(step.selected[0]).toBe(step.selected[2]);
    model.dispose();
  },

  async 'a valSize that leaves no training rows is EMPTY'(kind) {
    const { X, y } = contractData(kind, 2);
    const error = await rejection(makeEstimator(kind, { valSize: 0.9 }).path(X, y));
    expectError(error, 'EMPTY', /^valSize = 0\.9 leaves no training rows out of 2; /);
  },

  async 'fit then dispose, and every failing call, leave no tensor behind'(kind) {
    const { X, y } = contractData(kind);
    const val = contractData(kind, 5, D, 2);
    const before = tf.memory().numTensors;
    const model = await fitted(kind);
    model.predict(X);
    model.score(X, y);
    model.toJSON();
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);

    const nan = features();
    (nan[0] as number[])[0] = Number.NaN;
    const controller = new AbortController();
    const failures: [string, () => Promise<unknown>][] = [
      ['NaN in X', () => makeEstimator(kind).fit(nan, y)],
      ['groups', () => makeEstimator(kind, { groups: [[0]] }).path(X, y)],
      ['XVal columns', () => makeEstimator(kind).path(X, y, { XVal: features(5, 2), yVal: val.y })],
      [
        'a bad optimizer',
        async () =>
          makeEstimator(kind, {
            optimizer: [{ name: 'adam' }, { name: 'sgd', learningRate: 0 }],
          }).path(X, y),
      ],
      ['a bad path option', () => makeEstimator(kind).path(X, y, { lambdaMax: -1 })],
      // After the network is built: the callback fails in the middle of the path.
      [
        'onStep throws',
        () =>
          makeEstimator(kind).path(X, y, {
            onStep: (_, i) => {
              if (i === 1) throw new Error('stop');
            },
          }),
      ],
      [
        'aborted after the dense model',
        () =>
          makeEstimator(kind).path(X, y, {
            signal: controller.signal,
            onStep: () => controller.abort(),
          }),
      ],
    ];
    const got: { what: string; error: string }[] = [];
    for (const [what, call] of failures) {
      const error = await anyRejection(call());
      got.push({ what, error: error instanceof ModelError ? error.code : error.name });
    }
    expect(got).toEqual([
      { what: 'NaN in X', error: 'NON_FINITE' },
      { what: 'groups', error: 'INVALID_GROUPS' },
      { what: 'XVal columns', error: 'SHAPE_MISMATCH' },
      { what: 'a bad optimizer', error: 'INVALID_OPTION' },
      { what: 'a bad path option', error: 'INVALID_OPTION' },
      { what: 'onStep throws', error: 'Error' },
      { what: 'aborted after the dense model', error: 'AbortError' },
    ]);
    expect(tf.memory().numTensors).toBe(before);
  },

  async 'a failed fit keeps the previous fit'(kind) {
    const { X, y } = contractData(kind);
    const val = contractData(kind, 3, D, 2);
    const model = await fitted(kind);
    const path = model.fittedPath;
    const importances = model.featureImportances;
    const lambdaStart = model.lambdaStart;
    const predicted = model.predict(X);
    const before = tf.memory().numTensors;
    const bad = features();
    (bad[0] as number[])[0] = Number.NaN;
    await rejection(model.fit(bad, y));
    await rejection(model.fit(X, y, { XVal: val.X, yVal: val.y.slice(1) }));
    await rejection(model.path(X, y, { lambdaSeq: [2, 1] }));
    // Fails after a new network is trained at lambda 0.
    await anyRejection(
      model.path(X, y, {
        onStep: (_, i) => {
          if (i === 1) throw new Error('stop');
        },
      }),
    );
    expect(model.fittedPath).toBe(path);
    expect(model.featureImportances).toBe(importances);
    expect(model.lambdaStart).toBe(lambdaStart);
    expect(model.predict(X)).toEqual(predicted);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  },

  async 'checkedData checks X and y as fit does and returns plain copies'(kind) {
    const { X, y } = contractData(kind);
    const model = makeEstimator(kind);
    const checked = model.checkedData(X, y);
    expect(checked.X.shape).toEqual([N, D]);
    expect(checked.y).toEqual(y);
    expect(checked.y).not.toBe(y);
    expectError(
      thrown(() => model.checkedData(X, y.slice(1))),
      'SHAPE_MISMATCH',
      /y has 19/,
    );
    const nan = features();
    (nan[1] as number[])[2] = Number.NaN;
    expectError(
      thrown(() => model.checkedData(nan, y)),
      'NON_FINITE',
      /row 1, column 2/,
    );
  },
};

/** Runs every contract check on `kind`, in order (what `check_estimator` does). */
export async function checkEstimator(kind: EstimatorKind): Promise<void> {
  // Fails clearly when the kind has no data factory.
  contractData(kind);
  for (const check of Object.values(CONTRACT_CHECKS)) await check(kind);
}
