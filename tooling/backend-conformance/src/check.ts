import type { TensorData } from './tensorData.js';

export interface Tolerance {
  /** Relative tolerance, scaled by |expected|. Default 1e-4: float32 arithmetic, with room. */
  rtol?: number;
  /** Absolute tolerance, for expected values at or near zero. Default 1e-5. */
  atol?: number;
}

export interface Comparison {
  ok: boolean;
  /** Largest |actual - expected| (Infinity when an actual value is not finite). */
  maxAbsError: number;
  /** Largest |actual - expected| / |expected| over elements whose expected value is not 0. */
  maxRelError: number;
  message: string;
}

/**
 * Compares a backend's result with the expected one: the shapes must be equal and every
 * element must satisfy |actual - expected| <= atol + rtol * |expected|. A NaN or infinity where
 * a finite value is expected fails whatever the tolerance. Pass rtol = atol = 0 for exact data.
 */
export function compare(
  actual: TensorData,
  expected: TensorData,
  { rtol = 1e-4, atol = 1e-5 }: Tolerance = {},
): Comparison {
  const mismatch = (message: string): Comparison => ({
    ok: false,
    maxAbsError: Number.POSITIVE_INFINITY,
    maxRelError: Number.POSITIVE_INFINITY,
    message,
  });
  if (!sameShape(actual.shape, expected.shape)) {
    return mismatch(
      `shape ${fmtShape(actual.shape)} differs from expected ${fmtShape(expected.shape)}`,
    );
  }
  if (
    actual.dtype !== undefined &&
    expected.dtype !== undefined &&
    actual.dtype !== expected.dtype
  ) {
    return mismatch(`dtype ${actual.dtype} differs from expected ${expected.dtype}`);
  }
  const size = expected.shape.reduce((n, d) => n * d, 1);
  if (actual.values.length !== size || expected.values.length !== size) {
    return mismatch(
      `shape ${fmtShape(expected.shape)} holds ${size} values, but actual has ` +
        `${actual.values.length} and expected ${expected.values.length}`,
    );
  }

  let maxAbsError = 0;
  let maxRelError = 0;
  let failures = 0;
  let firstFailure = '';
  for (let k = 0; k < size; k++) {
    const a = actual.values[k] as number;
    const e = expected.values[k] as number;
    const { ok, absError } = closeEnough(a, e, rtol, atol);
    maxAbsError = Math.max(maxAbsError, absError);
    if (e !== 0 && Number.isFinite(e)) maxRelError = Math.max(maxRelError, absError / Math.abs(e));
    if (!ok) {
      failures++;
      if (failures === 1) {
        firstFailure =
          `first failure at index ${fmtIndex(k, expected.shape)} (flat ${k}): actual ${a}, ` +
          `expected ${e}, |diff| ${absError} > ${atol + rtol * Math.abs(e)}`;
      }
    }
  }
  const errors = `max abs error ${fmtNumber(maxAbsError)}, max rel error ${fmtNumber(maxRelError)}`;
  if (failures === 0) {
    return {
      ok: true,
      maxAbsError,
      maxRelError,
      message: `${size} values within tolerance; ${errors}`,
    };
  }
  return {
    ok: false,
    maxAbsError,
    maxRelError,
    message: `${failures} of ${size} values out of tolerance (rtol ${rtol}, atol ${atol}); ${firstFailure}; ${errors}`,
  };
}

function closeEnough(a: number, e: number, rtol: number, atol: number) {
  // A non-finite expected value must be matched exactly (NaN by NaN).
  if (!Number.isFinite(e)) {
    const ok = Number.isNaN(e) ? Number.isNaN(a) : a === e;
    return { ok, absError: ok ? 0 : Number.POSITIVE_INFINITY };
  }
  if (!Number.isFinite(a)) return { ok: false, absError: Number.POSITIVE_INFINITY };
  const absError = Math.abs(a - e);
  return { ok: absError <= atol + rtol * Math.abs(e), absError };
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

function fmtShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** The multi-dimensional index of flat position k in a row-major tensor of this shape. */
function fmtIndex(k: number, shape: readonly number[]): string {
  const index: number[] = [];
  let rest = k;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    const d = shape[axis] as number;
    index.unshift(rest % d);
    rest = Math.floor(rest / d);
  }
  return `[${index.join(', ')}]`;
}

function fmtNumber(x: number): string {
  return Number.isFinite(x) ? x.toExponential(2) : String(x);
}
