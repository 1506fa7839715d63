// The suite must fail on a wrong backend, not just pass on right ones. A tfjs namespace with
// two subtly broken ops stands in for a faulty backend: exactly the cases using them must fail.
import { type Tensor, type TensorLike, tf, useBackend } from '@lassonet/backend';
import { cases, checkCase, type TF } from '@lassonet/backend-conformance';
import { beforeAll, describe, expect, it } from 'vitest';
import { cpu } from './index.js';

// Off by 1e-2 everywhere: far beyond float32 error, well within "looks plausible".
function matMulPlusOffset<T extends Tensor>(
  a: Tensor | TensorLike,
  b: Tensor | TensorLike,
  transposeA?: boolean,
  transposeB?: boolean,
): T {
  return tf.tidy(() => tf.add(tf.matMul(a, b, transposeA, transposeB), 1e-2)) as T;
}

// Off by 1e-3 relative: ten times the suite's relative tolerance.
function expSlightlyHigh<T extends Tensor>(x: T | TensorLike): T {
  return tf.tidy(() => tf.mul(tf.exp(x), 1 + 1e-3)) as T;
}

const broken: TF = { ...tf, matMul: matMulPlusOffset, exp: expSlightlyHigh };

const affected = (name: string) => name.startsWith('matMul') || name === 'exp';

describe('the conformance suite on a deliberately broken backend', () => {
  beforeAll(async () => {
    await useBackend(cpu);
  });

  it('has cases that use the broken ops', () => {
    expect(cases.filter((c) => affected(c.name)).map((c) => c.name)).toEqual([
      'matMul',
      'matMul transposeA',
      'matMul transposeB',
      'matMul transposeA transposeB',
      'matMul edge shapes',
      'exp',
    ]);
  });

  for (const conformanceCase of cases.filter((c) => affected(c.name))) {
    it(`fails ${conformanceCase.name}, naming the wrong element`, async () => {
      const verdict = checkCase(await conformanceCase.run(broken));
      expect(verdict.ok).toBe(false);
      // Every result of an affected case is wrong, and the message says where and by how much.
      expect(verdict.comparisons.every((c) => !c.ok)).toBe(true);
      expect(verdict.message).toMatch(/FAILED .*first failure at index \[\d+(, \d+)*\].*actual/);
    });
  }

  it('still passes every case that does not use them', async () => {
    const failures: string[] = [];
    for (const conformanceCase of cases.filter((c) => !affected(c.name))) {
      const verdict = checkCase(await conformanceCase.run(broken));
      if (!verdict.ok) failures.push(`${conformanceCase.name}: ${verdict.message}`);
    }
    expect(failures).toEqual([]);
  });

  it('the broken namespace leaks no tensors either', async () => {
    const before = tf.memory().numTensors;
    for (const conformanceCase of cases) await conformanceCase.run(broken);
    expect(tf.memory().numTensors).toBe(before);
  });
});
