import { type Tensor, type Tensor2D, tf } from '@lassonet/backend';
import { HierProxError } from './errors.js';
import type { GroupLayout } from './groups.js';
import type { ProxParams } from './options.js';

/**
 * Convergence checks are (tiny) readbacks, which stall a GPU pipeline: the first comes after
 * FIRST_CHECK iterations, enough for most inputs, then one every CHECK_EVERY. Extra iterations
 * after convergence change nothing.
 */
const FIRST_CHECK = 8;
const CHECK_EVERY = 4;

/**
 * Hier-Prox with tensor ops only, so that on webgl the weights stay on the GPU; the only
 * readbacks are one small vector per few iterations. Same threshold as the typed-array kernel
 * (see proxKernel.ts), found by Michelot's iteration on all groups at once: start from every
 * positive a_i, then keep the a_i above the current w(A) until no group's active set changes.
 */
export function hierProxTensors(
  skip: Tensor2D,
  hidden: Tensor2D,
  layout: GroupLayout | undefined,
  params: ProxParams,
): { skip: Tensor2D; hidden: Tensor2D } {
  const { lambda, lambdaBar, M } = params;
  const MM = M * M;
  const [nFeatures, nOutputs] = skip.shape;
  const nHidden = hidden.shape[1];

  // Per group: ||v|| and a = max(0, |u| - lambdaBar), one row per group.
  const [vNorm, a] = tf.tidy(() => {
    if (layout === undefined || layout.maxSize === 1) {
      const order = layout === undefined ? undefined : groupRowIndex(layout, nFeatures);
      const s = order === undefined ? skip : tf.gather(skip, order);
      const h = order === undefined ? hidden : tf.gather(hidden, order);
      return [tf.sqrt(tf.sum(tf.square(s), 1, true)), tf.relu(tf.sub(tf.abs(h), lambdaBar))];
    }
    // Pad every group to the largest with a zero row (index nFeatures), which adds nothing.
    const index = groupRowIndex(layout, nFeatures);
    const s = tf.reshape(
      tf.gather(
        tf.pad(skip, [
          [0, 1],
          [0, 0],
        ]),
        index,
      ),
      [layout.nGroups, layout.maxSize * nOutputs],
    );
    const h = tf.reshape(
      tf.gather(
        tf.pad(hidden, [
          [0, 1],
          [0, 0],
        ]),
        index,
      ),
      [layout.nGroups, layout.maxSize * nHidden],
    );
    return [tf.sqrt(tf.sum(tf.square(s), 1, true)), tf.relu(tf.sub(tf.abs(h), lambdaBar))];
  });
  const r = tf.sub(vNorm, lambda);

  const threshold = (active: Tensor): Tensor =>
    tf.tidy(() => {
      const count = tf.sum(active, 1, true);
      const sum = tf.sum(tf.mul(a, active), 1, true);
      return tf.div(tf.mul(M, tf.add(r, tf.mul(M, sum))), tf.add(1, tf.mul(MM, count)));
    });

  let active = tf.tidy(() => tf.cast(tf.greater(a, 0), 'float32'));
  let w = threshold(active);
  let checked = false;
  const maxIterations = a.shape[1] + 1;
  try {
    for (let iteration = 1; iteration <= maxIterations; iteration++) {
      const next = tf.tidy(() => tf.cast(tf.greater(a, tf.relu(w)), 'float32'));
      const check =
        iteration === maxIterations ||
        iteration === FIRST_CHECK ||
        (iteration > FIRST_CHECK && (iteration - FIRST_CHECK) % CHECK_EVERY === 0);
      if (check) {
        const flags = tf.tidy(() => {
          const moved = tf.sum(tf.abs(tf.sub(next, active)));
          const finite = tf.isFinite(tf.add(vNorm, tf.sum(a, 1, true)));
          const bad = tf.sum(tf.cast(tf.logicalNot(finite), 'float32'));
          return tf.stack([moved, bad]).dataSync();
        });
        const changed = flags[0] ?? 0;
        if (!checked && (flags[1] ?? 0) > 0) {
          next.dispose();
          throw new HierProxError(
            'NON_FINITE',
            'The weights contain NaN or Infinity; Hier-Prox needs finite weights.',
          );
        }
        checked = true;
        if (changed === 0) {
          next.dispose();
          break;
        }
      }
      active.dispose();
      active = next;
      const grown = threshold(active);
      w.dispose();
      w = grown;
    }

    return tf.tidy(() => {
      // A zero skip row has no direction to keep: the feature leaves (the reference gives NaN).
      const alive = tf.cast(tf.greater(vNorm, 0), 'float32');
      const wStar = tf.mul(tf.relu(w), alive);
      const scale = tf.divNoNan(wStar, tf.mul(M, vNorm));
      const perFeature = (x: Tensor): Tensor =>
        layout === undefined ? x : tf.gather(x, tf.tensor1d(layout.groupOf, 'int32'));
      const outSkip = tf.mul(skip, perFeature(scale)) as Tensor2D;
      const clipped = tf.minimum(tf.relu(tf.sub(tf.abs(hidden), lambdaBar)), perFeature(wStar));
      // sign(0) = 0 is harmless: there the clipped magnitude is 0 as well.
      const outHidden = tf.mul(tf.sign(hidden), clipped) as Tensor2D;
      return { skip: outSkip, hidden: outHidden };
    });
  } finally {
    tf.dispose([vNorm, a, r, active, w]);
  }
}

/** Row index of every group's members, padded with `pad` to the largest group: [nGroups, maxSize]. */
function groupRowIndex(layout: GroupLayout, pad: number): Tensor {
  const index = new Int32Array(layout.nGroups * layout.maxSize).fill(pad);
  for (let g = 0; g < layout.nGroups; g++) {
    const first = layout.offsets[g] as number;
    const end = layout.offsets[g + 1] as number;
    for (let t = first; t < end; t++)
      index[g * layout.maxSize + t - first] = layout.members[t] as number;
  }
  return layout.maxSize === 1
    ? tf.tensor1d(index, 'int32')
    : tf.tensor2d(index, [layout.nGroups, layout.maxSize], 'int32');
}
