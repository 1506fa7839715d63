import { type OptionSchema, parseOptions } from '@lassonet/core';
import type * as v from 'valibot';
import { ModelError, type ModelErrorCode } from './errors.js';

/**
 * Validates options against their schema, once, where they enter the package; errors are
 * ModelErrors. `codes` gives an option its own code for a bad value (groups: INVALID_GROUPS).
 */
export function parseModelOptions<S extends OptionSchema>(
  schema: S,
  input: unknown,
  where: string,
  codes: Readonly<Partial<Record<string, ModelErrorCode>>> = {},
): v.InferOutput<S> {
  return parseOptions(schema, input, where, ModelError, codes as Record<string, string>);
}
