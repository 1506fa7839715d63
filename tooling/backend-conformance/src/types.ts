import type { tf } from '@lassonet/backend';
import type { TensorData } from './tensorData.js';

/** The tfjs namespace a case computes with: the real one, or a deliberately broken copy. */
export type TF = typeof tf;

/** One output of a case: what the backend computed beside the float64 reference. */
export interface CaseResult {
  /** Which variant this is, for example 'row vector [1, 23]'. */
  readonly label: string;
  readonly actual: TensorData;
  readonly expected: TensorData;
}

export interface CaseOutput {
  readonly results: readonly CaseResult[];
}

/** One conformance check: runs an operation on the active backend and returns its results. */
export interface ConformanceCase {
  readonly name: string;
  /** Must dispose every tensor it creates. */
  run(tf: TF): Promise<CaseOutput>;
}
