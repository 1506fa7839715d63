import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesIn, tempDir } from '../test-utils/runBuilt.js';
import { prepareOutDir, writeFilesAtomically } from './outputs.js';

describe('writeFilesAtomically', () => {
  it('writes every file and returns their paths', async () => {
    const dir = tempDir();
    const written = await writeFilesAtomically([
      [join(dir, 'a.json'), '{"a":1}\n'],
      [join(dir, 'b.png'), new Uint8Array([1, 2, 3])],
    ]);
    expect(written).toEqual([join(dir, 'a.json'), join(dir, 'b.png')]);
    expect(filesIn(dir)).toEqual(['a.json', 'b.png']);
    expect([...readFileSync(join(dir, 'b.png'))]).toEqual([1, 2, 3]);
  });

  it('on a failure writes none of them, leaves old files as they were and no temporary file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.json'), 'old');
    // The second file's directory does not exist: its write fails after the first one's.
    await expect(
      writeFilesAtomically([
        [join(dir, 'a.json'), 'new'],
        [join(dir, 'missing', 'b.json'), 'new'],
      ]),
    ).rejects.toMatchObject({ name: 'CliError', code: 'UNWRITABLE_OUTPUT' });
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('old');
    expect(filesIn(dir)).toEqual(['a.json']);
  });

  it('refuses to replace a directory, before replacing any file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.json'), 'old');
    mkdirSync(join(dir, 'b.json'));
    await expect(
      writeFilesAtomically([
        [join(dir, 'a.json'), 'new'],
        [join(dir, 'b.json'), 'new'],
      ]),
    ).rejects.toThrow(/b\.json: a directory of that name is in the way/);
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('old');
    expect(filesIn(dir)).toEqual(['a.json', 'b.json']);
  });
});

describe('prepareOutDir', () => {
  it('creates the directory, and rejects one that cannot hold files', async () => {
    const dir = join(tempDir(), 'nested', 'out');
    expect(await prepareOutDir(dir)).toBe(dir);
    expect(filesIn(dir)).toEqual([]);
    const file = join(tempDir(), 'file');
    writeFileSync(file, '');
    await expect(prepareOutDir(file)).rejects.toMatchObject({
      code: 'UNWRITABLE_OUTPUT',
      message: expect.stringMatching(/^Cannot write the output directory/),
    });
    if (process.getuid?.() !== 0) {
      const locked = tempDir();
      chmodSync(locked, 0o500);
      await expect(prepareOutDir(join(locked, 'out'))).rejects.toMatchObject({
        code: 'UNWRITABLE_OUTPUT',
      });
    }
  });
});
