import { type OptionsInput, parseOptions } from '@lassonet/core';
import * as v from 'valibot';
import { DatasetError } from '../errors.js';
import { MinMaxScaler, type MinMaxScalerParams } from '../scalers.js';
import { seedOption } from '../seed.js';
import { type TrainTestSplit, testSizeOption, trainTestSplit } from '../split.js';
import type { LoadedMice, MiceSource } from './loadMice.js';
import type { MiceData } from './parseMice.js';

const miceSplitSchema = v.strictObject({
  /** Seeds the shuffle. Default 0. */
  seed: seedOption(),
  /** Fraction (or count) of rows held out. Default 0.2. */
  testSize: testSizeOption,
});

export type MiceSplitOptions = OptionsInput<typeof miceSplitSchema>;

/** A train/test split of the file's rows (trainIndex and testIndex number them), scaled. */
export interface MiceSplit extends TrainTestSplit<number> {
  featureNames: string[];
  classNames: string[];
  /** The min-max scaler, fitted on the training rows and applied to both parts. */
  scaler: MinMaxScalerParams;
}

/**
 * The seed demo's protocol on loaded MICE data: shuffle (seeded), hold out 20%, and scale every
 * column to [0, 1] with minima and maxima of the training rows only (test values may fall
 * slightly outside).
 */
export function miceSplit(data: MiceData, options?: MiceSplitOptions): MiceSplit {
  const { seed, testSize } = parseOptions(miceSplitSchema, options, 'miceSplit', DatasetError);
  const split = trainTestSplit(data.X, data.y, { seed, testSize });
  const scaler = new MinMaxScaler().fit(split.XTrain);
  return {
    ...split,
    XTrain: scaler.transform(split.XTrain),
    XTest: scaler.transform(split.XTest),
    featureNames: data.featureNames,
    classNames: data.classNames,
    scaler: scaler.toJSON(),
  };
}

/**
 * A one-call `loadMiceSplit(options)` for a loader: loads the data, then applies `miceSplit`.
 * `seed` and `testSize` go to the split, every other option to the loader.
 */
export function withMiceSplit<O extends object>(
  load: (options: O) => Promise<LoadedMice>,
): (options?: O & MiceSplitOptions) => Promise<MiceSplit & { source: MiceSource }> {
  return async (options = {} as O & MiceSplitOptions) => {
    const { seed, testSize, ...loadOptions } = options;
    // Checked before loading, which may download.
    const split = parseOptions(miceSplitSchema, { seed, testSize }, 'loadMiceSplit', DatasetError);
    const data = await load(loadOptions as O);
    return { ...miceSplit(data, split), source: data.source };
  };
}
