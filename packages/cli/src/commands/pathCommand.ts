import { join } from 'node:path';
import { trainTestSplit } from '@lassonet/datasets';
import { createEstimator, estimatorEntry, type PathStep } from '@lassonet/path';
import { plotImportances, plotPath } from '@lassonet/plot';
import * as v from 'valibot';
import type { CommandLine } from '../args/parseCommandLine.js';
import { toCsv } from '../io/csvText.js';
import { type FileBody, jsonText, writeFilesAtomically } from '../io/outputs.js';
import { PathProgress } from '../io/progress.js';
import { alignColumns, firstStepPerCount } from '../io/textTable.js';
import { MODEL_FORMAT, MODEL_VERSION, type ModelFile } from '../modelFile.js';
import type { CommandContext, CommandSummary } from './context.js';
import { SCORE_NAMES } from './scoreName.js';
import { prepareTraining, say, secondsSince, trainingFlags } from './trainingRun.js';

export const PATH_FLAGS = trainingFlags({});

/** One step of the path as path.json writes it: features by name. */
export interface PathStepRecord {
  lambda: number;
  nSelected: number;
  selected: string[];
  loss: number;
  valLoss: number;
  objective: number;
  valObjective: number;
  /** The step's score on the validation rows (on the training rows when there are none). */
  score: number;
  epochs: number;
}

/**
 * `lassonet path`: the regularization path on a table. Holds out valSize of the rows (seeded;
 * stratified for classification) for early stopping and a score per step, and saves the step
 * with the best validation score (the sparser on ties) as the model.
 */
export async function pathCommand(line: CommandLine, ctx: CommandContext): Promise<CommandSummary> {
  const run = await prepareTraining('path', line, ctx);
  const note = say(ctx, line);
  const { X, y, spec } = run;
  const names = spec.featureNames;
  const valSize = (run.options.valSize ??
    v.getDefault(estimatorEntry(run.kind).schema.entries.valSize as v.GenericSchema)) as number;
  const split =
    valSize > 0
      ? trainTestSplit(X, y as unknown[], {
          testSize: valSize,
          seed: run.seed,
          stratify: run.task === 'classification',
        })
      : undefined;
  const XTrain = split?.XTrain ?? X;
  const yTrain = split?.yTrain ?? y;
  const estimator = createEstimator(run.kind, run.options);
  const progress = new PathProgress(names.length);
  let steps: PathStep[];
  try {
    steps = await estimator.path(XTrain, yTrain, {
      ...(split === undefined ? {} : { XVal: split.XTest, yVal: split.yTest }),
      returnCheckpoints: true,
      onStep: (step, index) => progress.update({ step, index }),
      onWarning: (message) => ctx.err(`warning: ${message}`),
      signal: ctx.signal,
    });
  } catch (error) {
    estimator.dispose();
    throw error;
  } finally {
    progress.stop();
  }
  const [XScore, yScore] = split === undefined ? [XTrain, yTrain] : [split.XTest, split.yTest];
  const scores = steps.map((step) => {
    estimator.load(step);
    return estimator.score(XScore, yScore);
  });
  const best = bestStep(scores);
  const bestPathStep = steps[best] as PathStep;
  estimator.load(bestPathStep);
  const scoreName = `${split === undefined ? 'Training' : 'Validation'} ${SCORE_NAMES[run.task]}`;
  const records: PathStepRecord[] = steps.map((s, t) => ({
    lambda: s.lambda,
    nSelected: s.nSelected,
    selected: names.filter((_, j) => s.selected[j] === true),
    loss: s.loss,
    valLoss: s.valLoss,
    objective: s.objective,
    valObjective: s.valObjective,
    score: scores[t] as number,
    epochs: s.epochs,
  }));
  const importances = estimator.featureImportances ?? names.map(() => Number.NaN);
  const model: ModelFile = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    createdBy: 'lassonet path',
    lambda: bestPathStep.lambda,
    selected: (records[best] as PathStepRecord).selected,
    preprocessing: spec,
    estimator: estimator.toJSON(),
  };
  estimator.dispose();

  const title = `LassoNet ${run.task} path: ${X.length} rows, ${names.length} features`;
  const byImportance = names
    .map((name, j) => ({ name, lambda: importances[j] as number }))
    .sort((a, b) => b.lambda - a.lambda);
  const files: [string, FileBody][] = [
    [
      'path.json',
      jsonText({
        command: 'path',
        task: run.task,
        data: run.dataPath,
        features: names,
        nRows: X.length,
        nTrain: XTrain.length,
        nValidation: split?.XTest.length ?? 0,
        scoreName,
        lambdaStart: steps[1]?.lambda ?? null,
        bestStep: best,
        steps: records,
      }),
    ],
    [
      'path.csv',
      toCsv(
        [
          'step',
          'lambda',
          'n_selected',
          'selected',
          'loss',
          'val_loss',
          'objective',
          'val_objective',
          'score',
          'epochs',
        ],
        records.map((r, t) => [
          t,
          r.lambda,
          r.nSelected,
          r.selected.join(';'),
          r.loss,
          r.valLoss,
          r.objective,
          r.valObjective,
          r.score,
          r.epochs,
        ]),
      ),
    ],
    ['path.png', await plotPath(steps, scores, { scoreName, title }).toPNG({ scale: 2 })],
    [
      'importances.csv',
      toCsv(
        ['feature', 'lambda_out', 'rank'],
        byImportance.map((f, k) => [f.name, f.lambda, k + 1]),
      ),
    ],
    [
      'importances.png',
      await plotImportances(importances, names, {
        title: 'Feature importance: the lambda at which each feature leaves the model',
      }).toPNG({ scale: 2 }),
    ],
    ['model.json', jsonText(model)],
  ];
  const outputs = await writeFilesAtomically(
    files.map(([name, body]) => [join(run.outDir, name), body] as const),
  );
  const seconds = secondsSince(run);
  if (!run.json) {
    const epochs = steps.reduce((total, s) => total + s.epochs, 0);
    note(
      `\nPath: ${steps.length - 1} lambdas after the dense model, ${epochs} epochs, ${seconds.toFixed(1)} s.\n`,
    );
    note(pathTable(records, scoreName));
    const b = records[best] as PathStepRecord;
    note(
      `\nSaved model: the best ${scoreName} (${b.score.toFixed(3)}) at lambda ${b.lambda.toPrecision(4)}, ` +
        `${b.nSelected} features${b.nSelected > 0 && b.nSelected <= 20 ? `: ${b.selected.join(', ')}` : ''}.`,
    );
    note(`Wrote ${outputs.join(', ')}`);
  }
  return {
    command: 'path',
    task: run.task,
    features: names,
    nRows: X.length,
    seconds,
    outputs,
    scoreName,
    bestStep: best,
    steps: records,
  };
}

/** The index of the best score; on ties the later step, which keeps fewer features. */
export function bestStep(scores: readonly number[]): number {
  let best = 0;
  scores.forEach((score, t) => {
    if (Number.isFinite(score) && !(score < (scores[best] as number))) best = t;
  });
  return best;
}

/** One row per number of selected features: the first step along the path that has it. */
function pathTable(records: readonly PathStepRecord[], scoreName: string): string {
  return alignColumns([
    ['features', 'lambda', scoreName.toLowerCase(), 'selected'],
    ...firstStepPerCount(records).map((r) => [
      String(r.nSelected),
      r.lambda === 0 ? '0 (dense)' : r.lambda.toPrecision(4),
      r.score.toFixed(3),
      r.nSelected <= 6 ? r.selected.join(' ') : '',
    ]),
  ]);
}
