import { join } from 'node:path';
import { createEstimatorCV } from '@lassonet/path';
import { plotCV } from '@lassonet/plot';
import { type CommandLine, integerFlag } from '../args/parseCommandLine.js';
import { toCsv } from '../io/csvText.js';
import { jsonText, writeFilesAtomically } from '../io/outputs.js';
import { CountProgress } from '../io/progress.js';
import { MODEL_FORMAT, MODEL_VERSION, type ModelFile } from '../modelFile.js';
import type { CommandContext, CommandSummary } from './context.js';
import { SCORE_NAMES } from './scoreName.js';
import { prepareTraining, say, secondsSince, trainingFlags } from './trainingRun.js';

export const CV_FLAGS = trainingFlags({
  folds: { type: 'string' },
  concurrency: { type: 'string' },
});

/** One penalty of the common grid, as cv.json writes it. */
export interface CVGridPoint {
  lambda: number;
  meanScore: number;
  /** Sample standard deviation of the fold scores (n - 1). */
  stdScore: number | null;
  /** The mean number of features the folds keep. */
  meanSelected: number;
}

/**
 * `lassonet cv`: k-fold cross-validation of the path (stratified for classification), the
 * penalty with the best mean held-out score, and a model refitted on every row up to it.
 */
export async function cvCommand(line: CommandLine, ctx: CommandContext): Promise<CommandSummary> {
  const folds = integerFlag(line, 'folds', 2) ?? 5;
  const concurrency = integerFlag(line, 'concurrency', 1);
  const run = await prepareTraining('cv', line, ctx, {
    minRows: { count: folds, why: `--folds ${folds}` },
  });
  const note = say(ctx, line);
  const { X, y, spec } = run;
  const names = spec.featureNames;
  const cv = createEstimatorCV(run.kind, {
    ...run.options,
    cv: folds,
    ...(concurrency === undefined ? {} : { concurrency }),
  });
  const progress = new CountProgress('cv', folds, 'folds');
  let done = 0;
  try {
    await cv.fit(X, y, {
      signal: ctx.signal,
      onFold: () => {
        done += 1;
        progress.update(done);
      },
    });
  } catch (error) {
    cv.dispose();
    throw error;
  } finally {
    progress.stop();
  }
  const result = cv.cvResult();
  const scoreName = SCORE_NAMES[run.task];
  const bestSelected = (cv.bestSelected ?? []).map((j) => names[j] as string);
  const grid: CVGridPoint[] = result.lambdas.map((lambda, i) => {
    const values = result.foldScores.map((f) => f[i] as number).filter((s) => !Number.isNaN(s));
    const mean = result.meanScores[i] as number;
    const std =
      values.length < 2
        ? null
        : Math.sqrt(values.reduce((a, s) => a + (s - mean) ** 2, 0) / (values.length - 1));
    const kept = result.foldSelected.map((f) => f[i] as number);
    return {
      lambda,
      meanScore: mean,
      stdScore: std,
      meanSelected: kept.reduce((a, b) => a + b, 0) / kept.length,
    };
  });
  const refit = cv.estimator;
  const model: ModelFile = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    createdBy: 'lassonet cv',
    lambda: result.bestLambda,
    selected: bestSelected,
    preprocessing: spec,
    estimator: refit.toJSON(),
  };
  const foldRecords = (cv.folds ?? []).map((fold, f) => ({
    fold: f + 1,
    nTrain: fold.trainIndex.length,
    nTest: fold.testIndex.length,
    lambdas: cv.foldLambdas?.[f] ?? [],
    scores: cv.foldRawScores?.[f] ?? [],
  }));
  cv.dispose();
  const outputs = await writeFilesAtomically(
    (
      [
        [
          'cv.json',
          jsonText({
            command: 'cv',
            task: run.task,
            data: run.dataPath,
            features: names,
            nRows: X.length,
            folds,
            scoreName,
            bestLambda: result.bestLambda,
            bestCvScore: result.bestCvScore,
            bestSelected,
            lambdas: grid,
            foldResults: foldRecords,
          }),
        ],
        [
          'cv.csv',
          toCsv(
            ['lambda', 'mean_score', 'std_score', 'mean_selected', 'best'],
            grid.map((g, i) => [
              g.lambda,
              g.meanScore,
              g.stdScore,
              g.meanSelected,
              i === result.bestIndex,
            ]),
          ),
        ],
        [
          'cv.png',
          await plotCV(result, {
            scoreName,
            title: `LassoNet ${run.task}: ${folds}-fold cross-validation (${X.length} rows)`,
          }).toPNG({ scale: 2 }),
        ],
        ['model.json', jsonText(model)],
      ] as const
    ).map(([name, body]) => [join(run.outDir, name), body] as const),
  );
  const seconds = secondsSince(run);
  if (!run.json) {
    note(
      `\nCross-validation (${folds} folds, ${seconds.toFixed(1)} s): best lambda ${result.bestLambda.toPrecision(4)}, ` +
        `mean ${scoreName} ${result.bestCvScore.toFixed(3)}.`,
    );
    note(
      `Refit on all ${X.length} rows: ${bestSelected.length} features${bestSelected.length > 0 ? `: ${bestSelected.join(', ')}` : ''}.`,
    );
    note(`Wrote ${outputs.join(', ')}`);
  }
  return {
    command: 'cv',
    task: run.task,
    features: names,
    nRows: X.length,
    seconds,
    outputs,
    folds,
    scoreName,
    bestLambda: result.bestLambda,
    bestCvScore: result.bestCvScore,
    bestSelected,
  };
}
