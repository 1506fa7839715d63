import { expect } from 'vitest';
import { ModelError } from '../index.js';

/** The ModelError `fn` throws; fails when it throws nothing or something else. */
export function thrown(fn: () => unknown): ModelError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ModelError);
    return error as ModelError;
  }
  throw new Error('expected a ModelError, but nothing was thrown');
}

/** The ModelError the promise rejects with; fails when it resolves or rejects with something else. */
export async function rejection(p: Promise<unknown>): Promise<ModelError> {
  let caught: unknown;
  let settled = false;
  try {
    await p;
  } catch (error) {
    caught = error;
    settled = true;
  }
  if (!settled) throw new Error('expected a ModelError, but nothing was thrown');
  expect(caught).toBeInstanceOf(ModelError);
  return caught as ModelError;
}
