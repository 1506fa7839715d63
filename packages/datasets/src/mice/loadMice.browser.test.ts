import { describe, expect, it, vi } from 'vitest';
// The browser entry point: it must not pull in anything from Node.
import { DatasetError, loadMice, loadMiceSplit } from '../index.js';

// The shipped file, decompressed here independently of the loader. The test server sends .gz
// files with Content-Encoding: gzip, so the browser may already have decompressed it.
const shipped = await (
  await fetch(new URL('../../data/Data_Cortex_Nuclear.csv.gz', import.meta.url))
).blob();
const gzipped = new Uint8Array(await shipped.slice(0, 2).arrayBuffer());
const text =
  gzipped[0] === 0x1f && gzipped[1] === 0x8b
    ? await new Response(shipped.stream().pipeThrough(new DecompressionStream('gzip'))).text()
    : await shipped.text();

describe('loadMice in the browser', () => {
  it('by default fetches the copy shipped with the package and checks it', async () => {
    const data = await loadMice();
    expect(data.source.kind).toBe('package');
    expect(data.source.location).toMatch(/\/data\/Data_Cortex_Nuclear\.csv\.gz$/);
    expect(data.X).toHaveLength(1080);
    expect(data.filledCells).toBe(1396);
    const again = await loadMice({ file: new File([text], 'copy.csv') });
    expect(again.X).toEqual(data.X);
  });

  it('decompresses the shipped copy when the server sends it as stored (gzip bytes)', async () => {
    const gzip = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
    const bytes = new Uint8Array(await new Response(gzip).arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    vi.stubGlobal('fetch', async () => new Response(bytes));
    try {
      const data = await loadMice({ source: 'package' });
      expect(data.source.kind).toBe('package');
      expect(data.X).toHaveLength(1080);
      vi.stubGlobal('fetch', async () => new Response(bytes.slice(0, 1000)));
      const error = await loadMice().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatasetError);
      expect((error as DatasetError).code).toBe('CHECKSUM_MISMATCH');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('reads a dropped File', async () => {
    const file = new File([text], 'Data_Cortex_Nuclear.csv', { type: 'text/csv' });
    const data = await loadMice({ file });
    expect(data.source).toEqual({ kind: 'file', location: 'Data_Cortex_Nuclear.csv' });
    expect(data.X).toHaveLength(1080);
    expect(data.featureNames).toHaveLength(77);
    expect(data.filledCells).toBe(1396);
  });

  it('fetches a URL and checks its SHA-256 with Web Crypto', async () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
    try {
      const data = await loadMice({ url });
      expect(data.source).toEqual({ kind: 'url', location: url });
      expect(data.classNames).toHaveLength(8);
    } finally {
      URL.revokeObjectURL(url);
    }
  });

  it('refuses a URL that serves another file', async () => {
    const url = URL.createObjectURL(new Blob([text.replace('309_1', '309_2')]));
    try {
      const error = await loadMice({ url }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatasetError);
      expect((error as DatasetError).code).toBe('CHECKSUM_MISMATCH');
    } finally {
      URL.revokeObjectURL(url);
    }
  });

  it('loadMiceSplit gives the seed demo split from a File', async () => {
    const file = new File([text], 'Data_Cortex_Nuclear.csv');
    const split = await loadMiceSplit({ file, seed: 3 });
    expect(split.XTrain).toHaveLength(864);
    expect(split.XTest).toHaveLength(216);
  });
});
