import { type Comparison, compare, type Tolerance } from './check.js';
import type { CaseOutput } from './types.js';

export interface CaseVerdict {
  ok: boolean;
  /** One line per result, failures first. */
  message: string;
  comparisons: readonly (Comparison & { label: string })[];
}

/**
 * Compares every result of a case. Float results use the tolerance; int32 and bool results
 * (indices, masks, comparisons) must match exactly, since any difference there is a bug.
 */
export function checkCase(output: CaseOutput, tolerance: Tolerance = {}): CaseVerdict {
  const comparisons = output.results.map(({ label, actual, expected }) => {
    const exact = expected.dtype === 'int32' || expected.dtype === 'bool';
    return { label, ...compare(actual, expected, exact ? { rtol: 0, atol: 0 } : tolerance) };
  });
  const failed = comparisons.filter((c) => !c.ok);
  const lines = [...failed, ...comparisons.filter((c) => c.ok)].map(
    (c) => `${c.ok ? 'ok' : 'FAILED'} ${c.label}: ${c.message}`,
  );
  return {
    ok: comparisons.length > 0 && failed.length === 0,
    message: lines.join('\n'),
    comparisons,
  };
}
