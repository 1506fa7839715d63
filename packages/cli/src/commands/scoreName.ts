import type { Task } from '../args/modelFlags.js';

/** What each task's `score` measures, as charts and reports name it. */
export const SCORE_NAMES = {
  regression: 'R²',
  classification: 'Accuracy',
  cox: 'C-index',
} as const satisfies Record<Task, string>;
