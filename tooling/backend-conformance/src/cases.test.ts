// What can be checked about the cases without a backend: they exist, and they can be told apart.
import { describe, expect, it } from 'vitest';
import { cases } from './cases/index.js';

describe('cases', () => {
  it('have unique names', () => {
    const names = cases.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('cover the operations the compute packages use', () => {
    const names = new Set(cases.map((c) => c.name));
    for (const op of [
      'matMul',
      'matMul transposeA',
      'matMul transposeB',
      'matMul transposeA transposeB',
      'add',
      'sub',
      'mul',
      'div',
      'neg',
      'abs',
      'sqrt',
      'square',
      'exp',
      'log',
      'relu',
      'maximum',
      'minimum',
      'sign',
      'clipByValue',
      'sum',
      'mean',
      'max',
      'min',
      'norm euclidean',
      'softmax',
      'logSoftmax',
      'topk',
      'gather',
      'cumsum axis 0',
      'cumsum axis 1',
      'greater',
      'greaterEqual',
      'less',
      'equal',
      'where',
      'transpose',
      'concat',
      'slice',
      'oneHot',
      'argMax',
      'variable create and assign',
    ]) {
      expect(names, op).toContain(op);
    }
  });
});
