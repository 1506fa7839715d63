import type { DemoStep } from '../core/demoPath.js';

/** Where the worker gets MICE: the copy shipped with @lassonet/datasets, or a file the user gave. */
export type DataSource = { kind: 'package' } | { kind: 'file'; file: Blob; name: string };

export type WebBackend = 'auto' | 'webgl' | 'wasm' | 'cpu';

/** Page → worker. */
export type ToWorker =
  | {
      type: 'run';
      source: DataSource;
      backend: WebBackend;
      seed: number;
      quick: boolean;
    }
  | { type: 'stop' };

/** Worker → page. */
export type FromWorker =
  | {
      type: 'started';
      backend: string;
      featureNames: string[];
      nTrain: number;
      nTest: number;
    }
  | { type: 'step'; step: DemoStep; index: number }
  | { type: 'done'; seconds: number }
  | { type: 'stopped' }
  | { type: 'error'; message: string };
