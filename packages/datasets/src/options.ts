// Option checks shared by the scalers, splits and generators: every bad value is reported
// with the function, the option name and the value it got.
import { DatasetError, rejectUnknownOptions } from './errors.js';

/** A short, readable rendering of any value for an error message. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `'${value}' (a string)`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) {
    const shown = value.slice(0, 5).map((v) => (Array.isArray(v) ? '[…]' : String(v)));
    return `[${shown.join(', ')}${value.length > 5 ? ', …' : ''}]`;
  }
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** The options object itself (`{}` when omitted), after rejecting non-objects and unknown names. */
export function readOptions<T extends object>(
  options: T | undefined,
  known: readonly (keyof T & string)[],
  where: string,
): T {
  if (options === undefined) return {} as T;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new DatasetError(
      'INVALID_OPTION',
      `${where}: options must be an object, got ${describeValue(options)}.`,
    );
  }
  rejectUnknownOptions(options, known, where);
  return options;
}

function bounds(min: number, max: number): string {
  if (min === -Infinity && max === Infinity) return '';
  if (max === Infinity) return ` >= ${min}`;
  if (min === -Infinity) return ` <= ${max}`;
  return ` in [${min}, ${max}]`;
}

/** An integer option in [min, max]; `undefined` means the default. */
export function integerOption(
  where: string,
  name: string,
  value: unknown,
  fallback: number,
  min = -Infinity,
  max = Infinity,
): number {
  const v = value === undefined ? fallback : value;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max) {
    throw new DatasetError(
      'INVALID_OPTION',
      `${where}: ${name} must be an integer${bounds(min, max)}, got ${describeValue(v)}.`,
    );
  }
  return v;
}

/** A finite number option in [min, max]; `undefined` means the default. */
export function numberOption(
  where: string,
  name: string,
  value: unknown,
  fallback: number,
  min = -Infinity,
  max = Infinity,
): number {
  const v = value === undefined ? fallback : value;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
    throw new DatasetError(
      'INVALID_OPTION',
      `${where}: ${name} must be a finite number${bounds(min, max)}, got ${describeValue(v)}.`,
    );
  }
  return v;
}

/** A boolean option; `undefined` means the default. */
export function booleanOption(
  where: string,
  name: string,
  value: unknown,
  fallback: boolean,
): boolean {
  const v = value === undefined ? fallback : value;
  if (typeof v !== 'boolean') {
    throw new DatasetError(
      'INVALID_OPTION',
      `${where}: ${name} must be true or false, got ${describeValue(v)}.`,
    );
  }
  return v;
}

/** A seed for `Random`: any safe integer; `undefined` means 0. */
export function seedOption(where: string, value: unknown): number {
  return integerOption(where, 'seed', value, 0);
}
