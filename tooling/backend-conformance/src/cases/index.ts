import type { ConformanceCase } from '../types.js';
import { binaryCases } from './binary.js';
import { comparisonCases } from './comparison.js';
import { cumsumCases } from './cumsum.js';
import { gatherCase } from './gather.js';
import { indexCases } from './indices.js';
import { matMulCases } from './matMul.js';
import { reductionCases } from './reductions.js';
import { shapeCases } from './shape.js';
import { softmaxCases } from './softmax.js';
import { topkCase } from './topk.js';
import { unaryCases } from './unary.js';
import { variableCase } from './variable.js';

/** Every conformance case, in the order they are reported. */
export const cases: readonly ConformanceCase[] = [
  ...matMulCases,
  ...binaryCases,
  ...unaryCases,
  ...reductionCases,
  ...softmaxCases,
  topkCase,
  gatherCase,
  ...cumsumCases,
  ...comparisonCases,
  ...shapeCases,
  ...indexCases,
  variableCase,
];
