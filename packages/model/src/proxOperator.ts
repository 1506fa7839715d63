import { type HierProxOperator, prepareHierProx } from '@lassonet/hier-prox';

/** Prepared Hier-Prox operators by owner (a network) and M: options and groups checked once. */
const operators = new WeakMap<object, Map<number, HierProxOperator>>();

/** The owner's Hier-Prox operator for these groups and this M, prepared on first use. */
export function hierProxOperator(
  owner: object,
  groups: readonly (readonly number[])[] | null,
  M: number,
): HierProxOperator {
  let byM = operators.get(owner);
  if (byM === undefined) {
    byM = new Map();
    operators.set(owner, byM);
  }
  let operator = byM.get(M);
  if (operator === undefined) {
    // M rarely changes during training; a caller that varies it freely keeps a few at most.
    if (byM.size >= 8) byM.clear();
    operator = prepareHierProx(groups === null ? { M } : { M, groups });
    byM.set(M, operator);
  }
  return operator;
}
