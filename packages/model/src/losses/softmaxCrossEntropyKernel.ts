import { defineHostKernel, type Scalar, type Tensor, type Tensor2D, tf } from '@lassonet/backend';

interface SoftmaxCrossEntropyAttrs {
  /** Whether to write d loss / d out as a second output. */
  gradient: boolean;
}

/**
 * The weighted softmax cross-entropy of logits `out` [n, K] against `oneHot` [n, K] with sample
 * weights [n, 1] (summing to 1 over the whole batch): the loss [] and, when asked, its gradient
 * (softmax(out) - oneHot) · weight [n, K]. As tensor ops this is some fifteen small operations
 * with two exponentials per logit; on the host it is one pass with one (MICE: 777 × 8 logits).
 */
const softmaxCrossEntropyKernel = defineHostKernel<SoftmaxCrossEntropyAttrs>({
  name: 'LassoNetSoftmaxCrossEntropy',
  outputShapes: ([shape], { gradient }) => (gradient ? [[], [...(shape ?? [])]] : [[]]),
  host([out, oneHot, weight], [shape], { gradient }, [loss, grad]) {
    const [n, K] = shape as [number, number];
    const logits = out as Float32Array;
    const labels = oneHot as Float32Array;
    const w = weight as Float32Array;
    const g = grad as Float32Array;
    const e = new Float64Array(K);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const row = i * K;
      let max = -Infinity;
      for (let k = 0; k < K; k++) max = Math.max(max, logits[row + k] as number);
      let sum = 0;
      let atLabel = 0;
      for (let k = 0; k < K; k++) {
        const z = (logits[row + k] as number) - max;
        e[k] = Math.exp(z);
        sum += e[k] as number;
        atLabel += z * (labels[row + k] as number);
      }
      const wi = w[i] as number;
      // -log softmax at the label: log Σ exp(z) - z[label], with z = out - max.
      total += (Math.log(sum) - atLabel) * wi;
      if (gradient) {
        for (let k = 0; k < K; k++) {
          g[row + k] = ((e[k] as number) / sum - (labels[row + k] as number)) * wi;
        }
      }
    }
    (loss as Float32Array)[0] = total;
  },
  composite([out, oneHot, weight], { gradient }) {
    const logits = out as Tensor2D;
    const lse = tf.logSumExp(logits, 1, true);
    const nll = tf.sub(lse, tf.sum(tf.mul(logits, oneHot as Tensor), 1, true));
    const loss = tf.sum(tf.mul(nll, weight as Tensor));
    if (!gradient) return [loss];
    const softmax = tf.exp(tf.sub(logits, lse));
    return [loss, tf.mul(tf.sub(softmax, oneHot as Tensor), weight as Tensor)];
  },
});

/** The loss of `out`, weighted by each sample's share of the batch's weight. */
export function softmaxCrossEntropy(out: Tensor2D, oneHot: Tensor2D, weight: Tensor2D): Scalar {
  const [loss] = softmaxCrossEntropyKernel.run([out, oneHot, weight], { gradient: false });
  return loss as Scalar;
}

/** The loss and d loss / d out. */
export function softmaxCrossEntropyAndGradient(
  out: Tensor2D,
  oneHot: Tensor2D,
  weight: Tensor2D,
): { loss: Scalar; gradOut: Tensor2D } {
  const [loss, gradOut] = softmaxCrossEntropyKernel.run([out, oneHot, weight], { gradient: true });
  return { loss: loss as Scalar, gradOut: gradOut as Tensor2D };
}
