// Encodings the charts draw the same way, so penalties and scores read alike on every chart.

/** The penalty on a log axis. */
export const LAMBDA_AXIS = {
  field: 'lambda',
  type: 'quantitative',
  scale: { type: 'log', nice: false },
  title: 'λ (penalty, log scale)',
} as const;

/** The penalty in a tooltip. */
export const LAMBDA_TIP = {
  field: 'lambda',
  type: 'quantitative',
  title: 'λ',
  format: '.3~g',
} as const;

/** The score on an axis that need not reach 0. */
export function scoreAxis(scoreName: string) {
  return {
    field: 'score',
    type: 'quantitative',
    title: scoreName,
    scale: { zero: false },
  } as const;
}

/** The score in a tooltip. */
export function scoreTip(scoreName: string) {
  return { field: 'score', type: 'quantitative', title: scoreName, format: '.4~f' } as const;
}
