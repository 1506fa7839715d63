import type { DemoStep } from '../core/demoPath.js';

/** Where the worker gets MICE: a file (dropped, or the copy the page serves) or a URL. */
export type DataSource = { kind: 'file'; file: Blob; name: string } | { kind: 'url'; url: string };

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
