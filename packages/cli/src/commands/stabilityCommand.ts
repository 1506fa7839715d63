import { join } from 'node:path';
import { StabilitySelection } from '@lassonet/path';
import { plotStability } from '@lassonet/plot';
import { type CommandLine, integerFlag } from '../args/parseCommandLine.js';
import { toCsv } from '../io/csvText.js';
import { jsonText, writeFilesAtomically } from '../io/outputs.js';
import { CountProgress } from '../io/progress.js';
import type { CommandContext, CommandSummary } from './context.js';
import { pathsPlace, QUEUE_FLAGS } from './queueFlags.js';
import { prepareTraining, say, secondsSince, trainingFlags } from './trainingRun.js';

export const STABILITY_FLAGS = trainingFlags({
  models: { type: 'string' },
  ...QUEUE_FLAGS,
});

/**
 * `lassonet stability`: stability selection. Paths on random halves of the rows vote on the
 * features; the ranking, the number to keep and each feature's selection probability along the
 * penalty grid are written out.
 */
export async function stabilityCommand(
  line: CommandLine,
  ctx: CommandContext,
): Promise<CommandSummary> {
  const nModels = integerFlag(line, 'models', 1) ?? 20;
  const run = await prepareTraining('stability', line, ctx);
  const note = say(ctx, line);
  const { X, y, spec } = run;
  const names = spec.featureNames;
  const place = await pathsPlace(line);
  const progress = new CountProgress('stability', nModels, 'models');
  let done = 0;
  let selector: StabilitySelection;
  try {
    if (place.executor !== undefined) note(`Training ${nModels + 1} paths ${place.where}.`);
    selector = new StabilitySelection({
      estimator: run.kind,
      options: run.options,
      nModels,
      seed: run.seed,
      ...(place.concurrency === undefined ? {} : { concurrency: place.concurrency }),
      ...(place.executor === undefined ? {} : { executor: place.executor }),
    });
    await selector.fit(X, y as never, {
      signal: ctx.signal,
      onModel: () => {
        done += 1;
        progress.update(done);
      },
    });
  } finally {
    progress.stop();
    await place.close();
  }
  const result = selector.result();
  const order = result.order.map((j) => names[j] as string);
  const kept = order.slice(0, result.oracle);
  // prob[t][j] along the grid, turned into one series per feature.
  const probabilities = Object.fromEntries(
    names.map((name, j) => [name, result.prob.map((row) => row[j] as number)]),
  );
  const rank = new Map(result.order.map((j, k) => [j, k + 1]));
  const outputs = await writeFilesAtomically(
    (
      [
        [
          'stability.json',
          jsonText({
            command: 'stability',
            task: run.task,
            data: run.dataPath,
            features: names,
            nRows: X.length,
            nModels,
            order,
            oracle: result.oracle,
            selected: kept,
            wrong: result.wrong,
            expectedWrong: Object.fromEntries(names.map((n, j) => [n, result.expectedWrong[j]])),
            lambdas: result.lambdas,
            probabilities,
          }),
        ],
        [
          'stability.csv',
          toCsv(
            ['feature', 'rank', 'expected_wrong', 'max_probability', 'selected'],
            result.order.map((j) => [
              names[j] as string,
              rank.get(j) as number,
              result.expectedWrong[j] as number,
              Math.max(0, ...result.prob.map((row) => row[j] as number)),
              (rank.get(j) as number) <= result.oracle,
            ]),
          ),
        ],
        [
          'stability.png',
          await plotStability(result, names, {
            title: `LassoNet ${run.task}: stability selection (${nModels} models on random halves)`,
            top: Math.min(names.length, 10),
          }).toPNG({ scale: 2 }),
        ],
      ] as const
    ).map(([name, body]) => [join(run.outDir, name), body] as const),
  );
  const seconds = secondsSince(run);
  if (!run.json) {
    note(
      `\nStability selection (${nModels} models, ${seconds.toFixed(1)} s): keep ${result.oracle} feature${result.oracle === 1 ? '' : 's'}${kept.length > 0 ? `: ${kept.join(', ')}` : ''}.`,
    );
    note(`Most stable first: ${order.slice(0, 10).join(', ')}${order.length > 10 ? ', …' : ''}`);
    note(`Wrote ${outputs.join(', ')}`);
  }
  return {
    command: 'stability',
    task: run.task,
    features: names,
    nRows: X.length,
    seconds,
    outputs,
    nModels,
    order,
    oracle: result.oracle,
    selected: kept,
    probabilities,
  };
}
