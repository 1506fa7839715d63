import { type Tensor, type Tensor1D, tf } from '@lassonet/backend';
import { HierProxError } from './errors.js';
import { groupLayout } from './groups.js';
import { parse, type SelectionOptions, selectionSchema } from './options.js';
import { Segments } from './segments.js';

export type { SelectionOptions };

/**
 * The L2 norm of each feature's skip weights, [nFeatures] — or of each group's, [nGroups], when
 * `groups` is given. This is the quantity the LassoNet penalty sums: lambda · sum_j ||skip_j||.
 */
export function skipNorms(skip: Tensor, options: SelectionOptions = {}): Tensor1D {
  return withSegments(skip, options, 'skipNorms', (s, segments) => {
    const featureNorms2 = tf.sum(tf.square(s), 1, true);
    const norms2 = segments === undefined ? featureNorms2 : segments.sum(featureNorms2);
    return tf.reshape(tf.sqrt(norms2), [-1]) as Tensor1D;
  });
}

/**
 * Which features the model still uses: a bool tensor [nFeatures], true where the feature's skip
 * row (or, with `groups`, its group's skip rows) is not all zero. After Hier-Prox a feature with a
 * zero skip row has a zero first-layer row too, so it is out of the model.
 */
export function selectedMask(skip: Tensor, options: SelectionOptions = {}): Tensor1D {
  return withSegments(skip, options, 'selectedMask', (s, segments) => {
    const weight = tf.sum(tf.abs(s), 1, true);
    // Feature j is selected when any feature of its group is.
    const perFeature = segments === undefined ? weight : segments.spread(segments.sum(weight));
    return tf.reshape(tf.greater(perFeature, 0), [-1]) as Tensor1D;
  });
}

/** Checks the input, then runs `compute` in a tidy scope with the groups' segments, if any. */
function withSegments(
  skip: Tensor,
  options: SelectionOptions,
  where: string,
  compute: (s: Tensor, segments: Segments | undefined) => Tensor1D,
): Tensor1D {
  const s = checkSkip(skip, where);
  const { groups } = parse(selectionSchema, options, where);
  const segments = groups === undefined ? undefined : new Segments(groupLayout(groups, s.shape[0]));
  try {
    return tf.tidy(() => compute(s, segments));
  } finally {
    segments?.dispose();
  }
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
