// The standard normal distribution in log space, accurate far into the tails, for the
// interval-censored log-normal likelihood.

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
const LOG_SQRT_PI = 0.5 * Math.log(Math.PI);

/** log of the standard normal density. */
export function logPdf(x: number): number {
  return -0.5 * x * x - LOG_SQRT_2PI;
}

/**
 * log erfc(y) for y >= 0, to about 1e-15 relative: a positive-term series of erf for small y, a
 * continued fraction (modified Lentz) for large y, where it is computed in log space so that it
 * never underflows.
 */
function logErfc(y: number): number {
  if (y < 1.5) {
    // erf(y) = 2/sqrt(pi) · e^{-y²} · Σ (2y²)^n y / (1·3·…·(2n+1)): no cancellation.
    let term = y;
    let sum = y;
    const y2 = 2 * y * y;
    for (let n = 1; n < 200 && term > 1e-17 * sum; n++) {
      term *= y2 / (2 * n + 1);
      sum += term;
    }
    const erf = (2 / Math.sqrt(Math.PI)) * Math.exp(-y * y) * sum;
    return Math.log1p(-erf);
  }
  // erfc(y) = e^{-y²}/sqrt(pi) · 1/(y + (1/2)/(y + 1/(y + (3/2)/(y + 2/(y + …))))).
  const tiny = 1e-300;
  let f = y;
  let C = y;
  let D = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    D = y + a * D;
    D = D === 0 ? tiny : 1 / D;
    C = y + a / C;
    if (C === 0) C = tiny;
    const delta = C * D;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return -y * y - LOG_SQRT_PI - Math.log(f);
}

/** log Φ(x), the log of the standard normal distribution function. */
export function logCdf(x: number): number {
  if (x === Number.NEGATIVE_INFINITY) return Number.NEGATIVE_INFINITY;
  if (x === Number.POSITIVE_INFINITY) return 0;
  if (x <= 0) return logErfc(-x / Math.SQRT2) - Math.LN2;
  // Φ(x) = 1 - Φ(-x): stays accurate as Φ(x) approaches 1.
  return Math.log1p(-Math.exp(logCdf(-x)));
}

/** log(Φ(b) - Φ(a)) for a < b, without cancellation in either tail. */
export function logCdfDiff(a: number, b: number): number {
  if (a >= 0) {
    // Both in the upper tail: Φ(b) - Φ(a) = Φ(-a) - Φ(-b).
    const hi = logCdf(-a);
    return hi + Math.log1p(-Math.exp(logCdf(-b) - hi));
  }
  if (b <= 0) {
    const hi = logCdf(b);
    return hi + Math.log1p(-Math.exp(logCdf(a) - hi));
  }
  // a < 0 < b: 1 - Φ(-b) - Φ(a), each term below one half.
  return Math.log1p(-Math.exp(logCdf(-b)) - Math.exp(logCdf(a)));
}
