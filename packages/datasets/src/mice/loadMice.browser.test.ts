import { describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
// The browser entry point: it must not pull in anything from Node.
import { DatasetError, loadMice, loadMiceSplit } from '../index.js';

// readFile resolves paths from the package directory; the data sit beside the repository.
const text = await commands.readFile('../../../shared/data/mice/Data_Cortex_Nuclear.csv');

describe('loadMice in the browser', () => {
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
