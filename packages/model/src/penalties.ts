import { hostView, type Tensor } from '@lassonet/backend';

/**
 * sum_g ||S_g||_F (the lambda term) and the L2 terms, computed on the host over the backend's own
 * storage where it has one (cpu, wasm): a few thousand numbers, cheaper than a dozen small tensor
 * ops. `undefined` where the weights live on the GPU.
 */
export function hostPenalties(
  skip: Tensor,
  laterWeights: readonly Tensor[],
  groups: readonly (readonly number[])[] | null,
): { skipNorm: number; l2Hidden: number; l2Skip: number } | undefined {
  const s = hostView(skip);
  if (s === undefined) return undefined;
  const K = skip.shape[1] as number;
  const d = skip.shape[0] as number;
  const rowSquares = new Float64Array(d);
  let l2Skip = 0;
  for (let j = 0; j < d; j++) {
    let sum = 0;
    for (let k = 0; k < K; k++) {
      const v = s[j * K + k] as number;
      sum += v * v;
    }
    rowSquares[j] = sum;
    l2Skip += sum;
  }
  let skipNorm = 0;
  if (groups === null) {
    for (let j = 0; j < d; j++) skipNorm += Math.sqrt(rowSquares[j] as number);
  } else {
    for (const group of groups) {
      let sum = 0;
      for (const j of group) sum += rowSquares[j] as number;
      skipNorm += Math.sqrt(sum);
    }
  }
  let l2Hidden = 0;
  for (const weight of laterWeights) {
    const w = hostView(weight);
    if (w === undefined) return undefined;
    for (let i = 0; i < w.length; i++) l2Hidden += (w[i] as number) * (w[i] as number);
  }
  return { skipNorm, l2Hidden, l2Skip };
}
