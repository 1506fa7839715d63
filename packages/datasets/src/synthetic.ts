import {
  describeBounds,
  numberOption,
  type OptionsInput,
  parseOptions,
  Random,
} from '@lassonet/core';
import * as v from 'valibot';
import { DatasetError } from './errors.js';
import { seedOption } from './seed.js';

/** A generated problem; `relevant` lists (ascending) the features y depends on. */
export interface SyntheticData {
  X: number[][];
  y: number[];
  relevant: number[];
}

const friedman1Schema = v.strictObject({
  /** Default 200. */
  nSamples: v.optional(numberOption({ integer: true, min: 1 }), 200),
  /** At least 5; features 5.. are pure noise. Default 10. */
  nFeatures: v.optional(numberOption({ integer: true, min: 5 }), 10),
  /** Standard deviation of Gaussian noise added to y. Default 0. */
  noise: v.optional(numberOption({ min: 0 }), 0),
  /** Default 0. */
  seed: seedOption(),
});

export type Friedman1Options = OptionsInput<typeof friedman1Schema>;

const classificationSchema = v.strictObject({
  /** At least nClasses. Default 200. */
  nSamples: v.optional(numberOption({ integer: true, min: 1 }), 200),
  /** Default 20. */
  nFeatures: v.optional(numberOption({ integer: true, min: 1 }), 20),
  /** Features that carry the class signal, 1..nFeatures. Default 4. */
  nInformative: v.optional(numberOption({ integer: true, min: 1 }), 4),
  /** At least 2. Default 2. */
  nClasses: v.optional(numberOption({ integer: true, min: 2 }), 2),
  /** Distance scale of class centroids; larger is easier. Default 1. */
  classSep: v.optional(numberOption({ min: 0 }), 1),
  /** Fraction of labels, in [0, 1], changed to another class at random. Default 0. */
  noise: v.optional(numberOption({ min: 0, max: 1 }), 0),
  /** Default 0. */
  seed: seedOption(),
});

export type ClassificationOptions = OptionsInput<typeof classificationSchema>;

/**
 * Friedman #1 regression (as scikit-learn's make_friedman1): X uniform in [0, 1),
 * y = 10 sin(pi x0 x1) + 20 (x2 - 0.5)^2 + 10 x3 + 5 x4 + noise * N(0, 1).
 */
export function makeFriedman1(options?: Friedman1Options): SyntheticData {
  const { nSamples, nFeatures, noise, seed } = parseOptions(
    friedman1Schema,
    options,
    'makeFriedman1',
    DatasetError,
  );
  // Noise has a stream of its own, so the same seed gives the same X at every noise level.
  const [features, noiseDraws] = Random.streams(seed, 2) as [Random, Random];

  const X = Array.from({ length: nSamples }, () =>
    Array.from({ length: nFeatures }, () => features.float()),
  );
  const y = X.map((x) => {
    const [x0, x1, x2, x3, x4] = x as [number, number, number, number, number];
    return 10 * Math.sin(Math.PI * x0 * x1) + 20 * (x2 - 0.5) ** 2 + 10 * x3 + 5 * x4;
  });
  if (noise > 0) {
    for (let i = 0; i < nSamples; i++) y[i] = (y[i] as number) + noise * noiseDraws.normal();
  }
  return { X, y, relevant: [0, 1, 2, 3, 4] };
}

/**
 * Gaussian classes: each class has a centroid in the informative features, the other
 * features are pure N(0, 1) noise. On every informative feature the class centroids are
 * evenly spaced over [-classSep, classSep] in a seeded random order, so each informative
 * feature separates the classes (two classes: ±classSep). The informative features sit at
 * seeded random positions. Labels are balanced (round-robin, then shuffled); `noise` then
 * moves round(noise * nSamples) labels to a different class, leaving X unchanged.
 */
export function makeClassification(options?: ClassificationOptions): SyntheticData {
  const where = 'makeClassification';
  const { nSamples, nFeatures, nInformative, nClasses, classSep, noise, seed } = parseOptions(
    classificationSchema,
    options,
    where,
    DatasetError,
  );
  if (nInformative > nFeatures) {
    throw new DatasetError(
      'INVALID_OPTION',
      `${where}: nInformative must be ${describeBounds({ integer: true, min: 1, max: nFeatures })}, got ${nInformative}; it counts some of the ${nFeatures} features.`,
    );
  }
  if (nSamples < nClasses) {
    throw new DatasetError(
      'INVALID_OPTION',
      `${where}: nSamples must be an integer >= ${nClasses}, got ${nSamples}: every class needs a sample.`,
    );
  }
  // One stream per purpose, so that, for one seed, label noise leaves X as it is.
  const [placement, levelOrder, labelOrder, features, flips] = Random.streams(seed, 5) as [
    Random,
    Random,
    Random,
    Random,
    Random,
  ];

  const relevant = placement
    .permutation(nFeatures)
    .slice(0, nInformative)
    .sort((a, b) => a - b);
  // centre[j][c]: class c's centroid on feature j (0 on uninformative features).
  const levels = Array.from(
    { length: nClasses },
    (_, c) => classSep * ((2 * c) / (nClasses - 1) - 1),
  );
  const centre: number[][] = Array.from({ length: nFeatures }, () => new Array(nClasses).fill(0));
  for (const j of relevant) centre[j] = levelOrder.shuffle([...levels]);

  const y = labelOrder.shuffle(Array.from({ length: nSamples }, (_, i) => i % nClasses));
  const X = y.map((c) =>
    Array.from(
      { length: nFeatures },
      (_, j) => ((centre[j] as number[])[c] as number) + features.normal(),
    ),
  );

  const nFlip = Math.round(noise * nSamples);
  for (const i of flips.permutation(nSamples).slice(0, nFlip)) {
    // A shift of 1..K-1 always lands on another class.
    y[i] = ((y[i] as number) + flips.int(1, nClasses - 1)) % nClasses;
  }
  return { X, y, relevant };
}
