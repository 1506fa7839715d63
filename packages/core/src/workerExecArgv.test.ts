import { afterEach, describe, expect, it } from 'vitest';
import { workerExecArgv } from './workerExecArgv.js';

describe('workerExecArgv', () => {
  const saved = process.execArgv;
  afterEach(() => {
    process.execArgv = saved;
  });

  it("keeps the process's flags but those of an inline main script", () => {
    process.execArgv = [
      '--input-type=module',
      '--max-old-space-size=512',
      '--input-type',
      'commonjs',
      '--no-warnings',
    ];
    expect(workerExecArgv()).toEqual(['--max-old-space-size=512', '--no-warnings']);
  });
});
