import { expect } from 'vitest';

/** The error of class `ErrorClass` that `fn` throws; fails when it throws nothing or something else. */
export function thrown(ErrorClass, fn) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ErrorClass);
    return error;
  }
  throw new Error(`expected a ${ErrorClass.name}, but nothing was thrown`);
}

/** The error of class `ErrorClass` the promise rejects with; fails when it resolves or rejects with something else. */
export async function rejection(ErrorClass, promise) {
  let caught;
  let settled = false;
  try {
    await promise;
  } catch (error) {
    caught = error;
    settled = true;
  }
  if (!settled) throw new Error(`expected a ${ErrorClass.name}, but nothing was thrown`);
  expect(caught).toBeInstanceOf(ErrorClass);
  return caught;
}

/**
 * An assertion that `run` throws an `ErrorClass` with `code` and a message matching `message`:
 * `const expectError = expectErrorOf(ModelError)`.
 */
export function expectErrorOf(ErrorClass) {
  return (run, code, message) => {
    let caught;
    try {
      run();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ErrorClass);
    expect(caught.code).toBe(code);
    expect(caught.message).toMatch(message);
  };
}

/**
 * Checks what every package's error class promises: it is a LassoNetError (by class and by
 * `isLassoNetError`), named after its class, with the code and cause it was made with. The
 * base class and predicate are passed in because this package sits below @lassonet/core.
 */
export function expectErrorClass(ErrorClass, code, { base, isBase }) {
  const cause = new Error('inner');
  const error = new ErrorClass(code, 'Message.', { cause });
  expect(error).toBeInstanceOf(base);
  expect(isBase(error)).toBe(true);
  expect(error.name).toBe(ErrorClass.name);
  expect(error.code).toBe(code);
  expect(error.cause).toBe(cause);
  return error;
}
