import cliProgress from 'cli-progress';

/** What the path's progress shows of a step. */
export interface ProgressStep {
  lambda: number;
  nSelected: number;
}

/**
 * Progress on stderr, redrawn in place on a terminal; silent when stderr is a file or a pipe
 * (cli-progress draws on a TTY only), so logs and `--json` output stay clean.
 */
abstract class Progress<T> {
  private readonly bar: cliProgress.SingleBar;
  private started = false;

  constructor(
    format: string,
    private readonly total: number,
    stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.bar = new cliProgress.SingleBar({
      format,
      stream,
      barsize: 30,
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
    });
  }

  protected abstract view(item: T): { value: number; payload: Record<string, unknown> };

  update(item: T): void {
    const { value, payload } = this.view(item);
    if (!this.started) {
      this.bar.start(this.total, value, payload);
      this.started = true;
    } else {
      this.bar.update(value, payload);
    }
  }

  stop(): void {
    if (this.started) this.bar.stop();
    this.started = false;
  }
}

/** A path: the bar fills as features leave; lambda, features left and steps beside it. */
export class PathProgress extends Progress<{ step: ProgressStep; index: number }> {
  constructor(
    private readonly nFeatures: number,
    label = 'path',
    stream?: NodeJS.WriteStream,
  ) {
    super(
      `${label} |{bar}| lambda {lambda} · {left}/{nFeatures} features left · {steps} steps · {duration_formatted}`,
      nFeatures,
      stream,
    );
  }

  protected view({ step, index }: { step: ProgressStep; index: number }) {
    return {
      value: this.nFeatures - step.nSelected,
      payload: {
        lambda: step.lambda === 0 ? '0 (dense)' : step.lambda.toPrecision(3),
        left: step.nSelected,
        nFeatures: this.nFeatures,
        steps: index + 1,
      },
    };
  }
}

/** Independent jobs (folds, models): the bar fills as each finishes. */
export class CountProgress extends Progress<number> {
  constructor(label: string, total: number, unit: string, stream?: NodeJS.WriteStream) {
    super(`${label} |{bar}| {value}/{total} ${unit} · {duration_formatted}`, total, stream);
  }

  protected view(done: number) {
    return { value: done, payload: {} };
  }
}
