/**
 * Early stopping on the validation objective, as upstream LassoNet does it: an epoch improves
 * when its value is below tol · the best so far; training stops after `patience` epochs in a
 * row without improvement. A tol below 1 asks for a relative improvement, so slow creeping
 * progress does not keep training alive.
 */
export class EarlyStopping {
  private best: number;
  private since = 0;

  constructor(
    initial: number,
    private readonly tol: number,
    private readonly patience: number,
  ) {
    this.best = initial;
  }

  /** Records one epoch's value; returns true when training should stop. */
  update(value: number): boolean {
    if (value < this.tol * this.best) {
      this.best = value;
      this.since = 0;
    } else {
      this.since++;
    }
    return this.since >= this.patience;
  }

  /** Epochs since the last improvement. */
  get epochsWithoutImprovement(): number {
    return this.since;
  }
}
