import { ModelError } from '../errors.js';

// Input checks shared by the Cox loss and the concordance index. Every message starts with the
// function it came from and names the argument, the row and the value, so a bad row in a large
// data set can be found without a debugger.

/** Formats a value for a message: strings quoted, everything else as String() shows it. */
function show(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { length?: unknown }).length === 'number'
  );
}

/** Each argument is array-like, all have one length, and that length is not 0. Returns it. */
export function checkLengths(
  where: string,
  args: readonly (readonly [name: string, values: unknown])[],
): number {
  for (const [name, values] of args) {
    if (!isArrayLike(values)) {
      throw new ModelError(
        'SHAPE_MISMATCH',
        `${where}: ${name} must be an array of numbers, got ${show(values)}.`,
      );
    }
  }
  const lengths = args.map(([, values]) => (values as ArrayLike<unknown>).length);
  const n = lengths[0] ?? 0;
  if (lengths.some((length) => length !== n)) {
    const parts = args.map(([name], i) => `${name} has ${lengths[i]}`);
    throw new ModelError(
      'SHAPE_MISMATCH',
      `${where}: ${args.map(([name]) => name).join(', ')} must have the same length, but ${parts.join(', ')}.`,
    );
  }
  if (n === 0) {
    throw new ModelError(
      'EMPTY',
      `${where}: ${args.map(([name]) => name).join(', ')} are empty; at least one row is needed.`,
    );
  }
  return n;
}

/** Every value is a finite number (a model's output: log-hazards, risks). */
export function checkFinite(where: string, name: string, values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    // typeof guards against strings and the like slipping in from untyped callers.
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new ModelError(
        'NON_FINITE',
        `${where}: ${name}[${i}] is ${show(v)}; it must be finite.`,
      );
    }
  }
}

/**
 * Survival targets: durations finite and >= 0, events exactly 0 (censored) or 1 (event). The
 * lengths are assumed to be checked already (checkLengths).
 */
export function checkSurvivalTargets(
  where: string,
  durations: ArrayLike<number>,
  events: ArrayLike<number>,
  names: { durations: string; events: string } = { durations: 'durations', events: 'events' },
): void {
  checkFinite(where, names.durations, durations);
  for (let i = 0; i < durations.length; i++) {
    const t = durations[i] as number;
    if (t < 0) {
      throw new ModelError(
        'INVALID_SURVIVAL',
        `${where}: ${names.durations}[${i}] is ${t}; it must be >= 0.`,
      );
    }
  }
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (e !== 0 && e !== 1) {
      throw new ModelError(
        'INVALID_SURVIVAL',
        `${where}: ${names.events}[${i}] is ${show(e)}; it must be 0 (censored) or 1 (event).`,
      );
    }
  }
}
