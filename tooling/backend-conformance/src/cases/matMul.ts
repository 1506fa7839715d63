// Matrix products in every transposition: the compute packages use all four (X·W, Xᵀ·R, ...).
import { normalMatrix } from '../inputs.js';
import type { Matrix } from '../matrix.js';
import * as ref from '../reference.js';
import { fromMatrix } from '../tensorData.js';
import type { CaseResult, ConformanceCase, TF } from '../types.js';
import { compared, seededCase, toTensor } from './helpers.js';

// Odd, unequal sizes so a swapped or transposed dimension cannot go unnoticed.
const M = 37;
const K = 23;
const N = 41;

async function product(
  tf: TF,
  label: string,
  a: Matrix,
  b: Matrix,
  transposeA: boolean,
  transposeB: boolean,
): Promise<CaseResult> {
  return compared(
    tf,
    label,
    () => tf.matMul(toTensor(tf, a), toTensor(tf, b), transposeA, transposeB),
    fromMatrix(ref.matMul(a, b, transposeA, transposeB)),
  );
}

function transposedCase(seed: number, transposeA: boolean, transposeB: boolean): ConformanceCase {
  const flags = [transposeA && 'transposeA', transposeB && 'transposeB'].filter(Boolean).join(' ');
  const name = flags === '' ? 'matMul' : `matMul ${flags}`;
  return seededCase(name, seed, async (tf, rng) => {
    // Stored shapes are chosen so that op(a) is M x K and op(b) is K x N.
    const a = transposeA ? normalMatrix(rng, K, M) : normalMatrix(rng, M, K);
    const b = transposeB ? normalMatrix(rng, N, K) : normalMatrix(rng, K, N);
    return [await product(tf, `[${M}, ${K}] · [${K}, ${N}]`, a, b, transposeA, transposeB)];
  });
}

const edgeShapes = seededCase('matMul edge shapes', 105, async (tf, rng) => {
  const a = normalMatrix(rng, M, K);
  const b = normalMatrix(rng, K, N);
  const rowVector = normalMatrix(rng, 1, K);
  const colVector = normalMatrix(rng, K, 1);
  const tallVector = normalMatrix(rng, M, 1);
  const wideVector = normalMatrix(rng, 1, N);
  return [
    await product(tf, 'row vector [1, K] · [K, N]', rowVector, b, false, false),
    await product(tf, '[M, K] · column vector [K, 1]', a, colVector, false, false),
    await product(tf, 'dot product [1, K] · [K, 1]', rowVector, colVector, false, false),
    await product(tf, 'outer product [M, 1] · [1, N]', tallVector, wideVector, false, false),
    // Xᵀ·r with r a column: the shape of a gradient of a linear layer.
    await product(tf, 'transposed column [K, 1]ᵀ · [K, N]', colVector, b, true, false),
    await product(tf, '[M, K] · transposed row [1, K]ᵀ', a, rowVector, false, true),
  ];
});

export const matMulCases: readonly ConformanceCase[] = [
  transposedCase(101, false, false),
  transposedCase(102, true, false),
  transposedCase(103, false, true),
  transposedCase(104, true, true),
  edgeShapes,
];
