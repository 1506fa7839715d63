import { backendName, tf, useBackend } from '@lassonet/backend';
import { Random } from '@lassonet/backend-conformance';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  firstDropPenalty,
  type HierProxMethod,
  hierProx,
  hierProxInPlace,
  prepareHierProx,
  selectedFeatures,
  selectedMask,
  skipNorms,
} from '../index.js';
import { expectClose } from './expectClose.js';
import { proxCases, type ReferenceValues } from './fixtures.js';
import { randomCases, randomGroups, randomWeights, seededWeights } from './randomCase.js';
import {
  hierarchyViolation,
  makeFeasible,
  type Params,
  proxObjective,
  type Rows,
  referenceHierProx,
} from './reference.js';

export interface SuiteOptions {
  /** The backend to activate: its adapter must have been imported. */
  backend: string;
  values: ReferenceValues;
  methods: HierProxMethod[];
}

async function prox(skip: Rows, hidden: Rows, params: Params, method: HierProxMethod) {
  const s = tf.tensor2d(skip);
  const h = tf.tensor2d(hidden);
  const { lambda, lambdaBar, M, groups } = params;
  const out = hierProx(s, h, { lambda, lambdaBar, M, ...(groups ? { groups } : {}), method });
  const result = {
    skip: (await out.skip.array()) as Rows,
    hidden: (await out.hidden.array()) as Rows,
  };
  tf.dispose([s, h, out.skip, out.hidden]);
  return result;
}

/** The Hier-Prox suite, run on every backend: golden values, properties, helpers, no leaks. */
export function describeHierProx({ backend, values, methods }: SuiteOptions): void {
  describe(`hier-prox on ${backend}`, () => {
    beforeAll(async () => {
      await useBackend(backend);
      expect(backendName()).toBe(backend);
    });

    for (const method of methods) {
      describe(`method '${method}'`, () => {
        it.each(proxCases(values).map((c) => [c.name, c] as const))(
          'matches the reference implementation: %s',
          async (_, c) => {
            const out = await prox(c.skip, c.hidden, c, method);
            expectClose(out.skip, c.expectedSkip, `${c.name} skip`);
            expectClose(out.hidden, c.expectedHidden, `${c.name} hidden`);
            for (const j of c.nullFeatures) {
              // The reference returns NaN there; a zero skip row takes the feature out.
              expect(out.skip[j]?.every((x) => x === 0)).toBe(true);
              expect(out.hidden[j]?.every((x) => x === 0)).toBe(true);
            }
          },
        );

        for (const grouped of [false, true]) {
          it(`${grouped ? 'grouped: ' : ''}agrees with a float64 sort-based prox, keeps the hierarchy and beats feasible perturbations`, async () => {
            const random = new Random(grouped ? 11 : 7);
            for (const c of randomCases(grouped ? 3 : 2, grouped)) {
              const out = await prox(c.skip, c.hidden, c, method);
              const expected = referenceHierProx(c.skip, c.hidden, c);
              expectClose(out.skip, expected.skip, `${c.label} skip`);
              expectClose(out.hidden, expected.hidden, `${c.label} hidden`);
              for (const row of [...out.skip, ...out.hidden]) {
                expect(row.every(Number.isFinite), c.label).toBe(true);
              }
              expect(hierarchyViolation(out.skip, out.hidden, c), c.label).toBeLessThanOrEqual(
                1e-5,
              );

              const best = proxObjective(out.skip, out.hidden, c.skip, c.hidden, c);
              for (let trial = 0; trial < 20; trial++) {
                const size = [1e-3, 1e-2, 0.1][trial % 3] as number;
                // Features with a zero skip row stay out: there the operator's convention (the
                // reference gives NaN) is to drop them, so they are not free to move.
                const b = out.skip.map((row, j) =>
                  c.skip[j]?.every((x) => x === 0)
                    ? row
                    : row.map((x) => x + size * random.normal()),
                );
                const W = makeFeasible(
                  b,
                  out.hidden.map((row) => row.map((x) => x + size * random.normal())),
                  c,
                );
                const other = proxObjective(b, W, c.skip, c.hidden, c);
                expect(best, `${c.label}, perturbation ${trial}`).toBeLessThanOrEqual(
                  other + 1e-5 * (1 + Math.abs(other)),
                );
              }
            }
          });
        }

        it('a huge penalty removes every feature, grouped or not', async () => {
          const { random, skip, hidden } = seededWeights(5, {
            nFeatures: 8,
            nOutputs: 3,
            nHidden: 12,
          });
          for (const groups of [undefined, randomGroups(random, 8, 3)]) {
            const out = await prox(
              skip,
              hidden,
              { lambda: 1e6, lambdaBar: 0, M: 10, ...(groups ? { groups } : {}) },
              method,
            );
            expect(out.skip.flat().every((x) => x === 0)).toBe(true);
            expect(out.hidden.flat().every((x) => x === 0)).toBe(true);
          }
        });

        it('with no penalty a feasible input is returned unchanged', async () => {
          const random = new Random(9);
          for (const M of [1, 10, 100]) {
            const { skip, hidden } = randomWeights(random, {
              nFeatures: 10,
              nOutputs: 2,
              nHidden: 9,
            });
            const params = { lambda: 0, lambdaBar: 0, M };
            const feasible = makeFeasible(skip, hidden, params);
            // Rows whose skip is zero must have zero hidden rows too to be feasible.
            const out = await prox(skip, feasible, params, method);
            expectClose(out.skip, skip, `M=${M} skip`, { atol: 1e-6, rtol: 1e-5 });
            expectClose(out.hidden, feasible, `M=${M} hidden`, { atol: 1e-6, rtol: 1e-5 });
          }
        });

        it('does not leak tensors', async () => {
          const { random, skip, hidden } = seededWeights(13, {
            nFeatures: 20,
            nOutputs: 2,
            nHidden: 30,
          });
          const s = tf.variable(tf.tensor2d(skip));
          const h = tf.variable(tf.tensor2d(hidden));
          const groups = randomGroups(random, 20, 5);
          const run = () => {
            const out = hierProx(s, h, { lambda: 0.01, method });
            tf.dispose([out.skip, out.hidden]);
            const grouped = hierProx(s, h, { lambda: 0.01, groups, method });
            tf.dispose([grouped.skip, grouped.hidden]);
            hierProxInPlace(s, h, { lambda: 0.001, lambdaBar: 0.001, method });
          };
          run();
          const before = tf.memory().numTensors;
          for (let i = 0; i < 10; i++) run();
          expect(tf.memory().numTensors).toBe(before);
          tf.dispose([s, h]);
        });

        it('a prepared operator gives what hierProxInPlace gives, step after step', async () => {
          const { random, skip, hidden } = seededWeights(19, {
            nFeatures: 9,
            nOutputs: 2,
            nHidden: 6,
          });
          const groups = randomGroups(random, 9, 4);
          const prox = prepareHierProx({ M: 3, lambdaBar: 0.01, groups, method });
          const s = tf.variable(tf.tensor2d(skip));
          const h = tf.variable(tf.tensor2d(hidden));
          let expected = { skip, hidden };
          const before = tf.memory().numTensors;
          for (const lambda of [0.05, 0.1]) {
            prox.step(s, h, lambda);
            expected = referenceHierProx(expected.skip, expected.hidden, {
              lambda,
              lambdaBar: 0.01,
              M: 3,
              groups,
            });
          }
          prox.step(s, h, 0.02, 0);
          expected = referenceHierProx(expected.skip, expected.hidden, {
            lambda: 0.02,
            lambdaBar: 0,
            M: 3,
            groups,
          });
          expect(tf.memory().numTensors).toBe(before);
          expectClose((await s.array()) as Rows, expected.skip, 'prepared skip');
          expectClose((await h.array()) as Rows, expected.hidden, 'prepared hidden');
          tf.dispose([s, h]);
        });

        it('hierProxInPlace writes the result into the variables', async () => {
          const { skip, hidden } = seededWeights(17, { nFeatures: 7, nOutputs: 2, nHidden: 5 });
          const params = { lambda: 0.1, lambdaBar: 0.01, M: 3 };
          const s = tf.variable(tf.tensor2d(skip));
          const h = tf.variable(tf.tensor2d(hidden));
          hierProxInPlace(s, h, { ...params, method });
          const expected = referenceHierProx(skip, hidden, params);
          expectClose((await s.array()) as Rows, expected.skip, 'skip variable');
          expectClose((await h.array()) as Rows, expected.hidden, 'hidden variable');
          tf.dispose([s, h]);
        });
      });
    }

    it('skipNorms, selectedMask and selectedFeatures read the skip kernel, per group too', async () => {
      const skip = tf.tensor2d([
        [3, 4],
        [0, 0],
        [0, 1],
        [0, 0],
      ]);
      const norms = skipNorms(skip);
      expectClose([Array.from(await norms.data())], [[5, 0, 1, 0]], 'norms');
      const mask = selectedMask(skip);
      expect(mask.dtype).toBe('bool');
      expect(Array.from(await mask.data())).toEqual([1, 0, 1, 0]);
      expect(await selectedFeatures(skip)).toEqual([0, 2]);

      const groups = [
        [1, 3],
        [0, 2],
      ];
      const groupNorms = skipNorms(skip, { groups });
      expectClose([Array.from(await groupNorms.data())], [[0, Math.sqrt(26)]], 'group norms');
      const groupMask = selectedMask(skip, { groups: [[0, 1], [2], [3]] });
      expect(Array.from(await groupMask.data())).toEqual([1, 1, 1, 0]);
      expect(await selectedFeatures(skip, { groups: [[0, 1], [2], [3]] })).toEqual([0, 1, 2]);
      tf.dispose([skip, norms, mask, groupNorms, groupMask]);
    });

    it('firstDropPenalty finds the first grid penalty that drops a feature at the fixed point', async () => {
      const { skip, hidden } = seededWeights(21, { nFeatures: 10, nOutputs: 2, nHidden: 8 });
      const s = tf.tensor2d(skip.map((row) => row.map((x) => x + 0.05)));
      const h = tf.tensor2d(hidden);
      const before = tf.memory().numTensors;
      const found = await firstDropPenalty(s, h, { M: 10 });
      expect(tf.memory().numTensors).toBe(before);
      expect(found.lambda).toBeCloseTo(found.previous * 2, 12);
      expect(found.dropped.length).toBeGreaterThan(0);

      // Repeating the prox at `lambda` drops those features; at `previous` it drops none.
      const fixedPoint = async (lambda: number) => {
        let b = (await s.array()) as Rows;
        let W = (await h.array()) as Rows;
        for (let i = 0; i < 10000; i++) {
          const next = referenceHierProx(b, W, { lambda, lambdaBar: 0, M: 10 });
          const moved = Math.max(
            ...next.skip.flat().map((x, k) => Math.abs(x - (b.flat()[k] as number))),
          );
          b = next.skip;
          W = next.hidden;
          if (moved < 1e-5) break;
        }
        return b.flatMap((row, j) => (row.every((x) => x === 0) ? [j] : []));
      };
      expect(await fixedPoint(found.lambda)).toEqual(found.dropped);
      expect(await fixedPoint(found.previous)).toEqual([]);
      tf.dispose([s, h]);
    });
  });
}
