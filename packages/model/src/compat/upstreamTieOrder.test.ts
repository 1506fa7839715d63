import { Random } from '@lassonet/core';
import { describe, expect, it } from 'vitest';
import { libstdcxxSort, upstreamOrder } from './upstreamTieOrder.js';

function identity(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}

function randomKeys(random: Random, n: number, levels: number): number[] {
  return Array.from({ length: n }, () => random.int(0, levels - 1));
}

function stableDescending(keys: readonly number[]): number[] {
  return [...keys.keys()].sort((a, b) => (keys[b] as number) - (keys[a] as number));
}

function expectNonIncreasing(keys: readonly number[], order: Int32Array): void {
  for (let p = 1; p < order.length; p++) {
    expect(keys[order[p] as number] as number).toBeLessThanOrEqual(
      keys[order[p - 1] as number] as number,
    );
  }
}

function expectPermutation(order: Int32Array): void {
  expect([...order].sort((a, b) => a - b)).toEqual([...identity(order.length)]);
}

/** FNV-1a over the little-endian bytes of each index: a compact fingerprint of an order. */
function fnv1a(order: Int32Array): number {
  let hash = 0x811c9dc5;
  for (const value of order) {
    for (let shift = 0; shift < 32; shift += 8) {
      hash ^= (value >>> shift) & 0xff;
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  }
  return hash;
}

/**
 * McIlroy's "killer adversary for quicksort": decides the keys while the sort runs so that every
 * partition is as lopsided as possible. Returns the keys it settled on.
 */
function killerKeys(n: number, depthLimit: number): number[] {
  const gas = n;
  const value = new Array<number>(n).fill(gas);
  let solid = 0;
  let candidate = 0;
  libstdcxxSort(
    identity(n),
    (x, y) => {
      if (value[x] === gas && value[y] === gas) {
        if (x === candidate) value[x] = solid++;
        else value[y] = solid++;
      }
      if (value[x] === gas) candidate = x;
      else if (value[y] === gas) candidate = y;
      return (value[x] as number) < (value[y] as number);
    },
    depthLimit,
  );
  return value;
}

// Keys with many ties, and the orders real libstdc++ (g++ 12.2) gives for them: std::sort, and
// std::__introsort_loop with depth limits 0 and 1 followed by std::__final_insertion_sort.
const tiedKeys = (n: number, levels: number) =>
  Array.from({ length: n }, (_, i) => (i * i * 31 + i * 17) % levels);
const GPP_SORT_40 = [
  1, 19, 15, 22, 12, 26, 29, 8, 5, 33, 36, 30, 32, 25, 23, 37, 39, 18, 16, 2, 4, 9, 11, 24, 38, 17,
  3, 31, 10, 28, 21, 7, 27, 6, 20, 34, 35, 14, 13, 0,
];
const GPP_DEPTH0_40 = [
  15, 22, 8, 19, 26, 5, 33, 12, 1, 36, 29, 32, 37, 9, 16, 4, 39, 11, 25, 23, 18, 2, 30, 31, 17, 3,
  38, 10, 24, 7, 34, 35, 20, 21, 27, 0, 13, 28, 6, 14,
];
const GPP_DEPTH1_40 = [
  8, 26, 33, 19, 12, 1, 29, 15, 5, 36, 22, 30, 18, 25, 39, 37, 32, 23, 2, 4, 16, 11, 9, 31, 10, 3,
  38, 17, 24, 34, 21, 35, 27, 14, 28, 0, 13, 7, 20, 6,
];
const GPP_SORT_1000_FNV = 0xdef214a5;
const GPP_DEPTH0_1000_FNV = 0x9d7c1f89;

describe('libstdcxxSort', () => {
  it('reproduces g++ std::sort on tied keys, including the order of ties', () => {
    const keys = tiedKeys(40, 7);
    expect([...upstreamOrder(keys)]).toEqual(GPP_SORT_40);
    // Not what a stable sort gives: the test would not notice a stable sort otherwise.
    expect(GPP_SORT_40).not.toEqual(stableDescending(keys));
    expect(fnv1a(upstreamOrder(tiedKeys(1000, 97)))).toBe(GPP_SORT_1000_FNV);
  });

  it('reproduces the heap-sort path of g++ when the depth limit runs out', () => {
    const keys = tiedKeys(40, 7);
    const descending = (a: number, b: number) => (keys[a] as number) > (keys[b] as number);
    expect([...libstdcxxSort(identity(40), descending, 0)]).toEqual(GPP_DEPTH0_40);
    expect([...libstdcxxSort(identity(40), descending, 1)]).toEqual(GPP_DEPTH1_40);
    const big = tiedKeys(1000, 97);
    expect(
      fnv1a(libstdcxxSort(identity(1000), (a, b) => (big[a] as number) > (big[b] as number), 0)),
    ).toBe(GPP_DEPTH0_1000_FNV);
  });

  it('falls back to heap sort on adversarial input with the default depth limit', () => {
    for (const n of [500, 2000]) {
      // Keys that make plain quicksort (no depth limit) quadratic.
      const keys = killerKeys(n, Number.POSITIVE_INFINITY);
      const count = (depthLimit?: number) => {
        let comparisons = 0;
        const order = libstdcxxSort(
          identity(n),
          (a, b) => {
            comparisons++;
            return (keys[a] as number) < (keys[b] as number);
          },
          depthLimit,
        );
        for (let p = 1; p < n; p++) {
          expect(keys[order[p] as number] as number).toBeGreaterThan(
            keys[order[p - 1] as number] as number,
          );
        }
        return comparisons;
      };
      const quadratic = count(Number.POSITIVE_INFINITY);
      const introsort = count();
      expect(quadratic).toBeGreaterThan((n * n) / 5);
      expect(introsort).toBeLessThan(quadratic / 4);
      expect(introsort).toBeLessThan(4 * n * Math.log2(n));
    }
  });

  it('sorts random input of many sizes and tie densities', () => {
    const random = new Random(3);
    const sizes = [0, 1, 2, 3, 15, 16, 17, 18, 32, 33, 100, 257, 1000, 4096];
    for (const n of sizes) {
      for (const levels of [1, 2, 3, 10, 1_000_000]) {
        const keys = randomKeys(random, n, levels);
        const order = upstreamOrder(keys);
        expectPermutation(order);
        expectNonIncreasing(keys, order);
      }
    }
  });

  it('sorts correctly through the heap-sort path at every depth limit', () => {
    const random = new Random(4);
    for (const n of [17, 18, 31, 64, 100, 333]) {
      for (const depthLimit of [0, 1, 2, 3]) {
        const keys = randomKeys(random, n, 1 + (n % 9));
        const order = libstdcxxSort(
          identity(n),
          (a, b) => (keys[a] as number) > (keys[b] as number),
          depthLimit,
        );
        expectPermutation(order);
        expectNonIncreasing(keys, order);
      }
    }
  });

  it('is deterministic', () => {
    const random = new Random(5);
    const keys = randomKeys(random, 2000, 5);
    expect([...upstreamOrder(keys)]).toEqual([...upstreamOrder([...keys])]);
  });

  it('equals a stable sort up to 16 elements (insertion sort only)', () => {
    const random = new Random(6);
    for (let n = 0; n <= 16; n++) {
      for (let trial = 0; trial < 20; trial++) {
        const keys = randomKeys(random, n, 1 + (trial % 4));
        expect([...upstreamOrder(keys)]).toEqual(stableDescending(keys));
      }
    }
  });

  it('is not stable beyond 16 elements', () => {
    const keys = new Array<number>(17).fill(0);
    // All keys equal: the partition still swaps elements around.
    expect([...upstreamOrder(keys)]).not.toEqual(stableDescending(keys));
  });
});
