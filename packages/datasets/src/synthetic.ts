import { integerOption, numberOption, readOptions, seedOption } from './options.js';
import { Random } from './random.js';

/** A generated problem; `relevant` lists (ascending) the features y depends on. */
export interface SyntheticData {
  X: number[][];
  y: number[];
  relevant: number[];
}

export interface Friedman1Options {
  /** Default 200. */
  nSamples?: number;
  /** At least 5; features 5.. are pure noise. Default 10. */
  nFeatures?: number;
  /** Standard deviation of Gaussian noise added to y. Default 0. */
  noise?: number;
  /** Default 0. */
  seed?: number;
}

export interface ClassificationOptions {
  /** At least nClasses. Default 200. */
  nSamples?: number;
  /** Default 20. */
  nFeatures?: number;
  /** Features that carry the class signal, 1..nFeatures. Default 4. */
  nInformative?: number;
  /** At least 2. Default 2. */
  nClasses?: number;
  /** Distance scale of class centroids; larger is easier. Default 1. */
  classSep?: number;
  /** Fraction of labels, in [0, 1], changed to another class at random. Default 0. */
  noise?: number;
  /** Default 0. */
  seed?: number;
}

/**
 * Friedman #1 regression (as scikit-learn's make_friedman1): X uniform in [0, 1),
 * y = 10 sin(pi x0 x1) + 20 (x2 - 0.5)^2 + 10 x3 + 5 x4 + noise * N(0, 1).
 */
export function makeFriedman1(options?: Friedman1Options): SyntheticData {
  const where = 'makeFriedman1';
  const opts = readOptions(options, ['nSamples', 'nFeatures', 'noise', 'seed'], where);
  const nSamples = integerOption(where, 'nSamples', opts.nSamples, 200, 1);
  const nFeatures = integerOption(where, 'nFeatures', opts.nFeatures, 10, 5);
  const noise = numberOption(where, 'noise', opts.noise, 0, 0);
  const rng = new Random(seedOption(where, opts.seed));

  const X = Array.from({ length: nSamples }, () =>
    Array.from({ length: nFeatures }, () => rng.float()),
  );
  // Noise is drawn after all of X, so the same seed gives the same X at every noise level.
  const y = X.map((x) => {
    const [x0, x1, x2, x3, x4] = x as [number, number, number, number, number];
    return 10 * Math.sin(Math.PI * x0 * x1) + 20 * (x2 - 0.5) ** 2 + 10 * x3 + 5 * x4;
  });
  if (noise > 0) {
    for (let i = 0; i < nSamples; i++) y[i] = (y[i] as number) + noise * rng.normal();
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
  const opts = readOptions(
    options,
    ['nSamples', 'nFeatures', 'nInformative', 'nClasses', 'classSep', 'noise', 'seed'],
    where,
  );
  const nFeatures = integerOption(where, 'nFeatures', opts.nFeatures, 20, 1);
  const nInformative = integerOption(where, 'nInformative', opts.nInformative, 4, 1, nFeatures);
  const nClasses = integerOption(where, 'nClasses', opts.nClasses, 2, 2);
  const nSamples = integerOption(where, 'nSamples', opts.nSamples, 200, nClasses);
  const classSep = numberOption(where, 'classSep', opts.classSep, 1, 0);
  const noise = numberOption(where, 'noise', opts.noise, 0, 0, 1);
  const rng = new Random(seedOption(where, opts.seed));

  const relevant = rng
    .permutation(nFeatures)
    .slice(0, nInformative)
    .sort((a, b) => a - b);
  // centre[j][c]: class c's centroid on feature j (0 on uninformative features).
  const levels = Array.from(
    { length: nClasses },
    (_, c) => classSep * ((2 * c) / (nClasses - 1) - 1),
  );
  const centre: number[][] = Array.from({ length: nFeatures }, () => new Array(nClasses).fill(0));
  for (const j of relevant) centre[j] = rng.shuffle([...levels]);

  const y = rng.shuffle(Array.from({ length: nSamples }, (_, i) => i % nClasses));
  const X = y.map((c) =>
    Array.from(
      { length: nFeatures },
      (_, j) => ((centre[j] as number[])[c] as number) + rng.normal(),
    ),
  );

  const nFlip = Math.round(noise * nSamples);
  for (const i of rng.permutation(nSamples).slice(0, nFlip)) {
    // A shift of 1..K-1 always lands on another class.
    y[i] = ((y[i] as number) + rng.int(1, nClasses - 1)) % nClasses;
  }
  return { X, y, relevant };
}
