import { expect } from 'vitest';
import { DatasetError, type DatasetErrorCode } from '../errors.js';

/** Asserts that `f` throws a DatasetError with `code` whose message contains every fragment. */
export function expectDatasetError(
  f: () => unknown,
  code: DatasetErrorCode,
  ...fragments: string[]
): void {
  let caught: unknown;
  try {
    f();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected a DatasetError').toBeInstanceOf(DatasetError);
  const error = caught as DatasetError;
  expect(error.code, error.message).toBe(code);
  for (const fragment of fragments) expect(error.message).toContain(fragment);
}
