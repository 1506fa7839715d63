import {
  backendName,
  hostView,
  type Tensor,
  type Tensor2D,
  tf,
  type Variable,
} from '@lassonet/backend';
import { HierProxError } from './errors.js';
import { type GroupLayout, groupLayout, singletonGroups } from './groups.js';
import { type HierProxOptions, type ResolvedOptions, resolveOptions } from './options.js';
import { hierProxKernel } from './proxKernel.js';
import { hierProxTensors } from './proxTensors.js';

export interface HierProxResult {
  /** The new skip kernel, [nFeatures, nOutputs]. */
  skip: Tensor2D;
  /** The new first-layer kernel, [nFeatures, nHidden]. */
  hidden: Tensor2D;
}

/** Backends whose tensor data live on a GPU: there the operator runs as tensor ops. */
const GPU_BACKENDS = new Set(['webgl', 'webgpu']);

/**
 * The hierarchical proximal operator of LassoNet. `skip` is the [nFeatures, nOutputs] skip
 * kernel and `hidden` the [nFeatures, nHidden] first-layer kernel (the tfjs Dense orientation:
 * row j belongs to feature j). Returns new tensors; the inputs are left as they are.
 *
 * After the prox, ||hidden_j||_inf <= M·||skip_j||_2 for every feature j, and features whose skip
 * row is shrunk to zero leave the model entirely.
 */
export function hierProx(skip: Tensor, hidden: Tensor, options: HierProxOptions): HierProxResult {
  const resolved = resolveOptions(options, 'hierProx');
  const [s, h] = checkKernels(skip, hidden);
  const layout =
    resolved.groups === undefined ? undefined : groupLayout(resolved.groups, s.shape[0]);
  return run(s, h, layout, resolved);
}

/**
 * Hier-Prox applied to two variables in place, as called after each optimizer step:
 * `hierProxInPlace(skip, hidden, { lambda: penalty * learningRate })`.
 */
export function hierProxInPlace(
  skipVariable: Variable,
  hiddenVariable: Variable,
  options: HierProxOptions,
): void {
  const resolved = resolveOptions(options, 'hierProxInPlace');
  for (const [name, v] of [
    ['skipVariable', skipVariable],
    ['hiddenVariable', hiddenVariable],
  ] as const) {
    if (!(v instanceof tf.Variable)) {
      throw new HierProxError(
        'NOT_A_TENSOR',
        `hierProxInPlace needs tf.Variable arguments; ${name} is not one (use hierProx for plain tensors).`,
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
  const layout =
    resolved.groups === undefined ? undefined : groupLayout(resolved.groups, s.shape[0]);
  const result = run(s, h, layout, resolved);
  skipVariable.assign(result.skip);
  hiddenVariable.assign(result.hidden);
  tf.dispose([result.skip, result.hidden]);
}

function run(
  skip: Tensor2D,
  hidden: Tensor2D,
  layout: GroupLayout | undefined,
  options: ResolvedOptions,
): HierProxResult {
  const method =
    options.method === 'auto'
      ? GPU_BACKENDS.has(backendName() ?? '')
        ? 'tensors'
        : 'arrays'
      : options.method;
  if (method === 'tensors') return hierProxTensors(skip, hidden, layout, options);

  const [nFeatures, nOutputs] = skip.shape;
  const nHidden = hidden.shape[1];
  const groups = layout ?? singletonGroups(nFeatures);

  // Where the backend keeps tensors in main memory (cpu, wasm) the kernel reads and writes the
  // tensors' own storage: copying out with dataSync() allocates fresh memory, which can cost
  // more than the prox itself. The outputs are made first, as making a tensor may move wasm
  // memory and invalidate earlier views. (tf.fill runs inside the backend; tf.zeros would build
  // the zeros in fresh JavaScript memory first.)
  if (hostView(skip) !== undefined) {
    const outSkip = tf.fill([nFeatures, nOutputs], 0) as Tensor2D;
    const outHidden = tf.fill([nFeatures, nHidden], 0) as Tensor2D;
    const views = [hostView(skip), hostView(hidden), hostView(outSkip), hostView(outHidden)];
    if (!views.every((v) => v instanceof Float32Array)) {
      tf.dispose([outSkip, outHidden]);
      return copyingRun(skip, hidden, groups, options);
    }
    const [s, h, os, oh] = views as Float32Array[];
    try {
      hierProxKernel(
        s as Float32Array,
        h as Float32Array,
        nOutputs,
        nHidden,
        groups,
        options,
        os as Float32Array,
        oh as Float32Array,
      );
    } catch (error) {
      tf.dispose([outSkip, outHidden]);
      throw error;
    }
    return { skip: outSkip, hidden: outHidden };
  }
  return copyingRun(skip, hidden, groups, options);
}

/** The kernel on copies, where the backend offers no view of its memory (webgl). */
function copyingRun(
  skip: Tensor2D,
  hidden: Tensor2D,
  groups: GroupLayout,
  options: ResolvedOptions,
): HierProxResult {
  const [nFeatures, nOutputs] = skip.shape;
  const nHidden = hidden.shape[1];
  const skipValues = new Float32Array(nFeatures * nOutputs);
  const hiddenValues = new Float32Array(nFeatures * nHidden);
  hierProxKernel(
    skip.dataSync(),
    hidden.dataSync(),
    nOutputs,
    nHidden,
    groups,
    options,
    skipValues,
    hiddenValues,
  );
  return {
    skip: tf.tensor2d(skipValues, [nFeatures, nOutputs]),
    hidden: tf.tensor2d(hiddenValues, [nFeatures, nHidden]),
  };
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
