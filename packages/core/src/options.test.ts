import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { LassoNetError } from './errors.js';
import { nearestName } from './nearestName.js';
import { booleanOption, choiceOption, numberOption, parseOptions } from './options.js';

class ToyError extends LassoNetError<'INVALID_OPTION' | 'UNKNOWN_OPTION'> {}

const schema = v.strictObject({
  hiddenDims: v.optional(v.array(numberOption({ integer: true, min: 1 })), () => [100]),
  dropout: v.optional(numberOption({ min: 0, below: 1 }), 0),
  backtrack: v.optional(booleanOption(), false),
  mode: v.optional(choiceOption(['fast', 'exact']), 'fast'),
  optimizer: v.optional(
    v.variant('name', [
      v.strictObject({ name: v.literal('sgd'), momentum: v.optional(numberOption({ min: 0 })) }),
      v.strictObject({ name: v.literal('adam'), beta1: v.optional(numberOption({ min: 0 })) }),
    ]),
  ),
});

function failure(input: unknown): ToyError {
  try {
    parseOptions(schema, input, 'Toy', ToyError);
  } catch (error) {
    expect(error).toBeInstanceOf(ToyError);
    return error as ToyError;
  }
  throw new Error('expected a failure');
}

describe('parseOptions', () => {
  it('fills in defaults and keeps given values', () => {
    expect(parseOptions(schema, undefined, 'Toy')).toEqual({
      hiddenDims: [100],
      dropout: 0,
      backtrack: false,
      mode: 'fast',
    });
    expect(parseOptions(schema, { dropout: 0.5, hiddenDims: [3, 2] }, 'Toy')).toMatchObject({
      dropout: 0.5,
      hiddenDims: [3, 2],
    });
  });

  it('names an unknown key and suggests the nearest valid one', () => {
    const error = failure({ hidden_dims: [10] });
    expect(error.code).toBe('UNKNOWN_OPTION');
    expect(error.message).toBe(
      "Unknown option 'hidden_dims' for Toy (did you mean 'hiddenDims'?). Known options: hiddenDims, dropout, backtrack, mode, optimizer.",
    );
    expect(failure({ dropuot: 0.1 }).message).toContain("did you mean 'dropout'");
    expect(failure({ zzz: 1 }).message).not.toContain('did you mean');
  });

  it("offers a variant branch's own keys for a nested unknown key", () => {
    const error = failure({ optimizer: { name: 'adam', momentum: 0.9 } });
    expect(error.code).toBe('UNKNOWN_OPTION');
    expect(error.message).toBe(
      "Unknown option 'momentum' in optimizer for Toy. Known options: name, beta1.",
    );
  });

  it('says what a bad value must be, with its path and the value given', () => {
    expect(failure({ dropout: 1 }).message).toBe('Toy: dropout must be a number in [0, 1), got 1.');
    expect(failure({ hiddenDims: [10, 0] }).message).toBe(
      'Toy: hiddenDims[1] must be an integer >= 1, got 0.',
    );
    expect(failure({ backtrack: 'yes' }).message).toBe(
      "Toy: backtrack must be true or false, got 'yes'.",
    );
    expect(failure({ mode: 'slow' }).message).toBe(
      "Toy: mode must be one of 'fast', 'exact', got 'slow'.",
    );
    expect(failure({ dropout: Number.NaN }).code).toBe('INVALID_OPTION');
    expect(failure([1]).message).toBe('The options of Toy must be an object, got [1].');
  });
});

describe('nearestName', () => {
  it('matches case, underscores and small typos only', () => {
    expect(nearestName('hidden_dims', ['hiddenDims', 'M'])).toBe('hiddenDims');
    expect(nearestName('lamda', ['lambda', 'M'])).toBe('lambda');
    expect(nearestName('pathMultipiler', ['pathMultiplier'])).toBe('pathMultiplier');
    expect(nearestName('x', ['lambda', 'M'])).toBeUndefined();
  });
});

describe('parseOptions codes', () => {
  it('gives a named option its own code for a bad value', () => {
    const s = v.strictObject({ groups: v.optional(v.array(v.array(v.number())), undefined) });
    try {
      parseOptions(s, { groups: [1] }, 'Toy', ToyError, { groups: 'INVALID_GROUPS' });
      expect.unreachable();
    } catch (error) {
      expect((error as ToyError).code).toBe('INVALID_GROUPS');
    }
  });
});

/**
 * The message of Toy's error for `input`, with one option `key` that is an `item` or a pair of
 * them ('' when the input is valid).
 */
function onePairMessage(key: string, item: v.GenericSchema, unionMessage: string) {
  const s = v.strictObject({
    [key]: v.optional(v.union([item, v.strictTuple([item, item])], unionMessage)),
  });
  return (input: unknown): string => {
    try {
      parseOptions(s, input, 'Toy');
    } catch (error) {
      return (error as Error).message;
    }
    return '';
  };
}

describe('parseOptions with unions', () => {
  const int = numberOption({ integer: true, min: 0 });
  const message = onePairMessage('nIters', int, 'must be one value or a [dense, path] pair');

  it("reports the pair's bad item, or the union's own message", () => {
    expect(message({ nIters: [10, 0.5] })).toBe('Toy: nIters[1] must be an integer >= 0, got 0.5.');
    expect(message({ nIters: [1, 2, 3] })).toBe(
      'Toy: nIters must be one value or a [dense, path] pair, got [1, 2, 3].',
    );
    expect(message({ nIters: -1 })).toBe('Toy: nIters must be an integer >= 0, got -1.');
  });
});

describe('parseOptions with a required option', () => {
  it('says which option is missing', () => {
    const s = v.strictObject({ nFeatures: numberOption({ integer: true, min: 1 }) });
    expect(() => parseOptions(s, {}, 'LassoNet')).toThrow(/^LassoNet needs nFeatures\.$/);
  });
});

describe('describeValue and empty schemas', () => {
  it('keeps NaN visible in arrays and says when nothing is accepted', () => {
    const s = v.strictObject({ range: v.optional(v.array(numberOption())) });
    expect(() => parseOptions(s, { range: [0, Number.NaN] }, 'f')).toThrow(
      'f: range[1] must be a finite number, got NaN.',
    );
    expect(() => parseOptions(v.strictObject({}), { a: 1 }, 'g')).toThrow(
      "Unknown option 'a' for g: it takes no options.",
    );
    expect(() => parseOptions(s, { range: [2 ** 60] }, 'f')).not.toThrow();
    const seed = v.strictObject({ seed: numberOption({ integer: true }) });
    expect(() => parseOptions(seed, { seed: 2 ** 60 }, 'f')).toThrow(/must be an integer/);
  });
});

describe('parseOptions with nested unions', () => {
  const item = v.union(
    [v.null(), numberOption({ integer: true, min: 1 })],
    'must be an integer >= 1 or null',
  );
  const message = onePairMessage('patience', item, 'must be one value or a pair');

  it("reports the single value's own rule, or the pair's bad item", () => {
    expect(message({ patience: 0 })).toBe('Toy: patience must be an integer >= 1, got 0.');
    expect(message({ patience: [5, -1] })).toBe(
      'Toy: patience[1] must be an integer >= 1, got -1.',
    );
    expect(message({ patience: 'x' })).toMatch(/^Toy: patience must be/);
  });
});
