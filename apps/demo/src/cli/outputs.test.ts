import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliError } from '@lassonet/cli/kit';
import { afterAll, describe, expect, it } from 'vitest';
import type { DemoSummary } from '../core/summary.js';
import { OUTPUT_FILES, writeOutputs } from './outputs.js';

const scratch = mkdtempSync(join(tmpdir(), 'lassonet-demo-outputs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const summary: DemoSummary = {
  backend: 'cpu',
  seed: 0,
  seconds: 1.5,
  nTrain: 8,
  nTest: 4,
  featureNames: ['DYRK1A_N', 'ITSN1_N', 'BDNF_N'],
  steps: [
    { lambda: 0, nSelected: 3, selected: [0, 1, 2], testAccuracy: 1, epochs: 20 },
    { lambda: 0.5, nSelected: 2, selected: [0, 2], testAccuracy: 0.75, epochs: 10 },
    { lambda: 0.6, nSelected: 0, selected: [], testAccuracy: 0.25, epochs: 10 },
  ],
};

describe('writeOutputs', () => {
  it('writes the charts and the summary, and returns their paths', async () => {
    const dir = join(scratch, 'ok');
    mkdirSync(dir);
    const written = await writeOutputs(dir, summary);
    expect(written).toEqual([
      join(dir, OUTPUT_FILES.accuracy),
      join(dir, OUTPUT_FILES.path),
      join(dir, OUTPUT_FILES.json),
    ]);
    expect(readdirSync(dir).sort()).toEqual(
      [OUTPUT_FILES.accuracy, OUTPUT_FILES.path, OUTPUT_FILES.json].sort(),
    );
    expect(readFileSync(join(dir, OUTPUT_FILES.json), 'utf8')).toBe(
      `${JSON.stringify(summary, null, 2)}\n`,
    );
    expect(readFileSync(join(dir, OUTPUT_FILES.accuracy)).subarray(1, 4).toString()).toBe('PNG');
  });

  it('replaces no file unless all can be written, and leaves no temporary file', async () => {
    const dir = join(scratch, 'blocked');
    // A chart from an earlier run, and a directory where the summary should go.
    mkdirSync(join(dir, OUTPUT_FILES.json), { recursive: true });
    writeFileSync(join(dir, OUTPUT_FILES.accuracy), 'earlier run');
    let error: unknown;
    try {
      await writeOutputs(dir, summary);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).code).toBe('UNWRITABLE_OUTPUT');
    expect((error as Error).message).toContain(`Cannot write ${join(dir, OUTPUT_FILES.json)}: `);
    expect(readFileSync(join(dir, OUTPUT_FILES.accuracy), 'utf8')).toBe('earlier run');
    expect(readdirSync(dir).sort()).toEqual([OUTPUT_FILES.accuracy, OUTPUT_FILES.json].sort());
  });
});
