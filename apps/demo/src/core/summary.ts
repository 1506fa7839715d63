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
  /** With --cv: the cross-validated choice, refitted on all training rows. */
  cv?: {
    folds: number;
    concurrency: number | null;
    seconds: number;
    bestLambda: number;
    bestCvScore: number;
    nSelected: number;
    selected: number[];
    testAccuracy: number;
  };
  /** With --stability: features by expected wrong selections, and how many to keep. */
  stability?: {
    nModels: number;
    seconds: number;
    oracle: number;
    order: number[];
    /** wrong[k]: expected wrong selections keeping the first k + 1 of order (null: infinite). */
    wrong: (number | null)[];
  };
}
