import { type Tensor, type Tensor2D, tf, type Variable } from '@lassonet/backend';
import { describeValue } from '@lassonet/core';
import { HierProxError } from './errors.js';
import { type GroupLayout, groupLayout, singletonGroups } from './groups.js';
import {
  type HierProxMethod,
  type HierProxOptions,
  hierProxSchema,
  type PreparedHierProxOptions,
  parse,
  preparedSchema,
} from './options.js';
import { type ProxAttrs, runHierProx } from './proxOp.js';

export interface HierProxResult {
  /** The new skip kernel, [nFeatures, nOutputs]. */
  skip: Tensor2D;
  /** The new first-layer kernel, [nFeatures, nHidden]. */
  hidden: Tensor2D;
}

/**
 * The hierarchical proximal operator of LassoNet. `skip` is the [nFeatures, nOutputs] skip
 * kernel and `hidden` the [nFeatures, nHidden] first-layer kernel (the tfjs Dense orientation:
 * row j belongs to feature j). Returns new tensors; the inputs are left as they are.
 *
 * After the prox, ||hidden_j||_inf <= M·||skip_j||_2 for every feature j, and features whose skip
 * row is shrunk to zero leave the model entirely.
 */
export function hierProx(skip: Tensor, hidden: Tensor, options: HierProxOptions): HierProxResult {
  const { groups, method, ...params } = parse(hierProxSchema, options, 'hierProx');
  const [s, h] = checkKernels(skip, hidden);
  return runHierProx(s, h, { ...params, ...layoutOf(groups, s.shape[0]) }, method);
}

/**
 * Hier-Prox applied to two variables in place, as called after each optimizer step:
 * `hierProxInPlace(skip, hidden, { lambda: penalty * learningRate })`. A training loop that calls
 * it every step can check its options once instead, with `prepareHierProx`.
 */
export function hierProxInPlace(
  skipVariable: Variable,
  hiddenVariable: Variable,
  options: HierProxOptions,
): void {
  const { lambda, ...prepared } = parse(hierProxSchema, options, 'hierProxInPlace');
  new PreparedHierProx(prepared, 'hierProxInPlace').step(skipVariable, hiddenVariable, lambda);
}

/** Hier-Prox with its options checked once, for a training loop; see `prepareHierProx`. */
export interface HierProxOperator {
  /**
   * Hier-Prox in place on the two variables with step penalty `lambda` (finite, >= 0), and
   * `lambdaBar` when given instead of the prepared one. Only these numbers and the variables are
   * checked per call.
   */
  step(skipVariable: Variable, hiddenVariable: Variable, lambda: number, lambdaBar?: number): void;
}

/**
 * Checks the options of `hierProxInPlace` except the per-step `lambda` once (and the groups
 * once per number of features), and returns the operator to call after every optimizer step:
 *
 * ```js
 * const prox = prepareHierProx({ M: 10, groups });
 * // each step:
 * prox.step(skip, hidden, lambda * learningRate);
 * ```
 */
export function prepareHierProx(options: PreparedHierProxOptions = {}): HierProxOperator {
  return new PreparedHierProx(parse(preparedSchema, options, 'prepareHierProx'), 'prox.step');
}

class PreparedHierProx implements HierProxOperator {
  private layout: { nFeatures: number; attrs: Pick<ProxAttrs, 'layout' | 'grouped'> } | undefined;

  constructor(
    private readonly options: {
      lambdaBar: number;
      M: number;
      groups?: readonly (readonly number[])[] | undefined;
      method: HierProxMethod;
    },
    private readonly where: string,
  ) {}

  step(skipVariable: Variable, hiddenVariable: Variable, lambda: number, lambdaBar?: number): void {
    const { where } = this;
    checkPenalty(lambda, 'lambda', where);
    if (lambdaBar !== undefined) checkPenalty(lambdaBar, 'lambdaBar', where);
    for (const [name, v] of [
      ['skipVariable', skipVariable],
      ['hiddenVariable', hiddenVariable],
    ] as const) {
      if (!(v instanceof tf.Variable)) {
        throw new HierProxError(
          'NOT_A_TENSOR',
          `${where} needs tf.Variable arguments; ${name} is not one (use hierProx for plain tensors).`,
        );
      }
    }
    if (skipVariable === hiddenVariable) {
      throw new HierProxError(
        'SHAPE_MISMATCH',
        'skipVariable and hiddenVariable are the same variable; pass the skip and first-layer kernels.',
      );
    }
    const [s, h] = checkKernels(skipVariable, hiddenVariable);
    const nFeatures = s.shape[0];
    if (this.layout?.nFeatures !== nFeatures) {
      this.layout = { nFeatures, attrs: layoutOf(this.options.groups, nFeatures) };
    }
    const { M, method } = this.options;
    const attrs: ProxAttrs = {
      lambda,
      lambdaBar: lambdaBar ?? this.options.lambdaBar,
      M,
      ...this.layout.attrs,
    };
    const result = runHierProx(s, h, attrs, method);
    skipVariable.assign(result.skip);
    hiddenVariable.assign(result.hidden);
    tf.dispose([result.skip, result.hidden]);
  }
}

/** The kernel's groups: checked against the number of features, or each feature its own. */
function layoutOf(
  groups: readonly (readonly number[])[] | undefined,
  nFeatures: number,
): { layout: GroupLayout; grouped: boolean } {
  return groups === undefined
    ? { layout: singletonGroups(nFeatures), grouped: false }
    : { layout: groupLayout(groups, nFeatures), grouped: true };
}

/** The per-step check of a penalty, in the words of the option schema. */
function checkPenalty(value: number, name: string, where: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new HierProxError(
      'INVALID_OPTION',
      `${where}: ${name} must be a finite number >= 0, got ${describeValue(value)}.`,
    );
  }
}

/** Checks the two kernels: float32 2-D tensors, one row per feature in each. */
export function checkKernels(skip: unknown, hidden: unknown): [Tensor2D, Tensor2D] {
  const names = ['skip', 'hidden'] as const;
  [skip, hidden].forEach((t, i) => {
    const name = names[i];
    if (!(t instanceof tf.Tensor)) {
      throw new HierProxError(
        'NOT_A_TENSOR',
        `${name} must be a tf.Tensor (use tf.tensor2d for arrays), got ${describe(t)}.`,
      );
    }
    if (t.isDisposed) {
      throw new HierProxError('NOT_A_TENSOR', `${name} has been disposed.`);
    }
    if (t.rank !== 2) {
      throw new HierProxError(
        'NOT_2D',
        `${name} must be 2-D ([nFeatures, ${i === 0 ? 'nOutputs' : 'nHidden'}], one row per feature), got shape [${t.shape.join(', ')}].`,
      );
    }
    if (t.dtype !== 'float32') {
      throw new HierProxError('DTYPE', `${name} must be float32, got ${t.dtype}.`);
    }
    if (t.size === 0) {
      throw new HierProxError('EMPTY', `${name} is empty (shape [${t.shape.join(', ')}]).`);
    }
  });
  const s = skip as Tensor2D;
  const h = hidden as Tensor2D;
  if (s.shape[0] !== h.shape[0]) {
    throw new HierProxError(
      'SHAPE_MISMATCH',
      `skip has ${s.shape[0]} rows and hidden has ${h.shape[0]}; both need one row per feature ([nFeatures, nOutputs] and [nFeatures, nHidden], the tfjs Dense kernel orientation).`,
    );
  }
  return [s, h];
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}
