import { type Tensor, type Tensor2D, tf } from '@lassonet/backend';
import { HierProxError } from './errors.js';
import type { GroupLayout } from './groups.js';
import type { ProxParams } from './options.js';
import { Segments } from './segments.js';

/**
 * Convergence checks are (tiny) readbacks, which stall a GPU pipeline: the first comes after
 * FIRST_CHECK iterations, enough for most inputs, then one every CHECK_EVERY. Extra iterations
 * after convergence change nothing.
 */
const FIRST_CHECK = 8;
const CHECK_EVERY = 4;

/**
 * Hier-Prox with tensor ops only, so that on webgl the weights stay on the GPU; the only
 * readbacks are two numbers per few iterations. Same threshold as the typed-array kernel
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
  // Sums over a group's features, and back; without groups each feature is its own group.
  const segments = layout === undefined ? undefined : new Segments(layout);
  const groupSum = (x: Tensor): Tensor => (segments === undefined ? x : segments.sum(x));
  const spread = (x: Tensor): Tensor => (segments === undefined ? x : segments.spread(x));

  // ||v|| per group [nGroups, 1], and a = max(0, |u| - lambdaBar) per weight [nFeatures, nHidden].
  const vNorm = tf.tidy(() => tf.sqrt(groupSum(tf.sum(tf.square(skip), 1, true))));
  const a = tf.tidy(() => tf.relu(tf.sub(tf.abs(hidden), lambdaBar)));
  const r = tf.sub(vNorm, lambda);

  const threshold = (active: Tensor): Tensor =>
    tf.tidy(() => {
      const count = groupSum(tf.sum(active, 1, true));
      const sum = groupSum(tf.sum(tf.mul(a, active), 1, true));
      return tf.div(tf.mul(M, tf.add(r, tf.mul(M, sum))), tf.add(1, tf.mul(MM, count)));
    });

  let active = tf.tidy(() => tf.cast(tf.greater(a, 0), 'float32'));
  let w = threshold(active);
  let checked = false;
  const maxIterations = (layout?.maxSize ?? 1) * hidden.shape[1] + 1;
  try {
    for (let iteration = 1; iteration <= maxIterations; iteration++) {
      const next = tf.tidy(() => tf.cast(tf.greater(a, spread(tf.relu(w))), 'float32'));
      const check =
        iteration === maxIterations ||
        iteration === FIRST_CHECK ||
        (iteration > FIRST_CHECK && (iteration - FIRST_CHECK) % CHECK_EVERY === 0);
      if (check) {
        const flags = tf.tidy(() => {
          const moved = tf.sum(tf.abs(tf.sub(next, active)));
          const finite = tf.isFinite(tf.add(tf.sum(tf.square(skip), 1), tf.sum(a, 1)));
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
      const outSkip = tf.mul(skip, spread(scale)) as Tensor2D;
      const clipped = tf.minimum(tf.relu(tf.sub(tf.abs(hidden), lambdaBar)), spread(wStar));
      // sign(0) = 0 is harmless: there the clipped magnitude is 0 as well.
      const outHidden = tf.mul(tf.sign(hidden), clipped) as Tensor2D;
      return { skip: outSkip, hidden: outHidden };
    });
  } finally {
    tf.dispose([vNorm, a, r, active, w]);
    segments?.dispose();
  }
}
