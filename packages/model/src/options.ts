import { ModelError } from './errors.js';

/** Rejects option names a function does not know, so a typo never goes unnoticed. */
export function rejectUnknown(options: object, known: readonly string[], where: string): void {
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new ModelError(
        'UNKNOWN_OPTION',
        `Unknown option '${key}' for ${where}. Known options: ${known.join(', ')}.`,
      );
    }
  }
}

/** Checks that `options` is a plain object (or undefined) before its keys are read. */
export function optionsObject<T extends object>(options: T | undefined, where: string): T {
  if (options === undefined) return {} as T;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new ModelError(
      'INVALID_OPTION',
      `${where} takes an options object, got ${Array.isArray(options) ? 'an array' : String(options)}.`,
    );
  }
  return options;
}

/** A finite number in [min, max] (bounds inclusive unless `open`). */
export function checkNumber(
  name: string,
  value: unknown,
  {
    min = -Infinity,
    max = Infinity,
    open = false,
  }: { min?: number; max?: number; open?: boolean } = {},
): number {
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (open ? value > min : value >= min) &&
    (open ? value < max : value <= max);
  if (!ok) {
    const lo = Number.isFinite(min) ? `${min} ${open ? '<' : '<='} ` : '';
    const hi = Number.isFinite(max) ? ` ${open ? '<' : '<='} ${max}` : '';
    throw new ModelError(
      'INVALID_OPTION',
      `${name} must be a finite number ${lo}${name}${hi}, got ${String(value)}.`,
    );
  }
  return value;
}

/** A positive integer. */
export function checkCount(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new ModelError(
      'INVALID_OPTION',
      `${name} must be a positive integer, got ${String(value)}.`,
    );
  }
  return value;
}
