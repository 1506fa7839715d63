import type { LassoNetOptions } from '../options.js';

/**
 * Small and coarse settings for tests: a tiny network, Adam at 1e-2 for the dense model (it
 * converges in few epochs), few epochs per lambda and large lambda steps.
 */
export const SMALL: LassoNetOptions = {
  hiddenDims: [8],
  nIters: [100, 10],
  patience: [5, 3],
  pathMultiplier: 1.1,
  optimizer: [
    { name: 'adam', learningRate: 1e-2 },
    { name: 'sgd', learningRate: 1e-3, momentum: 0.9 },
  ],
};
