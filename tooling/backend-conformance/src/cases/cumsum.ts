// tf.cumsum along each axis, in its inclusive, exclusive, reversed and combined variants.
import { normalMatrix } from '../inputs.js';
import * as ref from '../reference.js';
import { fromMatrix } from '../tensorData.js';
import type { CaseResult, ConformanceCase } from '../types.js';
import { compared, seededCase, toTensor } from './helpers.js';

function cumsumCase(axis: 0 | 1, seed: number): ConformanceCase {
  return seededCase(`cumsum axis ${axis}`, seed, async (tf, rng) => {
    const x = normalMatrix(rng, 37, 23);
    const results: CaseResult[] = [];
    for (const exclusive of [false, true]) {
      for (const reverse of [false, true]) {
        const variant = [exclusive ? 'exclusive' : 'inclusive', reverse ? 'reverse' : 'forward'];
        results.push(
          await compared(
            tf,
            `${variant.join(' ')} on [37, 23]`,
            () => tf.cumsum(toTensor(tf, x), axis, exclusive, reverse),
            fromMatrix(ref.cumsum(x, axis, exclusive, reverse)),
          ),
        );
      }
    }
    return results;
  });
}

export const cumsumCases: readonly ConformanceCase[] = [cumsumCase(0, 801), cumsumCase(1, 802)];
