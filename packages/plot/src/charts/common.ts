import { PlotError } from '../errors.js';

/** Options every chart takes. */
export interface ChartOptions {
  /** Chart title. Each chart has a default. */
  title?: string;
  /** Size of the whole figure in pixels (approximately; `toPNG({ width, height })` is exact). */
  width?: number;
  height?: number;
}

export const CHART_OPTIONS = ['title', 'width', 'height'] as const;

export function checkOptions(options: object, known: readonly string[], where: string): void {
  if (options === null || typeof options !== 'object') {
    throw new PlotError('INVALID_OPTION', `${where}: options must be an object.`);
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new PlotError(
        'UNKNOWN_OPTION',
        `Unknown option '${key}' for ${where}. Known options: ${known.join(', ')}.`,
      );
    }
  }
}

export function sizeOption(value: unknown, name: string, fallback: number, where: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 100 || value > 10000) {
    throw new PlotError(
      'INVALID_OPTION',
      `${where}: ${name} must be an integer number of pixels in [100, 10000], got ${String(value)}.`,
    );
  }
  return value;
}

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

export function titleOption(value: unknown, fallback: string, where: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string') {
    throw new PlotError('INVALID_OPTION', `${where}: title must be a string.`);
  }
  return value;
}
