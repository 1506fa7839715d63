import { describe, expect, it } from 'vitest';
import { exampleArgs, filesIn, lassonet, startLassonet, tempDir } from './test-utils/runBuilt.js';

describe('the lassonet command', () => {
  it('prints the commands, and each command its options with defaults and examples', () => {
    const top = lassonet(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/^Usage: lassonet <command>/);
    for (const command of ['path', 'cv', 'stability', 'predict']) {
      expect(top.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
      const help = lassonet([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^Usage: lassonet ${command} `));
      expect(help.stdout.split('\n').filter((l) => l.startsWith('  lassonet '))).toHaveLength(3);
    }
    const path = lassonet(['path', '-h']).stdout;
    expect(path).toMatch(/--hidden-dims N\[,N\.\.\.\]\s+hidden layer sizes; default 100/);
    expect(path).toMatch(
      /--path-multiplier X\s+ratio between successive lambdas, > 1; default 1\.02/,
    );
    expect(path).toMatch(/--val-size F[^\n]*\n?[^\n]*default 0\.1 \(cox 0\)/);
  });

  it('prints its version', () => {
    const run = lassonet(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  // The path asked for would take hours: exiting within the test's time limit means it stopped.
  it('stops on Ctrl-C, exits with 130 and writes nothing', async () => {
    const out = tempDir();
    const child = startLassonet([
      'path',
      ...exampleArgs('regression', 'mean'),
      // A long path: it cannot finish before the signal.
      '--path-multiplier',
      '1.001',
      '--patience',
      'none',
      '--out',
      out,
    ]);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    // Training has begun once the table is described.
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('300 rows')) resolve();
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(130);
    expect(stderr).toMatch(/Stopped; no files were written\./);
    expect(filesIn(out)).toEqual([]);
  });
});
