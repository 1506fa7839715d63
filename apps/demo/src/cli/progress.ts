import cliProgress from 'cli-progress';
import type { DemoStep } from '../core/demoPath.js';

/** The path's progress on stderr: features gone out of all, lambda, features left, elapsed. */
export class PathProgress {
  private readonly bar: cliProgress.SingleBar;
  private started = false;

  constructor(private readonly nFeatures: number) {
    // Drawn on a terminal only (cli-progress stays silent when stderr is a file or a pipe).
    this.bar = new cliProgress.SingleBar({
      format:
        'path |{bar}| lambda {lambda} · {left}/{nFeatures} features left · {steps} steps · {duration_formatted}',
      barsize: 30,
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
    });
  }

  update(step: DemoStep, index: number): void {
    const payload = {
      lambda: step.lambda === 0 ? '0 (dense)' : step.lambda.toPrecision(3),
      left: step.nSelected,
      nFeatures: this.nFeatures,
      steps: index + 1,
    };
    if (!this.started) {
      this.bar.start(this.nFeatures, this.nFeatures - step.nSelected, payload);
      this.started = true;
    } else {
      this.bar.update(this.nFeatures - step.nSelected, payload);
    }
  }

  stop(): void {
    if (this.started) this.bar.stop();
    this.started = false;
  }
}
