import { type Tensor2D, tf } from '@lassonet/backend';
import { accuracy, LassoNet, type LassoNetCheckpoint } from '@lassonet/model';

/**
 * Test accuracy of path steps as they arrive: one network whose weights are replaced by each
 * step's checkpoint, and the test rows kept on the backend between steps.
 */
export class TestScorer {
  private readonly X: Tensor2D;
  private net: LassoNet | undefined;

  constructor(
    XTest: readonly (readonly number[])[],
    private readonly yTest: readonly number[],
  ) {
    this.X = tf.tensor2d(XTest as number[][]);
  }

  accuracy(checkpoint: LassoNetCheckpoint): number {
    if (this.net === undefined) this.net = LassoNet.fromJSON(checkpoint);
    else this.net.load(checkpoint);
    const predicted = tf.tidy(() => tf.argMax((this.net as LassoNet).predict(this.X), 1));
    const labels = Array.from(predicted.dataSync());
    predicted.dispose();
    return accuracy(this.yTest, labels);
  }

  dispose(): void {
    this.X.dispose();
    this.net?.dispose();
    this.net = undefined;
  }
}
