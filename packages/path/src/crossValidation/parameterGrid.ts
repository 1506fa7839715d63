import { describeValue } from '@lassonet/core';
import { ModelError } from '@lassonet/model';

/** Option names, each with the values to try. */
export type ParamGrid = Readonly<Record<string, readonly unknown[]>>;

/**
 * Every combination of a grid's values, as option objects: the first option varies slowest
 * (scikit-learn's ParameterGrid, without its sorting). A list of grids gives the union of their
 * combinations, in order.
 */
export function parameterGrid(grid: ParamGrid | readonly ParamGrid[]): Record<string, unknown>[] {
  const grids = Array.isArray(grid) ? (grid as readonly ParamGrid[]) : [grid as ParamGrid];
  if (grids.length === 0) throw new ModelError('INVALID_OPTION', 'paramGrid is empty.');
  return grids.flatMap((one) => {
    if (one === null || typeof one !== 'object' || Array.isArray(one)) {
      throw new ModelError(
        'INVALID_OPTION',
        `paramGrid must map option names to arrays of values, got ${describeValue(one)}.`,
      );
    }
    let combos: Record<string, unknown>[] = [{}];
    for (const [name, values] of Object.entries(one)) {
      if (!Array.isArray(values) || values.length === 0) {
        throw new ModelError(
          'INVALID_OPTION',
          `paramGrid.${name} must be a non-empty array of values to try, got ${describeValue(values)}.`,
        );
      }
      combos = combos.flatMap((combo) => values.map((value) => ({ ...combo, [name]: value })));
    }
    return combos;
  });
}
