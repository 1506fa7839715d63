import { ModelError } from './errors.js';

/** Fraction of labels predicted exactly. */
export function accuracy(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checkPair(yTrue, yPred, 'accuracy');
  let hits = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) hits++;
  return hits / yTrue.length;
}

/**
 * The coefficient of determination, 1 - SS_res / SS_tot, averaged over outputs for rows of
 * several outputs (scikit-learn's r2_score). A constant target scores 1 when predicted exactly
 * and 0 otherwise, as in scikit-learn, instead of dividing by zero.
 */
export function r2Score(
  yTrue: ArrayLike<number> | readonly (readonly number[])[],
  yPred: ArrayLike<number> | readonly (readonly number[])[],
): number {
  const t = columns(yTrue, 'yTrue');
  const p = columns(yPred, 'yPred');
  if (t.length !== p.length || t[0]?.length !== p[0]?.length) {
    throw new ModelError(
      'SHAPE_MISMATCH',
      `r2Score: yTrue is ${t[0]?.length ?? 0}×${t.length} but yPred is ${p[0]?.length ?? 0}×${p.length}.`,
    );
  }
  let sum = 0;
  t.forEach((col, k) => {
    const pred = p[k] as number[];
    const mean = col.reduce((a, b) => a + b, 0) / col.length;
    let ssRes = 0;
    let ssTot = 0;
    col.forEach((y, i) => {
      ssRes += (y - (pred[i] as number)) ** 2;
      ssTot += (y - mean) ** 2;
    });
    sum += ssTot === 0 ? (ssRes === 0 ? 1 : 0) : 1 - ssRes / ssTot;
  });
  return sum / t.length;
}

/** Rows of outputs (or one value per sample) as columns. */
function columns(y: ArrayLike<number> | readonly (readonly number[])[], name: string): number[][] {
  const n = y.length;
  if (n === 0) throw new ModelError('EMPTY', `r2Score: ${name} is empty.`);
  const first = (y as ArrayLike<unknown>)[0];
  const k = Array.isArray(first) ? first.length : 1;
  const cols: number[][] = Array.from({ length: k }, () => new Array<number>(n));
  for (let i = 0; i < n; i++) {
    const row = (y as ArrayLike<unknown>)[i];
    const values = Array.isArray(row) ? (row as number[]) : [row as number];
    if (values.length !== k) {
      throw new ModelError(
        'SHAPE_MISMATCH',
        `r2Score: ${name}[${i}] has ${values.length} values, expected ${k}.`,
      );
    }
    values.forEach((v, j) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new ModelError('NON_FINITE', `r2Score: ${name}[${i}] holds ${String(v)}.`);
      }
      (cols[j] as number[])[i] = v;
    });
  }
  return cols;
}

function checkPair(a: ArrayLike<number>, b: ArrayLike<number>, where: string): void {
  if (a.length !== b.length) {
    throw new ModelError(
      'SHAPE_MISMATCH',
      `${where}: yTrue has ${a.length} values but yPred has ${b.length}.`,
    );
  }
  if (a.length === 0) throw new ModelError('EMPTY', `${where}: no values.`);
}
