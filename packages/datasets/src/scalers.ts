import { describeValue, type OptionsInput, parseOptions } from '@lassonet/core';
import * as v from 'valibot';
import { DatasetError } from './errors.js';
import { checkMatrix, type Matrix } from './matrix.js';

/** A fitted `StandardScaler`, as plain data. */
export interface StandardScalerParams {
  kind: 'StandardScaler';
  /** Column means. */
  mean: number[];
  /** Column standard deviations (population, ddof 0); 1 for a constant column. */
  scale: number[];
}

/** A fitted `MinMaxScaler`, as plain data. */
export interface MinMaxScalerParams {
  kind: 'MinMaxScaler';
  /** Column minima seen in fit. */
  min: number[];
  /** Column maxima seen in fit. */
  max: number[];
  /** The target interval [lo, hi]. */
  range: [number, number];
}

const standardScalerSchema = v.strictObject({});

/**
 * `StandardScaler` takes no options; the parameter exists so a typo is reported. (The schema's
 * own type, `{}`, would accept any object; the record type lets TypeScript catch a typo too.)
 */
export type StandardScalerOptions = OptionsInput<typeof standardScalerSchema> &
  Readonly<Record<string, never>>;

const isRange = (value: unknown): value is readonly [number, number] =>
  Array.isArray(value) &&
  value.length === 2 &&
  Number.isFinite(value[0]) &&
  Number.isFinite(value[1]) &&
  value[0] < value[1];

const rangeOption = v.custom<readonly [number, number]>(
  isRange,
  'must be [lo, hi] with finite lo < hi',
);

const minMaxScalerSchema = v.strictObject({
  /** Target interval [lo, hi] with lo < hi. Default [0, 1]. */
  range: v.optional(rangeOption, [0, 1]),
});

export type MinMaxScalerOptions = OptionsInput<typeof minMaxScalerSchema>;

function checkColumns(X: Matrix, nFeatures: number, where: string): void {
  const { nCols } = checkMatrix(X);
  if (nCols !== nFeatures) {
    throw new DatasetError(
      'SHAPE_MISMATCH',
      `${where}: X has ${nCols} columns, but the scaler was fitted on ${nFeatures}.`,
    );
  }
}

function notFitted(where: string): DatasetError {
  return new DatasetError('NOT_FITTED', `${where}: call fit(X) first.`);
}

/** Applies `f(value, column)` to every entry, returning new rows. */
function mapEntries(X: Matrix, f: (v: number, j: number) => number): number[][] {
  return X.map((row) => row.map(f));
}

function checkParamArrays(where: string, arrays: Readonly<Record<string, unknown>>): number {
  let length: number | undefined;
  let first = '';
  for (const [name, value] of Object.entries(arrays)) {
    if (!Array.isArray(value) || value.length === 0) {
      throw new DatasetError(
        'INVALID_OPTION',
        `${where}: ${name} must be a non-empty array of numbers, got ${describeValue(value)}.`,
      );
    }
    if (length === undefined) {
      length = value.length;
      first = name;
    } else if (value.length !== length) {
      throw new DatasetError(
        'SHAPE_MISMATCH',
        `${where}: ${name} has ${value.length} values, ${first} has ${length}.`,
      );
    }
    value.forEach((v: unknown, j) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new DatasetError(
          'NON_FINITE',
          `${where}: ${name}[${j}] is ${describeValue(v)}; it must be a finite number.`,
        );
      }
    });
  }
  return length ?? 0;
}

function checkKind(where: string, kind: unknown, expected: string): void {
  if (kind !== expected) {
    throw new DatasetError(
      'INVALID_OPTION',
      `${where}: kind must be '${expected}', got ${describeValue(kind)}.`,
    );
  }
}

/** Centres each column to mean 0 and scales it to standard deviation 1. */
export class StandardScaler {
  private fitted: { mean: number[]; scale: number[] } | undefined;

  constructor(options: StandardScalerOptions = {}) {
    // With no option to suggest, any name gets this message rather than an empty list.
    const [extra] = options !== null && typeof options === 'object' ? Object.keys(options) : [];
    if (extra !== undefined) {
      throw new DatasetError(
        'UNKNOWN_OPTION',
        `Unknown option '${extra}' for StandardScaler: it takes no options.`,
      );
    }
    parseOptions(standardScalerSchema, options, 'StandardScaler', DatasetError);
  }

  /** Learns each column's mean and population standard deviation. */
  fit(X: Matrix): this {
    const { nRows, nCols } = checkMatrix(X);
    const mean: number[] = [];
    const scale: number[] = [];
    for (let j = 0; j < nCols; j++) {
      const first = (X[0] as readonly number[])[j] as number;
      let sum = 0;
      let constant = true;
      for (const row of X) {
        const v = row[j] as number;
        sum += v;
        if (v !== first) constant = false;
      }
      // A constant column: exact mean (a summed mean can be off by an ulp) and scale 1, so
      // its values map to exactly 0 rather than to noise or NaN.
      if (constant) {
        mean.push(first);
        scale.push(1);
        continue;
      }
      const m = sum / nRows;
      // Two passes: summing squared deviations is more accurate than E[x^2] - E[x]^2.
      let ss = 0;
      for (const row of X) {
        const d = (row[j] as number) - m;
        ss += d * d;
      }
      const sd = Math.sqrt(ss / nRows);
      mean.push(m);
      scale.push(sd > 0 ? sd : 1);
    }
    this.fitted = { mean, scale };
    return this;
  }

  /** (x - mean) / scale, column by column, as new rows. */
  transform(X: Matrix): number[][] {
    const p = this.require('StandardScaler.transform');
    checkColumns(X, p.mean.length, 'StandardScaler.transform');
    return mapEntries(X, (v, j) => (v - (p.mean[j] as number)) / (p.scale[j] as number));
  }

  fitTransform(X: Matrix): number[][] {
    return this.fit(X).transform(X);
  }

  /** x * scale + mean: undoes `transform`. */
  inverseTransform(X: Matrix): number[][] {
    const p = this.require('StandardScaler.inverseTransform');
    checkColumns(X, p.mean.length, 'StandardScaler.inverseTransform');
    return mapEntries(X, (v, j) => v * (p.scale[j] as number) + (p.mean[j] as number));
  }

  toJSON(): StandardScalerParams {
    const p = this.require('StandardScaler.toJSON');
    return { kind: 'StandardScaler', mean: [...p.mean], scale: [...p.scale] };
  }

  /** A fitted scaler from `toJSON()` output. */
  static fromJSON(params: StandardScalerParams): StandardScaler {
    const where = 'StandardScaler.fromJSON';
    checkKind(where, params?.kind, 'StandardScaler');
    checkParamArrays(where, { mean: params.mean, scale: params.scale });
    params.scale.forEach((s, j) => {
      if (!(s > 0)) {
        throw new DatasetError('INVALID_OPTION', `${where}: scale[${j}] must be > 0, got ${s}.`);
      }
    });
    const scaler = new StandardScaler();
    scaler.fitted = { mean: [...params.mean], scale: [...params.scale] };
    return scaler;
  }

  private require(where: string): { mean: number[]; scale: number[] } {
    if (this.fitted === undefined) throw notFitted(where);
    return this.fitted;
  }
}

/**
 * Maps each column linearly so its fitted minimum goes to `range[0]` and maximum to
 * `range[1]`. New data outside the fitted span lands outside `range` (no clipping, as
 * scikit-learn's default).
 */
export class MinMaxScaler {
  private readonly range: [number, number];
  private fitted: { min: number[]; max: number[] } | undefined;

  constructor(options?: MinMaxScalerOptions) {
    const { range } = parseOptions(minMaxScalerSchema, options, 'MinMaxScaler', DatasetError);
    this.range = [range[0], range[1]];
  }

  /** Learns each column's minimum and maximum. */
  fit(X: Matrix): this {
    const { nCols } = checkMatrix(X);
    const min: number[] = [];
    const max: number[] = [];
    for (let j = 0; j < nCols; j++) {
      let lo = Infinity;
      let hi = -Infinity;
      for (const row of X) {
        const v = row[j] as number;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      min.push(lo);
      max.push(hi);
    }
    this.fitted = { min, max };
    return this;
  }

  /** lo + (x - min) * (hi - lo) / (max - min), column by column, as new rows. */
  transform(X: Matrix): number[][] {
    const p = this.require('MinMaxScaler.transform');
    checkColumns(X, p.min.length, 'MinMaxScaler.transform');
    const scale = this.scales(p);
    const lo = this.range[0];
    return mapEntries(X, (v, j) => lo + (v - (p.min[j] as number)) * (scale[j] as number));
  }

  fitTransform(X: Matrix): number[][] {
    return this.fit(X).transform(X);
  }

  /** Undoes `transform` (a constant column comes back as its fitted value). */
  inverseTransform(X: Matrix): number[][] {
    const p = this.require('MinMaxScaler.inverseTransform');
    checkColumns(X, p.min.length, 'MinMaxScaler.inverseTransform');
    const scale = this.scales(p);
    const lo = this.range[0];
    return mapEntries(X, (v, j) => (p.min[j] as number) + (v - lo) / (scale[j] as number));
  }

  toJSON(): MinMaxScalerParams {
    const p = this.require('MinMaxScaler.toJSON');
    return { kind: 'MinMaxScaler', min: [...p.min], max: [...p.max], range: [...this.range] };
  }

  /** A fitted scaler from `toJSON()` output. */
  static fromJSON(params: MinMaxScalerParams): MinMaxScaler {
    const where = 'MinMaxScaler.fromJSON';
    checkKind(where, params?.kind, 'MinMaxScaler');
    checkParamArrays(where, { min: params.min, max: params.max });
    params.min.forEach((lo, j) => {
      const hi = params.max[j] as number;
      if (lo > hi) {
        throw new DatasetError(
          'INVALID_OPTION',
          `${where}: min[${j}] = ${lo} is greater than max[${j}] = ${hi}.`,
        );
      }
    });
    const { range } = parseOptions(v.object({ range: rangeOption }), params, where, DatasetError);
    const scaler = new MinMaxScaler({ range });
    scaler.fitted = { min: [...params.min], max: [...params.max] };
    return scaler;
  }

  // A constant column counts as span 1 (as scikit-learn), so its training values map to lo.
  private scales(p: { min: number[]; max: number[] }): number[] {
    const width = this.range[1] - this.range[0];
    return p.min.map((lo, j) => {
      const span = (p.max[j] as number) - lo;
      return width / (span > 0 ? span : 1);
    });
  }

  private require(where: string): { min: number[]; max: number[] } {
    if (this.fitted === undefined) throw notFitted(where);
    return this.fitted;
  }
}
