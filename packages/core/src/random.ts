import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import { LassoNetError } from './errors.js';

/**
 * Seeded random numbers: xoroshiro128+ (from pure-rand), the same sequence for the same seed on
 * every machine and JavaScript engine. `stream(k)` gives independent streams from one seed: the
 * generator jumped k times, 2^64 numbers apart, so streams never overlap (seeds s and s + 1 of a
 * simpler generator can give shifted copies of one sequence).
 */
export class Random {
  private readonly generator: JumpableRandomGenerator;
  // Box-Muller yields normals in pairs; the second is kept for the next call.
  private spare: number | undefined;

  constructor(seed: number | JumpableRandomGenerator) {
    if (typeof seed === 'number') {
      checkSeed(seed);
      this.generator = xoroshiro128plus(seed);
    } else {
      this.generator = seed;
    }
  }

  /** Independent stream `index` (0, 1, …) of `seed`; stream 0 is `new Random(seed)`. */
  static stream(seed: number, index: number): Random {
    checkSeed(seed);
    if (!Number.isInteger(index) || index < 0) {
      throw new LassoNetError(
        'INVALID_OPTION',
        `A stream index must be an integer >= 0, got ${String(index)}.`,
      );
    }
    const generator = xoroshiro128plus(seed);
    for (let k = 0; k < index; k++) generator.jump();
    return new Random(generator);
  }

  /** Streams 0..count-1 of `seed`, as `Random.stream` gives them. */
  static streams(seed: number, count: number): Random[] {
    checkSeed(seed);
    const generator = xoroshiro128plus(seed);
    const streams: Random[] = [];
    for (let k = 0; k < count; k++) {
      streams.push(new Random(generator.clone()));
      generator.jump();
    }
    return streams;
  }

  /** Uniform in [0, 1), in steps of 2^-53. */
  float(): number {
    return uniformFloat64(this.generator);
  }

  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.float();
  }

  /** Standard normal, by the Box-Muller transform. */
  normal(): number {
    if (this.spare !== undefined) {
      const value = this.spare;
      this.spare = undefined;
      return value;
    }
    // 1 - u lies in (0, 1], so the logarithm is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - this.float()));
    const angle = 2 * Math.PI * this.float();
    this.spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }

  /** Uniform integer in [lo, hi], without modulo bias. */
  int(lo: number, hi: number): number {
    return uniformInt(this.generator, lo, hi);
  }

  /** A random permutation of 0..n-1 (Fisher-Yates). */
  permutation(n: number): number[] {
    return this.shuffle(Array.from({ length: n }, (_, i) => i));
  }

  /** Shuffles `items` in place (Fisher-Yates) and returns it. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }
}

function checkSeed(seed: number): void {
  if (!Number.isSafeInteger(seed)) {
    throw new LassoNetError('INVALID_OPTION', `A seed must be an integer, got ${String(seed)}.`);
  }
}
