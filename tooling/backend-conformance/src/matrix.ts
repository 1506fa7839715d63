// The plain data the references work on: no tfjs, so they cannot share a backend's bugs.

/** A row-major matrix of float64 numbers: element (i, j) is `data[i * cols + j]`. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: readonly number[];
}

export function matrix(rows: number, cols: number, data: readonly number[]): Matrix {
  if (data.length !== rows * cols) {
    throw new Error(`a ${rows}x${cols} matrix needs ${rows * cols} values, got ${data.length}`);
  }
  return { rows, cols, data };
}

/** Builds a matrix from a function of the indices. */
export function fromFunction(
  rows: number,
  cols: number,
  f: (i: number, j: number) => number,
): Matrix {
  const data: number[] = new Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) data[i * cols + j] = f(i, j);
  return { rows, cols, data };
}

/** Element (i, j); throws outside the matrix rather than returning undefined. */
export function at(m: Matrix, i: number, j: number): number {
  const value = m.data[i * m.cols + j];
  if (value === undefined || i < 0 || i >= m.rows || j < 0 || j >= m.cols) {
    throw new RangeError(`(${i}, ${j}) is outside a ${m.rows}x${m.cols} matrix`);
  }
  return value;
}

/** Row i as an array. */
export function row(m: Matrix, i: number): number[] {
  return m.data.slice(i * m.cols, (i + 1) * m.cols);
}

/** Column j as an array. */
export function column(m: Matrix, j: number): number[] {
  return Array.from({ length: m.rows }, (_, i) => at(m, i, j));
}
