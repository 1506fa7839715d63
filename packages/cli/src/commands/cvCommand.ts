import { join } from 'node:path';
import { createEstimatorCV, GridSearchCV, parameterGrid } from '@lassonet/path';
import { plotCV } from '@lassonet/plot';
import { gridFlag } from '../args/gridFlag.js';
import { type CommandLine, integerFlag } from '../args/parseCommandLine.js';
import { toCsv } from '../io/csvText.js';
import { jsonText, writeFilesAtomically } from '../io/outputs.js';
import { CountProgress } from '../io/progress.js';
import { MODEL_FORMAT, MODEL_VERSION, type ModelFile } from '../modelFile.js';
import type { CommandContext, CommandSummary } from './context.js';
import { pathsPlace, QUEUE_FLAGS } from './queueFlags.js';
import { SCORE_NAMES } from './scoreName.js';
import { prepareTraining, say, secondsSince, trainingFlags } from './trainingRun.js';

export const CV_FLAGS = trainingFlags({
  folds: { type: 'string' },
  grid: { type: 'string' },
  ...QUEUE_FLAGS,
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
  // The grid is checked before the table is read, and again for the task found in it.
  gridFlag(line, undefined, 'lassonet cv');
  const run = await prepareTraining('cv', line, ctx, {
    minRows: { count: folds, why: `--folds ${folds}` },
  });
  const note = say(ctx, line);
  const { X, y, spec } = run;
  const names = spec.featureNames;
  const grid = gridFlag(line, run.task, 'lassonet cv');
  const place = await pathsPlace(line);
  const options = {
    ...run.options,
    cv: folds,
    ...(place.concurrency === undefined ? {} : { concurrency: place.concurrency }),
    ...(place.executor === undefined ? {} : { executor: place.executor }),
  };
  const search =
    grid === undefined
      ? undefined
      : new GridSearchCV({ estimator: run.kind, options, paramGrid: grid.paramGrid });
  const nCandidates = search?.paramSets.length ?? 1;
  const cv = search === undefined ? createEstimatorCV(run.kind, options) : undefined;
  const progress = new CountProgress('cv', folds * nCandidates, 'folds');
  let done = 0;
  const onFold = () => {
    done += 1;
    progress.update(done);
  };
  try {
    if (place.executor !== undefined || search !== undefined) {
      note(
        `Training ${folds * nCandidates} fold paths${search === undefined ? '' : ` (${nCandidates} option sets x ${folds} folds)`} ${place.where}.`,
      );
    }
    if (search !== undefined) await search.fit(X, y, { signal: ctx.signal, onFold });
    else await cv?.fit(X, y, { signal: ctx.signal, onFold });
  } catch (error) {
    search?.dispose();
    cv?.dispose();
    throw error;
  } finally {
    progress.stop();
    await place.close();
  }
  const best = search === undefined ? (cv as NonNullable<typeof cv>) : search.best;
  // The candidates as written on the command line, in the grid's order.
  const writtenGrid = grid === undefined ? [] : parameterGrid(grid.written);
  const candidates =
    search === undefined || grid === undefined
      ? undefined
      : (search.candidates ?? []).map((c, k) => ({
          options: writtenGrid[k] as Record<string, string>,
          bestLambda: c.bestLambda,
          bestCvScore: c.bestCvScore,
          best: k === search.bestCandidate,
        }));
  const result = best.cvResult();
  const scoreName = SCORE_NAMES[run.task];
  const bestSelected = (best.bestSelected ?? []).map((j) => names[j] as string);
  const curve: CVGridPoint[] = result.lambdas.map((lambda, i) => {
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
  const refit = best.estimator;
  const model: ModelFile = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    createdBy: 'lassonet cv',
    lambda: result.bestLambda,
    selected: bestSelected,
    preprocessing: spec,
    estimator: refit.toJSON(),
  };
  const foldRecords = (best.folds ?? []).map((fold, f) => ({
    fold: f + 1,
    nTrain: fold.trainIndex.length,
    nTest: fold.testIndex.length,
    lambdas: best.foldLambdas?.[f] ?? [],
    scores: best.foldRawScores?.[f] ?? [],
  }));
  const bestOptions = candidates?.find((c) => c.best)?.options;
  best.dispose();
  // What cv.json and the --json summary both report of the choice.
  const choice = {
    folds,
    scoreName,
    bestLambda: result.bestLambda,
    bestCvScore: result.bestCvScore,
    bestSelected,
    ...(candidates === undefined ? {} : { bestOptions, grid: candidates }),
  };
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
            ...choice,
            lambdas: curve,
            foldResults: foldRecords,
          }),
        ],
        [
          'cv.csv',
          toCsv(
            ['lambda', 'mean_score', 'std_score', 'mean_selected', 'best'],
            curve.map((g, i) => [
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
        ...(candidates === undefined
          ? []
          : [
              [
                'grid.csv',
                toCsv(
                  [...Object.keys(grid?.written ?? {}), 'best_lambda', 'best_cv_score', 'best'],
                  candidates.map((c) => [
                    ...Object.values(c.options),
                    c.bestLambda,
                    c.bestCvScore,
                    c.best,
                  ]),
                ),
              ] as const,
            ]),
      ] as const
    ).map(([name, body]) => [join(run.outDir, name), body] as const),
  );
  const seconds = secondsSince(run);
  if (!run.json) {
    note(
      `\nCross-validation (${folds} folds, ${seconds.toFixed(1)} s): best lambda ${result.bestLambda.toPrecision(4)}, ` +
        `mean ${scoreName} ${result.bestCvScore.toFixed(3)}.`,
    );
    if (bestOptions !== undefined) {
      note(
        `Best of ${candidates?.length} option sets: ${Object.entries(bestOptions)
          .map(([name, value]) => `--${name} ${value}`)
          .join(' ')}.`,
      );
    }
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
    ...choice,
  };
}
