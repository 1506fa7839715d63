import { type Tensor, type Tensor1D, tf } from '@lassonet/backend';
import { HierProxError } from './errors.js';
import { groupLayout } from './groups.js';
import { rejectUnknownOptions } from './options.js';

export interface SelectionOptions {
  /** The same partition as given to hierProx: norms and selection are per group. */
  groups?: readonly (readonly number[])[];
}

const KNOWN = new Set(['groups']);

/**
 * The L2 norm of each feature's skip weights, [nFeatures] — or of each group's, [nGroups], when
 * `groups` is given. This is the quantity the LassoNet penalty sums: lambda · sum_j ||skip_j||.
 */
export function skipNorms(skip: Tensor, options: SelectionOptions = {}): Tensor1D {
  const s = checkSkip(skip, 'skipNorms');
  rejectUnknownOptions(options, KNOWN, 'skipNorms');
  return tf.tidy(() => {
    const featureNorms2 = tf.sum(tf.square(s), 1);
    if (options.groups === undefined) return tf.sqrt(featureNorms2) as Tensor1D;
    const membership = groupMembership(options.groups, s.shape[0]);
    return tf.sqrt(
      tf.reshape(tf.matMul(tf.reshape(featureNorms2, [1, -1]), membership), [-1]),
    ) as Tensor1D;
  });
}

/**
 * Which features the model still uses: a bool tensor [nFeatures], true where the feature's skip
 * row (or, with `groups`, its group's skip rows) is not all zero. After Hier-Prox a feature with a
 * zero skip row has a zero first-layer row too, so it is out of the model.
 */
export function selectedMask(skip: Tensor, options: SelectionOptions = {}): Tensor1D {
  const s = checkSkip(skip, 'selectedMask');
  rejectUnknownOptions(options, KNOWN, 'selectedMask');
  return tf.tidy(() => {
    const selected = tf.greater(tf.sum(tf.abs(s), 1), 0);
    if (options.groups === undefined) return selected as Tensor1D;
    // Feature j is selected when any feature of its group is: spread each group's count back.
    const membership = groupMembership(options.groups, s.shape[0]);
    const counts = tf.matMul(tf.reshape(tf.cast(selected, 'float32'), [1, -1]), membership);
    return tf.greater(tf.reshape(tf.matMul(counts, membership, false, true), [-1]), 0) as Tensor1D;
  });
}

/** The indices of the selected features, ascending, as plain numbers. */
export async function selectedFeatures(
  skip: Tensor,
  options: SelectionOptions = {},
): Promise<number[]> {
  const mask = selectedMask(skip, options);
  try {
    const values = await mask.data();
    const indices: number[] = [];
    values.forEach((v, j) => {
      if (v) indices.push(j);
    });
    return indices;
  } finally {
    mask.dispose();
  }
}

/** One-hot [nFeatures, nGroups] membership: segment sums as a matMul, which every backend has. */
function groupMembership(groups: readonly (readonly number[])[], nFeatures: number): Tensor {
  const layout = groupLayout(groups, nFeatures);
  const values = new Float32Array(nFeatures * layout.nGroups);
  layout.groupOf.forEach((g, j) => {
    values[j * layout.nGroups + g] = 1;
  });
  return tf.tensor2d(values, [nFeatures, layout.nGroups]);
}

function checkSkip(skip: unknown, where: string): Tensor {
  if (!(skip instanceof tf.Tensor) || skip.isDisposed) {
    throw new HierProxError('NOT_A_TENSOR', `${where} needs the skip kernel as a live tf.Tensor.`);
  }
  if (skip.rank !== 2) {
    throw new HierProxError(
      'NOT_2D',
      `${where} needs the 2-D skip kernel [nFeatures, nOutputs], got shape [${skip.shape.join(', ')}].`,
    );
  }
  return skip;
}
