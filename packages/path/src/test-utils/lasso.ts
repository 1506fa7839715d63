/**
 * The order in which features leave the ordinary Lasso path (float64 coordinate descent on
 * standardised data, from small to large penalty): a reference a LassoNet path on a linear
 * problem should reproduce.
 */
export function lassoLeavingOrder(
  X: readonly (readonly number[])[],
  y: readonly number[],
): number[] {
  const n = X.length;
  const d = (X[0] as readonly number[]).length;
  const meanY = y.reduce((a, b) => a + b, 0) / n;
  const cols = Array.from({ length: d }, (_, j) => {
    const c = X.map((row) => row[j] as number);
    const m = c.reduce((a, b) => a + b, 0) / n;
    const centred = c.map((v) => v - m);
    const sd = Math.sqrt(centred.reduce((a, v) => a + v * v, 0) / n);
    return centred.map((v) => v / sd);
  });
  const yc = y.map((v) => v - meanY);
  const lambdaMax = Math.max(...cols.map((c) => Math.abs(dot(c, yc)) / n));
  const beta = new Float64Array(d);
  const residual = [...yc];
  const leftAt = new Array<number>(d).fill(Number.POSITIVE_INFINITY);
  // Penalties from small to large; warm starts keep coordinate descent quick.
  for (let lambda = lambdaMax * 1e-3; lambda <= lambdaMax * 1.001; lambda *= 1.01) {
    for (let sweep = 0; sweep < 200; sweep++) {
      let moved = 0;
      for (let j = 0; j < d; j++) {
        const c = cols[j] as number[];
        const old = beta[j] as number;
        const rho = dot(c, residual) / n + old;
        const next = Math.sign(rho) * Math.max(Math.abs(rho) - lambda, 0);
        if (next !== old) {
          for (let i = 0; i < n; i++)
            residual[i] = (residual[i] as number) - (c[i] as number) * (next - old);
          beta[j] = next;
          moved = Math.max(moved, Math.abs(next - old));
        }
      }
      if (moved < 1e-10) break;
    }
    beta.forEach((b, j) => {
      if (b === 0 && leftAt[j] === Number.POSITIVE_INFINITY) leftAt[j] = lambda;
    });
  }
  return Array.from({ length: d }, (_, j) => j).sort(
    (a, b) => (leftAt[a] as number) - (leftAt[b] as number),
  );
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}
