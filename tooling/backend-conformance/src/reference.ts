// Float64 reference implementations of the operations under test, on plain row-major matrices.
// Written for clarity, not speed: each follows the textbook definition directly.
import { at, column, fromFunction, type Matrix, matrix, row } from './matrix.js';

export function transpose(m: Matrix): Matrix {
  return fromFunction(m.cols, m.rows, (i, j) => at(m, j, i));
}

/** op(a) · op(b), where op transposes when asked, as `tf.matMul(a, b, transposeA, transposeB)`. */
export function matMul(a: Matrix, b: Matrix, transposeA = false, transposeB = false): Matrix {
  const left = transposeA ? transpose(a) : a;
  const right = transposeB ? transpose(b) : b;
  if (left.cols !== right.rows) {
    throw new Error(`cannot multiply ${left.rows}x${left.cols} by ${right.rows}x${right.cols}`);
  }
  return fromFunction(left.rows, right.cols, (i, j) => {
    let total = 0;
    for (let k = 0; k < left.cols; k++) total += at(left, i, k) * at(right, k, j);
    return total;
  });
}

// --- elementwise ----------------------------------------------------------------------------

export function map(m: Matrix, f: (x: number) => number): Matrix {
  return { rows: m.rows, cols: m.cols, data: m.data.map((x) => f(x)) };
}

/** Broadcasts two matrices NumPy-style (a dimension of 1 stretches) and combines them. */
export function broadcast(a: Matrix, b: Matrix, f: (x: number, y: number) => number): Matrix {
  const rows = broadcastDim(a.rows, b.rows);
  const cols = broadcastDim(a.cols, b.cols);
  return fromFunction(rows, cols, (i, j) =>
    f(
      at(a, a.rows === 1 ? 0 : i, a.cols === 1 ? 0 : j),
      at(b, b.rows === 1 ? 0 : i, b.cols === 1 ? 0 : j),
    ),
  );
}

function broadcastDim(n: number, m: number): number {
  if (n === m || m === 1) return n;
  if (n === 1) return m;
  throw new Error(`dimensions ${n} and ${m} do not broadcast`);
}

export const add = (a: Matrix, b: Matrix) => broadcast(a, b, (x, y) => x + y);
export const sub = (a: Matrix, b: Matrix) => broadcast(a, b, (x, y) => x - y);
export const mul = (a: Matrix, b: Matrix) => broadcast(a, b, (x, y) => x * y);
export const div = (a: Matrix, b: Matrix) => broadcast(a, b, (x, y) => x / y);
export const maximum = (a: Matrix, b: Matrix) => broadcast(a, b, (x, y) => Math.max(x, y));
export const minimum = (a: Matrix, b: Matrix) => broadcast(a, b, (x, y) => Math.min(x, y));

export const neg = (m: Matrix) => map(m, (x) => -x);
export const abs = (m: Matrix) => map(m, (x) => Math.abs(x));
export const sqrt = (m: Matrix) => map(m, (x) => Math.sqrt(x));
export const square = (m: Matrix) => map(m, (x) => x * x);
export const exp = (m: Matrix) => map(m, (x) => Math.exp(x));
export const log = (m: Matrix) => map(m, (x) => Math.log(x));
export const relu = (m: Matrix) => map(m, (x) => Math.max(x, 0));
// Like tfjs, sign(0) = 0 (and -0 is reported as 0, not -0).
export const sign = (m: Matrix) => map(m, (x) => (x > 0 ? 1 : x < 0 ? -1 : 0));
export const clipByValue = (m: Matrix, lo: number, hi: number) =>
  map(m, (x) => Math.min(hi, Math.max(lo, x)));

// Comparisons give 1 for true and 0 for false, as tfjs' bool tensors read back.
export const greater = (a: Matrix, b: Matrix) => broadcast(a, b, (x, y) => Number(x > y));
export const greaterEqual = (a: Matrix, b: Matrix) => broadcast(a, b, (x, y) => Number(x >= y));
export const less = (a: Matrix, b: Matrix) => broadcast(a, b, (x, y) => Number(x < y));
export const equal = (a: Matrix, b: Matrix) => broadcast(a, b, (x, y) => Number(x === y));

/** `cond ? a : b` elementwise; all three have one shape. */
export function where(cond: Matrix, a: Matrix, b: Matrix): Matrix {
  return fromFunction(a.rows, a.cols, (i, j) => (at(cond, i, j) !== 0 ? at(a, i, j) : at(b, i, j)));
}

// --- reductions -----------------------------------------------------------------------------

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const x of values) total += x;
  return total;
}

export function mean(values: readonly number[]): number {
  return sum(values) / values.length;
}

export function max(values: readonly number[]): number {
  return values.reduce((best, x) => Math.max(best, x), Number.NEGATIVE_INFINITY);
}

export function min(values: readonly number[]): number {
  return values.reduce((best, x) => Math.min(best, x), Number.POSITIVE_INFINITY);
}

/** The euclidean norm sqrt(sum x^2). */
export function euclidean(values: readonly number[]): number {
  return Math.sqrt(sum(values.map((x) => x * x)));
}

/** Reduces each column (axis 0, giving `cols` values) or each row (axis 1, giving `rows`). */
export function reduceAxis(
  m: Matrix,
  axis: 0 | 1,
  f: (values: readonly number[]) => number,
): number[] {
  return axis === 0
    ? Array.from({ length: m.cols }, (_, j) => f(column(m, j)))
    : Array.from({ length: m.rows }, (_, i) => f(row(m, i)));
}

/** Index of the first largest value in each column (axis 0) or row (axis 1). */
export function argMax(m: Matrix, axis: 0 | 1): number[] {
  return reduceAxis(m, axis, (values) => values.indexOf(max(values)));
}

// --- softmax --------------------------------------------------------------------------------

/** log(sum(exp(x))), shifted by the maximum so large inputs do not overflow. */
export function logSumExp(values: readonly number[]): number {
  const top = max(values);
  return top + Math.log(sum(values.map((x) => Math.exp(x - top))));
}

export function logSoftmaxRows(m: Matrix): Matrix {
  const lse = reduceAxis(m, 1, logSumExp);
  return fromFunction(m.rows, m.cols, (i, j) => at(m, i, j) - (lse[i] as number));
}

export function softmaxRows(m: Matrix): Matrix {
  // exp(x - max) / sum: every exponent is <= 0, so nothing overflows.
  const rows = Array.from({ length: m.rows }, (_, i) => {
    const values = row(m, i);
    const top = max(values);
    const weights = values.map((x) => Math.exp(x - top));
    const total = sum(weights);
    return weights.map((w) => w / total);
  });
  return matrix(m.rows, m.cols, rows.flat());
}

// --- ordering, indexing and scans -----------------------------------------------------------

/** The k largest values, largest first, with their indices (lower index first on ties). */
export function topk(
  values: readonly number[],
  k: number,
): { values: number[]; indices: number[] } {
  const order = values
    .map((_, i) => i)
    .sort((i, j) => (values[j] as number) - (values[i] as number) || i - j)
    .slice(0, k);
  return { values: order.map((i) => values[i] as number), indices: order };
}

/** Picks rows (axis 0) or columns (axis 1) in the order given by `indices`. */
export function gather(m: Matrix, indices: readonly number[], axis: 0 | 1): Matrix {
  return axis === 0
    ? fromFunction(indices.length, m.cols, (i, j) => at(m, indices[i] as number, j))
    : fromFunction(m.rows, indices.length, (i, j) => at(m, i, indices[j] as number));
}

/**
 * Running sums down the columns (axis 0) or along the rows (axis 1). `exclusive` leaves out
 * the element itself; `reverse` sums from the far end, as in `tf.cumsum`.
 */
export function cumsum(m: Matrix, axis: 0 | 1, exclusive = false, reverse = false): Matrix {
  const length = axis === 0 ? m.rows : m.cols;
  const out = new Array<number>(m.rows * m.cols);
  const lanes = axis === 0 ? m.cols : m.rows;
  for (let lane = 0; lane < lanes; lane++) {
    let total = 0;
    for (let step = 0; step < length; step++) {
      const k = reverse ? length - 1 - step : step;
      const [i, j] = axis === 0 ? [k, lane] : [lane, k];
      const x = at(m, i, j);
      if (!exclusive) total += x;
      out[i * m.cols + j] = total;
      if (exclusive) total += x;
    }
  }
  return matrix(m.rows, m.cols, out);
}

// --- shape manipulation ---------------------------------------------------------------------

/** Stacks `b` below `a` (axis 0) or to its right (axis 1). */
export function concat(a: Matrix, b: Matrix, axis: 0 | 1): Matrix {
  if (axis === 0) return matrix(a.rows + b.rows, a.cols, [...a.data, ...b.data]);
  return fromFunction(a.rows, a.cols + b.cols, (i, j) =>
    j < a.cols ? at(a, i, j) : at(b, i, j - a.cols),
  );
}

/** The block of `size` rows and columns starting at `begin`, as `tf.slice`. */
export function slice(m: Matrix, begin: [number, number], size: [number, number]): Matrix {
  return fromFunction(size[0], size[1], (i, j) => at(m, begin[0] + i, begin[1] + j));
}

/** One row per index, with a 1 in the indexed column and 0 elsewhere. */
export function oneHot(indices: readonly number[], depth: number): Matrix {
  return fromFunction(indices.length, depth, (i, j) => Number(indices[i] === j));
}
