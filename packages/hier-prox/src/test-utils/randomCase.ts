import { Random } from '@lassonet/backend-conformance';
import type { Params, Rows } from './reference.js';

export interface RandomCase extends Params {
  label: string;
  skip: Rows;
  hidden: Rows;
}

export interface Shape {
  nFeatures: number;
  nOutputs: number;
  nHidden: number;
}

/** Shapes the properties are checked on: single feature, nHidden = 1, nOutputs > 1, wide. */
export const SHAPES: Shape[] = [
  { nFeatures: 1, nOutputs: 1, nHidden: 1 },
  { nFeatures: 1, nOutputs: 3, nHidden: 7 },
  { nFeatures: 6, nOutputs: 1, nHidden: 1 },
  { nFeatures: 12, nOutputs: 2, nHidden: 16 },
  { nFeatures: 9, nOutputs: 8, nHidden: 100 },
  { nFeatures: 40, nOutputs: 1, nHidden: 5 },
];

export const PARAMS: Params[] = [
  { lambda: 0, lambdaBar: 0, M: 10 },
  { lambda: 0.05, lambdaBar: 0, M: 10 },
  { lambda: 0.5, lambdaBar: 0.1, M: 10 },
  { lambda: 0.2, lambdaBar: 0, M: 1 },
  { lambda: 0.01, lambdaBar: 0.02, M: 100 },
  { lambda: 2, lambdaBar: 0, M: 0.5 },
];

/** Normal weights at several scales; about one row in five all zero in skip or hidden. */
export function randomWeights(random: Random, shape: Shape): { skip: Rows; hidden: Rows } {
  const skip: Rows = [];
  const hidden: Rows = [];
  for (let j = 0; j < shape.nFeatures; j++) {
    const scale = [0.01, 0.1, 1][random.int(0, 2)] as number;
    const zeroSkip = random.float() < 0.15;
    const zeroHidden = random.float() < 0.15;
    skip.push(
      Array.from({ length: shape.nOutputs }, () => (zeroSkip ? 0 : scale * random.normal())),
    );
    hidden.push(
      Array.from({ length: shape.nHidden }, () => (zeroHidden ? 0 : random.normal() * 0.3)),
    );
  }
  return { skip, hidden };
}

/** A stream seeded with `seed` and the weights first drawn from it; later draws continue it. */
export function seededWeights(
  seed: number,
  shape: Shape,
): { random: Random; skip: Rows; hidden: Rows } {
  const random = new Random(seed);
  return { random, ...randomWeights(random, shape) };
}

/** A random partition of 0..n-1 into at most `maxGroups` non-empty groups. */
export function randomGroups(random: Random, n: number, maxGroups: number): number[][] {
  const order = random.permutation(n);
  const count = random.int(1, Math.min(n, maxGroups));
  const groups: number[][] = Array.from({ length: count }, () => []);
  order.forEach((j, t) => {
    (groups[t < count ? t : random.int(0, count - 1)] as number[]).push(j);
  });
  return groups;
}

export function randomCases(seed: number, grouped: boolean): RandomCase[] {
  const random = new Random(seed);
  const cases: RandomCase[] = [];
  for (const shape of SHAPES) {
    for (const params of PARAMS) {
      const { skip, hidden } = randomWeights(random, shape);
      const groups = grouped ? randomGroups(random, shape.nFeatures, 4) : undefined;
      cases.push({
        label: `${shape.nFeatures}x${shape.nOutputs}x${shape.nHidden} lambda=${params.lambda} lambdaBar=${params.lambdaBar} M=${params.M}${groups ? ` groups=${JSON.stringify(groups)}` : ''}`,
        skip,
        hidden,
        ...params,
        ...(groups === undefined ? {} : { groups }),
      });
    }
  }
  return cases;
}
