import { numberOption, type OptionSchema, type OptionsInput, parseOptions } from '@lassonet/core';
import * as v from 'valibot';
import { PlotError } from '../errors.js';

/** What a chart's size in pixels may be. */
export const PIXELS = { integer: true, min: 100, max: 10000 } as const;

/** A size in pixels. */
export const pixelsOption = numberOption(PIXELS);

/** A chart title. */
export const titleOption = v.string('must be a string');

/** The options every chart takes; each chart's schema adds its own, and its defaults. */
export const chartSchema = v.strictObject({
  /** Chart title. Each chart has a default. */
  title: v.optional(titleOption),
  /** Size of the whole figure in pixels (approximately; `toPNG({ width, height })` is exact). */
  width: v.optional(pixelsOption),
  height: v.optional(pixelsOption),
});

/** Options every chart takes. */
export type ChartOptions = OptionsInput<typeof chartSchema>;

/** A chart's options, checked against its schema and with its defaults; bad ones throw PlotError. */
export function chartOptions<S extends OptionSchema>(
  schema: S,
  options: unknown,
  where: string,
): v.InferOutput<S> {
  return parseOptions(schema, options, where, PlotError);
}

/** A score's name, for axis titles. */
export const scoreNameOption = v.pipe(
  v.string('must be a non-empty string'),
  v.nonEmpty('must be a non-empty string'),
);

/** A non-empty array, or a clear error naming it. */
export function nonEmpty<T>(value: unknown, name: string, where: string): readonly T[] {
  if (!Array.isArray(value)) {
    throw new PlotError('EMPTY_DATA', `${where}: ${name} must be an array, got ${typeof value}.`);
  }
  if (value.length === 0) {
    throw new PlotError('EMPTY_DATA', `${where}: ${name} is empty; there is nothing to plot.`);
  }
  return value as readonly T[];
}

export function sameLength(
  a: readonly unknown[],
  aName: string,
  b: readonly unknown[],
  bName: string,
  where: string,
): void {
  if (a.length !== b.length) {
    throw new PlotError(
      'SHAPE_MISMATCH',
      `${where}: ${aName} has ${a.length} entries but ${bName} has ${b.length}; they must match one to one.`,
    );
  }
}

/** A finite number, or a clear error naming where it sits. */
export function finite(value: unknown, name: string, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new PlotError(
      'NON_FINITE',
      `${where}: ${name} is ${String(value)}; every value must be a finite number.`,
    );
  }
  return value;
}
