import { defineHostKernel, type Tensor } from '@lassonet/backend';

interface PenaltyAttrs {
  groups: readonly (readonly number[])[] | null;
}

/**
 * [sum_g ||S_g||_F, sum ||W||_F² over the later layers, ||S||_F²] from the skip weights S (the
 * first input) and the weights of every layer after the first (the others): a few thousand
 * numbers, cheaper on the host than a dozen small tensor ops. Registered by the backends that
 * keep tensors in main memory (cpu, wasm).
 */
const penaltiesKernel = defineHostKernel<PenaltyAttrs>({
  name: 'LassoNetPenalties',
  outputShapes: () => [[3]],
  host([s, ...weights], [skipShape], { groups }, [out]) {
    const [d, K] = skipShape as [number, number];
    const skip = s as Float32Array;
    const rowSquares = new Float64Array(d);
    let l2Skip = 0;
    for (let j = 0; j < d; j++) {
      let sum = 0;
      for (let k = j * K; k < (j + 1) * K; k++) sum += (skip[k] as number) * (skip[k] as number);
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
    for (const w of weights) {
      for (let i = 0; i < w.length; i++) l2Hidden += (w[i] as number) * (w[i] as number);
    }
    (out as Float32Array).set([skipNorm, l2Hidden, l2Skip]);
  },
});

/**
 * sum_g ||S_g||_F (the lambda term) and the L2 terms, from the host kernel where the active
 * backend registers it (cpu, wasm). `undefined` elsewhere (webgl): the caller computes them with
 * tensor ops then, so the weights stay on the GPU.
 */
export function hostPenalties(
  skip: Tensor,
  laterWeights: readonly Tensor[],
  groups: readonly (readonly number[])[] | null,
): { skipNorm: number; l2Hidden: number; l2Skip: number } | undefined {
  if (!penaltiesKernel.available()) return undefined;
  const [values] = penaltiesKernel.run([skip, ...laterWeights], { groups }) as [Tensor];
  const [skipNorm, l2Hidden, l2Skip] = values.dataSync() as Float32Array;
  values.dispose();
  return { skipNorm: skipNorm as number, l2Hidden: l2Hidden as number, l2Skip: l2Skip as number };
}
