import { expect } from 'vitest';
import { ModelError } from '../errors.js';

/** The ModelError `fn` throws; fails the test when it throws nothing or something else. */
export function thrown(fn: () => unknown): ModelError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ModelError);
    return error as ModelError;
  }
  throw new Error('expected a ModelError, but nothing was thrown');
}
