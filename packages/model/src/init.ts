import type { Random } from '@lassonet/core';

/**
 * Weights like PyTorch's nn.Linear default: weight and bias uniform in ±1/sqrt(fanIn) (its
 * Kaiming-uniform with a = sqrt(5) has exactly this bound). Drawn on the host from a seeded
 * generator, in [in][out] row-major order, so a seed gives the same weights on every backend.
 */
export function uniformInit(random: Random, fanIn: number, size: number): Float32Array {
  const bound = 1 / Math.sqrt(fanIn);
  const values = new Float32Array(size);
  for (let i = 0; i < size; i++) values[i] = random.uniform(-bound, bound);
  return values;
}
