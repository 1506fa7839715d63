// A float64 Hier-Prox written straight from the definition (full sort, count of crossings), and
// the prox objective: an independent yardstick for the fast implementations.

export type Rows = number[][];

export interface Params {
  lambda: number;
  lambdaBar: number;
  M: number;
  groups?: number[][];
}

function groupsOf(nFeatures: number, groups?: number[][]): number[][] {
  return groups ?? Array.from({ length: nFeatures }, (_, j) => [j]);
}

/** skip [d][K], hidden [d][H] in, the same shapes out. */
export function referenceHierProx(
  skip: Rows,
  hidden: Rows,
  p: Params,
): { skip: Rows; hidden: Rows } {
  const outSkip = skip.map((row) => row.slice());
  const outHidden = hidden.map((row) => row.slice());
  for (const group of groupsOf(skip.length, p.groups)) {
    const v = group.flatMap((j) => skip[j] as number[]);
    const u = group.flatMap((j) => hidden[j] as number[]);
    const vNorm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
    const sorted = u.map(Math.abs).sort((a, b) => b - a);
    const H = sorted.length;
    let cumulative = 0;
    let crossings = 0;
    const w: number[] = [];
    for (let m = 0; m <= H; m++) {
      if (m > 0) cumulative += (sorted[m - 1] as number) - p.lambdaBar;
      const wm = (p.M / (1 + m * p.M * p.M)) * Math.max(0, vNorm - p.lambda + p.M * cumulative);
      w.push(wm);
      const cm = m < H ? Math.max(0, (sorted[m] as number) - p.lambdaBar) : 0;
      if (cm > wm) crossings++;
    }
    const wStar = vNorm > 0 ? (w[crossings] as number) : 0;
    for (const j of group) {
      outSkip[j] = (skip[j] as number[]).map((x) => (vNorm > 0 ? (wStar / (p.M * vNorm)) * x : 0));
      outHidden[j] = (hidden[j] as number[]).map(
        (x) => (x < 0 ? -1 : 1) * Math.min(Math.max(0, Math.abs(x) - p.lambdaBar), wStar),
      );
    }
  }
  return { skip: outSkip, hidden: outHidden };
}

/** 1/2||b - v||² + 1/2||W - u||² + lambda·sum_g ||b_g|| + lambdaBar·||W||_1. */
export function proxObjective(b: Rows, W: Rows, v: Rows, u: Rows, p: Params): number {
  let value = 0;
  b.forEach((row, j) => {
    row.forEach((x, k) => {
      value += 0.5 * (x - (v[j]?.[k] ?? 0)) ** 2;
    });
  });
  W.forEach((row, j) => {
    row.forEach((x, i) => {
      value += 0.5 * (x - (u[j]?.[i] ?? 0)) ** 2 + p.lambdaBar * Math.abs(x);
    });
  });
  for (const group of groupsOf(b.length, p.groups)) {
    value += p.lambda * Math.sqrt(group.reduce((s, j) => s + norm2(b[j] as number[]), 0));
  }
  return value;
}

/** The largest violation of ||W_g||_inf <= M·||b_g|| over the groups (<= 0 when feasible). */
export function hierarchyViolation(b: Rows, W: Rows, p: Params): number {
  let worst = Number.NEGATIVE_INFINITY;
  for (const group of groupsOf(b.length, p.groups)) {
    const bound = p.M * Math.sqrt(group.reduce((s, j) => s + norm2(b[j] as number[]), 0));
    const largest = Math.max(...group.flatMap((j) => (W[j] as number[]).map(Math.abs)));
    worst = Math.max(worst, largest - bound);
  }
  return worst;
}

/** Clips each group's first-layer weights into the box the hierarchy allows. */
export function makeFeasible(b: Rows, W: Rows, p: Params): Rows {
  const out = W.map((row) => row.slice());
  for (const group of groupsOf(b.length, p.groups)) {
    const bound = p.M * Math.sqrt(group.reduce((s, j) => s + norm2(b[j] as number[]), 0));
    for (const j of group) {
      out[j] = (W[j] as number[]).map((x) => Math.max(-bound, Math.min(bound, x)));
    }
  }
  return out;
}

function norm2(row: number[]): number {
  return row.reduce((s, x) => s + x * x, 0);
}
