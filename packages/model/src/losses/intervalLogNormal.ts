import { type Scalar, type Tensor2D, tf } from '@lassonet/backend';
import { ModelError } from '../errors.js';
import { logCdf, logCdfDiff, logPdf } from '../normal.js';
import { checkOneOutput, HostTarget } from './hostTarget.js';
import type { Loss, LossGradient, Target } from './target.js';

/**
 * Interval-censored survival data, one row per sample: [u, v, d1, d2, d3] with exactly one of
 * d1 (left-censored: T <= u), d2 (interval-censored: u < T <= v; u = v is an exact time) and
 * d3 (right-censored: T > v) equal to 1.
 */
export type IntervalTargets = readonly (readonly number[])[];

/**
 * The negative log-likelihood (mean over samples) of the log-normal accelerated failure time
 * model: log T = f(x) + sigma·Z with Z standard normal and log(sigma) learned with the weights
 * (the network needs `logSigma: true` and one output).
 */
export function intervalLogNormal(): Loss<IntervalTargets> {
  return { kind: 'interval', target: (y, nOutputs) => new IntervalTarget(y, nOutputs) };
}

const LEFT = 0;
const INTERVAL = 1;
const RIGHT = 2;
const EXACT = 3;

/** The per-sample data in log time, checked once. */
export interface IntervalData {
  readonly n: number;
  readonly kind: Uint8Array;
  readonly logU: Float64Array;
  readonly logV: Float64Array;
}

export function intervalData(y: IntervalTargets): IntervalData {
  if (!Array.isArray(y)) {
    throw new ModelError('INVALID_INTERVAL', 'y must be rows of [u, v, d1, d2, d3].');
  }
  const n = y.length;
  if (n === 0) throw new ModelError('EMPTY', 'y is empty.');
  const kind = new Uint8Array(n);
  const logU = new Float64Array(n);
  const logV = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = y[i];
    if (!Array.isArray(row) || row.length !== 5) {
      throw new ModelError('SHAPE_MISMATCH', `y[${i}] must be [u, v, d1, d2, d3].`);
    }
    const [u, v, d1, d2, d3] = row as [number, number, number, number, number];
    if (Number.isNaN(u) || Number.isNaN(v) || u === Number.POSITIVE_INFINITY) {
      throw new ModelError('NON_FINITE', `y[${i}] has u = ${u}, v = ${v}.`);
    }
    for (const d of [d1, d2, d3]) {
      if (d !== 0 && d !== 1) {
        throw new ModelError(
          'INVALID_INTERVAL',
          `y[${i}] has indicator ${String(d)}; d1, d2, d3 must be 0 or 1.`,
        );
      }
    }
    if (d1 + d2 + d3 !== 1) {
      throw new ModelError(
        'INVALID_INTERVAL',
        `y[${i}] must have exactly one of d1 (left), d2 (interval), d3 (right) equal to 1, got ${d1}, ${d2}, ${d3}.`,
      );
    }
    if (u < 0 || v < 0) {
      throw new ModelError('INVALID_INTERVAL', `y[${i}] has a negative time (u = ${u}, v = ${v}).`);
    }
    if (u > v) {
      throw new ModelError(
        'INVALID_INTERVAL',
        `y[${i}] has u = ${u} > v = ${v}; an interval needs u <= v.`,
      );
    }
    logU[i] = Math.log(u);
    logV[i] = Math.log(v);
    if (d1 === 1) {
      if (u === 0)
        throw new ModelError(
          'INVALID_INTERVAL',
          `y[${i}] is left-censored at u = 0 (probability 0).`,
        );
      kind[i] = LEFT;
    } else if (d3 === 1) {
      if (!Number.isFinite(v))
        throw new ModelError('INVALID_INTERVAL', `y[${i}] is right-censored at v = Infinity.`);
      kind[i] = RIGHT;
    } else if (u === v) {
      if (u === 0) throw new ModelError('INVALID_INTERVAL', `y[${i}] is an exact time of 0.`);
      kind[i] = EXACT;
    } else {
      kind[i] = INTERVAL;
    }
  }
  return { n, kind, logU, logV };
}

/**
 * The loss (mean negative log-likelihood) for predicted log-time locations `mu` and log(sigma),
 * with its gradient with respect to each mu (written into `gradMu`) and to log(sigma).
 */
export function intervalLossAndGradient(
  data: IntervalData,
  mu: ArrayLike<number>,
  logSigma: number,
  gradMu: Float32Array | Float64Array,
): { loss: number; gradLogSigma: number } {
  const { n, kind, logU, logV } = data;
  const sigma = Math.exp(logSigma);
  let total = 0;
  let gSigma = 0;
  for (let i = 0; i < n; i++) {
    const m = mu[i] as number;
    const zu = ((logU[i] as number) - m) / sigma;
    const zv = ((logV[i] as number) - m) / sigma;
    let ll: number;
    // d ll / d mu and d ll / d logSigma; z·phi(z) is 0 at z = ±Infinity.
    let dMu: number;
    let dLs: number;
    switch (kind[i]) {
      case LEFT: {
        ll = logCdf(zu);
        const r = Math.exp(logPdf(zu) - ll);
        dMu = -r / sigma;
        dLs = -zu * r;
        break;
      }
      case RIGHT: {
        ll = logCdf(-zv);
        const r = Math.exp(logPdf(zv) - ll);
        dMu = r / sigma;
        dLs = zv * r;
        break;
      }
      case EXACT: {
        // The log-normal density of T at u: phi(z)/(sigma·u).
        ll = logPdf(zu) - logSigma - (logU[i] as number);
        dMu = zu / sigma;
        dLs = zu * zu - 1;
        break;
      }
      default: {
        ll = logCdfDiff(zu, zv);
        const pu = Math.exp(logPdf(zu) - ll);
        const pv = Math.exp(logPdf(zv) - ll);
        dMu = -(pv - pu) / sigma;
        dLs = -((Number.isFinite(zv) ? zv * pv : 0) - (Number.isFinite(zu) ? zu * pu : 0));
      }
    }
    total -= ll;
    gradMu[i] = -dMu / n;
    gSigma -= dLs;
  }
  return { loss: total / n, gradLogSigma: gSigma / n };
}

class IntervalTarget extends HostTarget implements Target {
  readonly kind = 'interval' as const;
  readonly needsLogSigma = true;
  private readonly data: IntervalData;

  constructor(y: IntervalTargets, nOutputs: number) {
    checkOneOutput(nOutputs, 'The interval-censored loss');
    const data = intervalData(y);
    super(data.n);
    this.data = data;
  }

  loss(out: Tensor2D, logSigma?: Scalar): Scalar {
    return tf.scalar(this.compute(out, logSigma).loss);
  }

  lossAndGradient(out: Tensor2D, logSigma?: Scalar): LossGradient {
    const { loss, gradLogSigma } = this.compute(out, logSigma);
    return {
      loss: tf.scalar(loss),
      gradOut: this.gradOut(),
      gradLogSigma: tf.scalar(gradLogSigma),
    };
  }

  private compute(
    out: Tensor2D,
    logSigma: Scalar | undefined,
  ): { loss: number; gradLogSigma: number } {
    if (logSigma === undefined) {
      throw new ModelError(
        'INVALID_OPTION',
        'The interval-censored loss needs the network’s logSigma.',
      );
    }
    // Survival losses run on the host: n numbers cross, and the tails need care tensors lack.
    return intervalLossAndGradient(
      this.data,
      out.dataSync(),
      logSigma.dataSync()[0] as number,
      this.gradient,
    );
  }
}
