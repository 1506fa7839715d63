import * as v from 'valibot';

const SEED = 'must be an integer with |seed| < 2^53';

/** The `seed` option of every seeded function: default 0, any integer `Random` takes. */
export function seedOption() {
  return v.optional(
    v.pipe(
      v.number(SEED),
      v.check((x) => Number.isSafeInteger(x), SEED),
    ),
    0,
  );
}
