import { Random } from '@lassonet/backend-conformance';
import { describe, expect, it } from 'vitest';
import { hierProxArrays } from './index.js';
import { randomGroups, randomWeights } from './test-utils/randomCase.js';
import { referenceHierProx } from './test-utils/reference.js';

describe('hierProxArrays (no tensors)', () => {
  const random = new Random(31);
  const shape = { nFeatures: 25, nOutputs: 3, nHidden: 11 };
  const { skip, hidden } = randomWeights(random, shape);
  const flatSkip = Float32Array.from(skip.flat());
  const flatHidden = Float32Array.from(hidden.flat());

  it('matches the float64 reference, grouped or not, from plain number arrays', () => {
    for (const groups of [undefined, randomGroups(random, shape.nFeatures, 6)]) {
      const params = { lambda: 0.05, lambdaBar: 0.01, M: 5, ...(groups ? { groups } : {}) };
      const out = hierProxArrays(skip.flat(), hidden.flat(), shape.nFeatures, params);
      const expected = referenceHierProx(skip, hidden, params);
      const close = (a: Float32Array, e: number[]) =>
        e.every((x, i) => Math.abs((a[i] as number) - x) <= 1e-6 + 1e-5 * Math.abs(x));
      expect(close(out.skip, expected.skip.flat())).toBe(true);
      expect(close(out.hidden, expected.hidden.flat())).toBe(true);
    }
  });

  it('in place (out = the inputs) gives exactly what a separate output gives', () => {
    const params = { lambda: 0.05, M: 5 };
    const separate = hierProxArrays(flatSkip, flatHidden, shape.nFeatures, params);
    const inPlace = { skip: flatSkip.slice(), hidden: flatHidden.slice() };
    const returned = hierProxArrays(inPlace.skip, inPlace.hidden, shape.nFeatures, params, inPlace);
    expect(returned).toBe(inPlace);
    expect(inPlace.skip).toEqual(separate.skip);
    expect(inPlace.hidden).toEqual(separate.hidden);
  });

  it('handles a group whose active weights outnumber any small buffer', () => {
    // One group of 40 features x 20 units with |u| = 1 everywhere and tiny skip weights: all
    // 800 first-layer weights are active, and each is clipped to the same threshold.
    const r = new Random(37);
    const skipRows = Array.from({ length: 40 }, () => [0.01 * r.normal(), 0.01 * r.normal()]);
    const hiddenRows = Array.from({ length: 40 }, () =>
      Array.from({ length: 20 }, () => (r.float() < 0.5 ? -1 : 1)),
    );
    const params = {
      lambda: 0.001,
      lambdaBar: 0,
      M: 1,
      groups: [Array.from({ length: 40 }, (_, j) => j)],
    };
    const out = hierProxArrays(skipRows.flat(), hiddenRows.flat(), 40, params);
    const expected = referenceHierProx(skipRows, hiddenRows, params);
    const close = (a: Float32Array, e: number[]) =>
      e.every((x, i) => Math.abs((a[i] as number) - x) <= 1e-6 + 1e-5 * Math.abs(x));
    expect(close(out.skip, expected.skip.flat())).toBe(true);
    expect(close(out.hidden, expected.hidden.flat())).toBe(true);
    const magnitudes = new Set(Array.from(out.hidden, (x) => Math.abs(x)));
    expect(magnitudes.size).toBe(1);
    expect([...magnitudes][0]).toBeLessThan(1);
  });
});
