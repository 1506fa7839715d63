import { tf, useBackend } from '@lassonet/backend';
import '@lassonet/backend-wasm';
import { makeClassification, trainTestSplit } from '@lassonet/datasets';
import { LassoNetClassifier, selectedIndices } from '@lassonet/path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DemoData, type DemoStep, runDemoPath } from './demoPath.js';
import { refitProtocol } from './refit.js';
import { classifierOptions, type DemoSettings } from './settings.js';

// 3 classes told apart by 3 of 12 features; small enough for a path in a second or two.
const synthetic = makeClassification({
  nSamples: 300,
  nFeatures: 12,
  nInformative: 3,
  nClasses: 3,
  classSep: 2,
  seed: 4,
});
const split = trainTestSplit(synthetic.X, synthetic.y, { seed: 1, testSize: 0.25 });
const data: DemoData = split;
const settings: DemoSettings = { seed: 2, hiddenDims: [8], quick: true };

describe('runDemoPath', () => {
  let steps: DemoStep[];

  beforeAll(async () => {
    await useBackend('wasm');
    steps = (await runDemoPath(data, settings)).steps;
  });

  it('scores every step on the test rows exactly as the estimator would', async () => {
    // The same options and seed give the same path; its checkpoints are scored independently.
    const model = new LassoNetClassifier(classifierOptions(settings));
    const path = await model.path(split.XTrain, split.yTrain, { returnCheckpoints: true });
    expect(steps.map((s) => s.lambda)).toEqual(path.map((s) => s.lambda));
    for (const [t, step] of path.entries()) {
      model.load(step);
      expect(steps[t]?.testAccuracy).toBe(model.score(split.XTest, split.yTest));
      expect(steps[t]?.selected).toEqual(selectedIndices(step));
      expect(steps[t]?.nSelected).toBe(step.nSelected);
      expect(steps[t]?.epochs).toBe(step.epochs);
    }
    model.dispose();
  });

  it('runs from every feature to none, keeping the informative ones longest', () => {
    expect(steps[0]).toMatchObject({ lambda: 0, nSelected: 12 });
    expect(steps.at(-1)?.nSelected).toBe(0);
    const lastWithThree = [...steps].reverse().find((s) => s.nSelected >= 3);
    expect(lastWithThree?.selected).toEqual(expect.arrayContaining(synthetic.relevant));
    expect(steps[0]?.testAccuracy).toBeGreaterThan(0.9);
  });

  it('passes each step to onStep as it is trained, and frees every tensor', async () => {
    const before = tf.memory().numTensors;
    const seen: number[] = [];
    const run = await runDemoPath(data, settings, { onStep: (_step, index) => seen.push(index) });
    expect(seen).toEqual(run.steps.map((_, t) => t));
    expect(run.steps).toEqual(steps);
    expect(run.seconds).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops on abort with an AbortError and frees every tensor', async () => {
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    const seen: number[] = [];
    const run = runDemoPath(data, settings, {
      signal: controller.signal,
      onStep: (_step, index) => {
        seen.push(index);
        if (index === 2) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual([0, 1, 2]);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('refitProtocol', () => {
  it('refits a dense model on the first step with at most k features', async () => {
    await useBackend('wasm');
    const { steps } = await runDemoPath(data, settings);
    const protocol = await refitProtocol(data, steps, settings, { sizes: [3, 12] });
    expect(Object.keys(protocol)).toEqual(['3', '12']);
    const three = steps.find((s) => s.nSelected <= 3) as DemoStep;
    expect(protocol['3']?.nSelected).toBe(three.nSelected);
    expect(protocol['12']?.nSelected).toBe(12);
    // Three classes: chance is 1/3.
    const all = protocol['12']?.accuracy as number;
    expect(all).toBeGreaterThan(0.8);
    // The first step with at most three keeps the three informative features, which suffice:
    // a dense model on them alone does about as well as one on all twelve.
    expect(three.selected).toEqual([...synthetic.relevant].sort((a, b) => a - b));
    expect(protocol['3']?.accuracy).toBeGreaterThan(all - 0.05);
  });

  it('reports no accuracy when the first such step has no feature left', async () => {
    const steps: DemoStep[] = [
      { lambda: 0, nSelected: 2, selected: [0, 1], testAccuracy: 1, epochs: 5 },
      { lambda: 1, nSelected: 0, selected: [], testAccuracy: 0.3, epochs: 5 },
    ];
    expect(await refitProtocol(data, steps, settings, { sizes: [1] })).toEqual({
      1: { nSelected: 0, accuracy: null },
    });
  });
});
