import { type Tensor, tf } from '@lassonet/backend';
import type { GroupLayout } from './groups.js';

/**
 * Group sums and their spread back to features, with ops every backend has (wasm has no
 * segment-sum kernel): per-feature values are gathered into a [nGroups, largest group] matrix,
 * padded with zeros, and summed along rows. Work on per-feature vectors, not on whole kernels,
 * so that unequal group sizes cost little.
 */
export class Segments {
  private readonly index: Tensor;
  private readonly groupOf: Tensor;

  constructor(private readonly layout: GroupLayout) {
    const { nGroups, maxSize, offsets, members } = layout;
    // Padding points one past the last feature, at the zero appended by sum().
    const index = new Int32Array(nGroups * maxSize).fill(members.length);
    for (let g = 0; g < nGroups; g++) {
      for (let t = offsets[g] as number; t < (offsets[g + 1] as number); t++) {
        index[g * maxSize + t - (offsets[g] as number)] = members[t] as number;
      }
    }
    this.index = tf.tensor2d(index, [nGroups, maxSize], 'int32');
    this.groupOf = tf.tensor1d(layout.groupOf, 'int32');
  }

  /** [nFeatures, 1] per-feature values → [nGroups, 1] group sums. */
  sum(perFeature: Tensor): Tensor {
    return tf.tidy(() => {
      const padded = tf.concat([perFeature, tf.zeros([1, 1])], 0);
      return tf.reshape(tf.sum(tf.gather(padded, this.index), 1), [this.layout.nGroups, 1]);
    });
  }

  /** [nGroups, 1] per-group values → [nFeatures, 1], each feature getting its group's value. */
  spread(perGroup: Tensor): Tensor {
    return tf.gather(perGroup, this.groupOf);
  }

  dispose(): void {
    tf.dispose([this.index, this.groupOf]);
  }
}
