import type { DemoStep } from './demoPath.js';
import type { ProtocolResult } from './refit.js';

/** mice-path.json and `--json`: everything needed to redraw the charts or compare runs. */
export interface DemoSummary {
  /** The tensor backend the path ran on. */
  backend: string;
  seed: number;
  /** Wall-clock time of the path, in seconds. */
  seconds: number;
  nTrain: number;
  nTest: number;
  featureNames: string[];
  steps: DemoStep[];
  /** With --refit: dense models on the first step with at most 10, 20 and 50 features. */
  protocol?: Record<string, ProtocolResult>;
}

/** The step shown for "k features": the first one along the path with at most k. */
export function firstStepWithAtMost(steps: readonly DemoStep[], k: number): DemoStep | undefined {
  return steps.find((s) => s.nSelected <= k);
}
