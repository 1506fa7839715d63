import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DatasetError } from '../errors.js';
import { miceText, packagedMiceFile } from '../test-utils/miceText.js';
import { defaultCacheDir, loadMice } from './loadMiceNode.js';
import { MICE_FILE_NAME } from './miceFile.js';
import { checkPackagedMice } from './packagedMice.js';
import { readPackagedMice } from './packagedMiceNode.js';
import { parseMice } from './parseMice.js';

const text = miceText();

async function codeOf(promise: Promise<unknown>): Promise<[string, string]> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetError);
    return [(error as DatasetError).code, (error as DatasetError).message];
  }
  throw new Error('expected a DatasetError');
}

describe('parseMice: the seed demo preprocessing', () => {
  const data = parseMice(text);

  it('has 1080 rows of 77 proteins, 8 classes, rows in file order', () => {
    expect(data.X).toHaveLength(1080);
    expect(data.X.every((row) => row.length === 77 && row.every(Number.isFinite))).toBe(true);
    expect(data.featureNames).toHaveLength(77);
    expect(data.featureNames[0]).toBe('DYRK1A_N');
    expect(data.featureNames.at(-1)).toBe('CaNA_N');
    expect(data.mouseIds[0]).toBe('309_1');
    expect(data.mouseIds.at(-1)).toBe(text.trim().split('\n').at(-1)?.split(',')[0]);
    expect(data.filledCells).toBe(1396);
  });

  it('labels: [Control] + 2·[Memantine] + 4·[C/S], named by the class column, with the known counts', () => {
    const counts: Record<string, number> = {};
    for (const label of data.y) {
      const name = data.classNames[label] as string;
      counts[name] = (counts[name] ?? 0) + 1;
    }
    expect(counts).toEqual({
      'c-CS-m': 150,
      'c-SC-m': 150,
      'c-CS-s': 135,
      'c-SC-s': 135,
      't-CS-m': 135,
      't-SC-m': 135,
      't-SC-s': 135,
      't-CS-s': 105,
    });
    // c = Control (+1), m = Memantine (+2), CS = C/S (+4).
    expect(data.classNames).toEqual([
      't-SC-s',
      'c-SC-s',
      't-SC-m',
      'c-SC-m',
      't-CS-s',
      'c-CS-s',
      't-CS-m',
      'c-CS-m',
    ]);
  });

  it('fills an empty cell with its column mean over the same (Genotype, Treatment, Behavior)', () => {
    // Recomputed here from the raw lines, independently of the parser.
    const lines = text
      .trim()
      .split('\n')
      .map((line) => line.split(','));
    const header = lines[0] as string[];
    const body = lines.slice(1);
    const g = ['Genotype', 'Treatment', 'Behavior'].map((name) => header.indexOf(name));
    const key = (row: string[]) => g.map((c) => row[c]).join('|');
    const empty: [number, number][] = [];
    body.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (cell === '' && c > 0) empty.push([r, c]);
      });
    });
    expect(empty).toHaveLength(1396);
    for (const [r, c] of [empty[0], empty[700], empty.at(-1)] as [number, number][]) {
      const same = body.filter((row) => key(row) === key(body[r] as string[]) && row[c] !== '');
      const mean = same.reduce((s, row) => s + Number(row[c]), 0) / same.length;
      expect(data.X[r]?.[c - 1]).toBeCloseTo(mean, 12);
    }
  });

  it('rejects a file that is not the MICE file, naming the problem', () => {
    const lines = text.split('\n');
    expect(() =>
      parseMice(lines.map((l) => l.replace(',Genotype,', ',Genus,')).join('\n')),
    ).toThrow(/no column 'Genotype'/);
    const badNumber = [
      lines[0],
      (lines[1] as string).replace(/^([^,]*),[^,]*/, '$1,abc'),
      ...lines.slice(2),
    ];
    expect(() => parseMice(badNumber.join('\n'))).toThrow(/line 2, column 'DYRK1A_N': "abc"/);
    const badLevel = [
      lines[0],
      (lines[1] as string).replace(',Control,', ',Wild,'),
      ...lines.slice(2),
    ];
    expect(() => parseMice(badLevel.join('\n'))).toThrow(
      /Line 2: Genotype is 'Wild', expected Ts65Dn or Control/,
    );
  });
});

describe('loadMice: where the file comes from', () => {
  let server: Server;
  let base: string;
  const hits: string[] = [];
  let work: string;
  let miceCsv: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'lassonet-mice-'));
    miceCsv = join(work, MICE_FILE_NAME);
    writeFileSync(miceCsv, text);
    const body = readFileSync(miceCsv);
    const corrupted = Buffer.from(body);
    corrupted[100] = (corrupted[100] ?? 0) ^ 1;
    server = createServer((request, response) => {
      hits.push(request.url ?? '');
      if (request.url === '/mice.csv') response.end(body);
      else if (request.url === '/corrupted.csv') response.end(corrupted);
      else {
        response.statusCode = 503;
        response.statusMessage = 'Service Unavailable';
        response.end('down');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(work, { recursive: true, force: true });
  });

  const fresh = (name: string) => join(work, name);

  it('reads an explicit path, and says so when it is missing', async () => {
    const data = await loadMice({ path: miceCsv });
    expect(data.source).toEqual({ kind: 'path', location: miceCsv });
    expect(data.X).toHaveLength(1080);
    const [code, message] = await codeOf(loadMice({ path: fresh('nowhere.csv') }));
    expect(code).toBe('MISSING_FILE');
    expect(message).toContain('nowhere.csv');
  });

  // No test here may reach the network: the default load must not even try.
  const noNetwork = () => {
    vi.stubGlobal('fetch', () => Promise.reject(new Error('network used')));
  };
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
  });

  it('by default reads the copy shipped with the package: no network, no cache, no HOME', async () => {
    noNetwork();
    const home = fresh('empty-home');
    mkdirSync(home);
    vi.stubEnv('HOME', home);
    vi.stubEnv('XDG_CACHE_HOME', '');
    vi.stubEnv('LASSONET_DATA_DIR', '');
    const data = await loadMice();
    expect(data.source).toEqual({ kind: 'package', location: packagedMiceFile });
    expect(data.X).toEqual(parseMice(text).X);
    expect(data.filledCells).toBe(1396);
    expect(readdirSync(home)).toEqual([]);
  });

  it('reads LASSONET_DATA_DIR when it holds the file, else the packaged copy', async () => {
    noNetwork();
    const dir = fresh('data-dir');
    mkdirSync(dir);
    copyFileSync(miceCsv, join(dir, MICE_FILE_NAME));
    vi.stubEnv('LASSONET_DATA_DIR', dir);
    expect((await loadMice()).source).toEqual({
      kind: 'dataDir',
      location: join(dir, MICE_FILE_NAME),
    });
    expect((await loadMice({ dataDir: fresh('empty-data-dir') })).source.kind).toBe('package');
    expect((await loadMice({ dataDir: null })).source.kind).toBe('package');
    expect((await loadMice({ source: 'package' })).source.kind).toBe('package');
  });

  it('rejects an unknown source, and a url with the packaged copy', async () => {
    const [code, message] = await codeOf(loadMice({ source: 'web' as never }));
    expect(code).toBe('INVALID_OPTION');
    expect(message).toBe(
      "loadMice: source must be one of 'auto', 'package', 'download', got 'web'.",
    );
    const [withUrl] = await codeOf(loadMice({ source: 'package', url: `${base}/mice.csv` }));
    expect(withUrl).toBe('INVALID_OPTION');
    // A source named explicitly is never silently replaced by another one.
    expect(await codeOf(loadMice({ source: 'package', path: miceCsv }))).toEqual([
      'INVALID_OPTION',
      "source: 'package' reads only the copy shipped with the package; it cannot be combined with path.",
    ]);
    expect(await codeOf(loadMice({ source: 'download', text }))).toEqual([
      'INVALID_OPTION',
      "source: 'download' downloads the file; it cannot be combined with text.",
    ]);
  });

  it('a missing or undecompressable packaged file says which file and to reinstall', async () => {
    const missing = join(work, 'no-such-dir', 'Data_Cortex_Nuclear.csv.gz');
    const [code, message] = await codeOf(readPackagedMice(pathToFileURL(missing)));
    expect(code).toBe('MISSING_FILE');
    expect(message).toContain(missing);
    expect(message).toMatch(/Reinstall/);

    const truncated = join(work, 'truncated.csv.gz');
    writeFileSync(truncated, readFileSync(packagedMiceFile).subarray(0, 1000));
    const [damaged, why] = await codeOf(readPackagedMice(pathToFileURL(truncated)));
    expect(damaged).toBe('CHECKSUM_MISMATCH');
    expect(why).toContain(truncated);

    // Bytes that are not gzip are checked as they are: the right file passes, others do not.
    const plain = join(work, 'plain.csv');
    writeFileSync(plain, text);
    expect((await readPackagedMice(pathToFileURL(plain))).text).toBe(text);
    writeFileSync(plain, text.replace('309_1', '309_2'));
    expect((await codeOf(readPackagedMice(pathToFileURL(plain))))[0]).toBe('CHECKSUM_MISMATCH');
  });

  it('a damaged packaged copy is a checksum error that says to reinstall', async () => {
    const bytes = new TextEncoder().encode(text);
    await expect(checkPackagedMice(bytes, 'here')).resolves.toBe(text);
    bytes[100] = (bytes[100] ?? 0) ^ 1;
    const [code, message] = await codeOf(checkPackagedMice(bytes, 'here'));
    expect(code).toBe('CHECKSUM_MISMATCH');
    expect(message).toMatch(/shipped with @lassonet\/datasets \(here\) is damaged.*Reinstall/);
  });

  it("source: 'download' serves a good cached copy without the network", async () => {
    noNetwork();
    const cacheDir = fresh('cache-preloaded');
    mkdirSync(cacheDir);
    copyFileSync(miceCsv, join(cacheDir, MICE_FILE_NAME));
    const data = await loadMice({ source: 'download', cacheDir });
    expect(data.source).toEqual({ kind: 'cache', location: join(cacheDir, MICE_FILE_NAME) });
  });

  it('downloads, checks the SHA-256, caches atomically, then serves the cache', async () => {
    const cacheDir = fresh('cache-ok');
    const first = await loadMice({ cacheDir, url: `${base}/mice.csv` });
    expect(first.source).toEqual({ kind: 'download', location: `${base}/mice.csv` });
    expect(first.filledCells).toBe(1396);
    expect(readdirSync(cacheDir)).toEqual([MICE_FILE_NAME]);
    expect(readFileSync(join(cacheDir, MICE_FILE_NAME)).equals(readFileSync(miceCsv))).toBe(true);

    const before = hits.length;
    const second = await loadMice({ cacheDir, url: `${base}/mice.csv` });
    expect(hits.length).toBe(before);
    expect(second.source).toEqual({ kind: 'cache', location: join(cacheDir, MICE_FILE_NAME) });
    expect(second.X).toEqual(first.X);
  });

  it('a corrupted download is a checksum error and leaves the cache untouched', async () => {
    const cacheDir = fresh('cache-corrupt');
    const [code, message] = await codeOf(loadMice({ cacheDir, url: `${base}/corrupted.csv` }));
    expect(code).toBe('CHECKSUM_MISMATCH');
    expect(message).toMatch(/SHA-256 is [0-9a-f]{64}, expected 1d6722b0/);
    expect(existsSync(cacheDir) ? readdirSync(cacheDir) : []).toEqual([]);

    // Whatever the cache held stays as it was, byte for byte, with no temporary file left.
    const kept = fresh('cache-kept');
    mkdirSync(kept);
    writeFileSync(join(kept, MICE_FILE_NAME), 'an older copy');
    const [again] = await codeOf(loadMice({ cacheDir: kept, url: `${base}/corrupted.csv` }));
    expect(again).toBe('CHECKSUM_MISMATCH');
    expect(readdirSync(kept)).toEqual([MICE_FILE_NAME]);
    expect(readFileSync(join(kept, MICE_FILE_NAME), 'utf8')).toBe('an older copy');
  });

  it('a failed download says what failed and where the cache was', async () => {
    const cacheDir = fresh('cache-http');
    const [code, message] = await codeOf(loadMice({ cacheDir, url: `${base}/missing.csv` }));
    expect(code).toBe('MISSING_FILE');
    expect(message).toContain('HTTP 503 Service Unavailable');
    expect(message).toContain(join(cacheDir, MICE_FILE_NAME));
    expect(message).toMatch(/copy shipped with the package/);
    expect(existsSync(cacheDir) ? readdirSync(cacheDir) : []).toEqual([]);
  });

  it('a cached file that is no longer the right one is fetched again', async () => {
    const cacheDir = fresh('cache-stale');
    await loadMice({ cacheDir, url: `${base}/mice.csv` });
    writeFileSync(join(cacheDir, MICE_FILE_NAME), 'MouseID\n');
    const data = await loadMice({ cacheDir, url: `${base}/mice.csv` });
    expect(data.source.kind).toBe('download');
    expect(readFileSync(join(cacheDir, MICE_FILE_NAME)).equals(readFileSync(miceCsv))).toBe(true);
  });

  it('takes one source, and rejects unknown options', async () => {
    expect((await codeOf(loadMice({ path: miceCsv, text })))[1]).toMatch(
      /one source, got text and path/,
    );
    expect((await codeOf(loadMice({ pth: miceCsv } as never)))[0]).toBe('UNKNOWN_OPTION');
    const fromText = await loadMice({ text });
    expect(fromText.source).toEqual({ kind: 'text' });
    const fromBlob = await loadMice({ file: new Blob([text]) });
    expect(fromBlob.y).toEqual(fromText.y);
  });
});

describe('defaultCacheDir', () => {
  it('is $XDG_CACHE_HOME/lassonet when set, else ~/.cache/lassonet', () => {
    const saved = process.env.XDG_CACHE_HOME;
    try {
      process.env.XDG_CACHE_HOME = join(tmpdir(), 'xdg-cache');
      expect(defaultCacheDir()).toBe(join(tmpdir(), 'xdg-cache', 'lassonet'));
      process.env.XDG_CACHE_HOME = '';
      expect(defaultCacheDir()).toBe(join(homedir(), '.cache', 'lassonet'));
      delete process.env.XDG_CACHE_HOME;
      expect(defaultCacheDir()).toBe(join(homedir(), '.cache', 'lassonet'));
    } finally {
      if (saved === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = saved;
    }
  });
});
