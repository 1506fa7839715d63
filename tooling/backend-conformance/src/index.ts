// The shared backend conformance suite: one set of cases, run by every adapter package
// (the way tfjs runs one op suite on all of its backends).
export { cases } from './cases/index.js';
export { type Comparison, compare, type Tolerance } from './check.js';
export { type CaseVerdict, checkCase } from './checkCase.js';
export { describeConformance } from './describeConformance.js';
export * from './inputs.js';
export { at, column, fromFunction, type Matrix, matrix, row } from './matrix.js';
export { Random } from './random.js';
export * as reference from './reference.js';
export { expectSmallMatMul } from './smoke.js';
export { fromMatrix, fromScalar, fromVector, read, type TensorData } from './tensorData.js';
export type { CaseOutput, CaseResult, ConformanceCase, TF } from './types.js';
