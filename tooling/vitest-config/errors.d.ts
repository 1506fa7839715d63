/** A class of errors with a string `code`, such as a LassoNetError subclass. */
export type CodedErrorClass<E extends Error & { code: string }> = abstract new (
  ...args: never[]
) => E;

export declare function thrown<E extends Error>(
  ErrorClass: abstract new (...args: never[]) => E,
  fn: () => unknown,
): E;

export declare function rejection<E extends Error>(
  ErrorClass: abstract new (...args: never[]) => E,
  promise: Promise<unknown>,
): Promise<E>;

export declare function expectErrorOf<E extends Error & { code: string }>(
  ErrorClass: CodedErrorClass<E>,
): (run: () => unknown, code: E['code'], message: RegExp) => void;

export declare function expectErrorClass<Code extends string, E extends Error & { code: Code }>(
  ErrorClass: new (code: Code, message: string, options?: { cause?: unknown }) => E,
  code: NoInfer<Code>,
  lassoNet: {
    /** LassoNetError. */
    base: abstract new (
      ...args: never[]
    ) => Error;
    /** isLassoNetError. */
    isBase: (error: unknown) => boolean;
  },
): E;
