import { describe, expect, it } from 'vitest';
import { decodeTable, encodeTable, sha256, TableCache } from './table.js';

const X = {
  data: Float32Array.from([0.1, -2.5e-8, 3e30, Math.PI, -0, 7]),
  shape: [3, 2] as [number, number],
};

describe('encodeTable / decodeTable', () => {
  it('round-trips X bit for bit and y exactly, under the SHA-256 of the bytes', () => {
    for (const y of [
      [0.1, 1 / 3, -7e-300],
      [
        [1, 0],
        [2.5, 1],
        [3, 0],
      ],
    ]) {
      const { bytes, sha256: sha } = encodeTable(X, y);
      expect(sha).toBe(sha256(bytes));
      expect(sha).toMatch(/^[0-9a-f]{64}$/);
      const back = decodeTable(bytes, sha);
      expect(back.X.shape).toEqual([3, 2]);
      expect(Buffer.from(back.X.data.buffer).equals(Buffer.from(X.data.buffer))).toBe(true);
      expect(back.y).toEqual(y);
    }
  });

  it('reads X from a view into a larger buffer', () => {
    const big = new Float32Array(10).fill(9);
    big.set(X.data, 3);
    const view = { data: big.subarray(3, 9), shape: [3, 2] as [number, number] };
    expect(encodeTable(view, [1, 2, 3]).sha256).toBe(encodeTable(X, [1, 2, 3]).sha256);
  });

  it('gives different tables different names', () => {
    expect(encodeTable(X, [1, 2, 3]).sha256).not.toBe(encodeTable(X, [1, 2, 4]).sha256);
  });

  it('refuses bytes that do not match their SHA-256 or their header', () => {
    const { bytes, sha256: sha } = encodeTable(X, [1, 2, 3]);
    const changed = Buffer.from(bytes);
    changed.writeUInt8((changed.at(-1) as number) ^ 1, changed.length - 1);
    expect(() => decodeTable(changed, sha)).toThrow(
      /^the stored table's SHA-256 is [0-9a-f]{64}, not /,
    );
    const cut = bytes.subarray(0, bytes.length - 4);
    expect(() => decodeTable(cut, sha256(cut))).toThrow(
      /^the stored table has \d+ bytes, not \d+$/,
    );
    const other = Buffer.from('something else');
    expect(() => decodeTable(other, sha256(other))).toThrow('not in LassoNet table format');
  });
});

describe('TableCache', () => {
  it('loads each table once and forgets the least recently used', async () => {
    const cache = new TableCache(2);
    const loads: string[] = [];
    const load = (name: string) => async () => {
      loads.push(name);
      return { X, y: [1, 2, 3] };
    };
    await cache.get('a', load('a'));
    await cache.get('b', load('b'));
    await cache.get('a', load('a'));
    await cache.get('c', load('c'));
    await cache.get('a', load('a'));
    await cache.get('b', load('b'));
    expect(loads).toEqual(['a', 'b', 'c', 'b']);
    expect(cache.size).toBe(2);
  });

  it('reads a table once for tasks that ask for it at the same time, and forgets a failed read', async () => {
    const cache = new TableCache();
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return { X, y: [1, 2, 3] };
    };
    const [a, b] = await Promise.all([cache.get('a', load), cache.get('a', load)]);
    expect(loads).toBe(1);
    expect(a).toBe(b);
    const failing = async (): Promise<{ X: typeof X; y: number[] }> => {
      throw new Error('gone');
    };
    await expect(cache.get('b', failing)).rejects.toThrow('gone');
    expect(cache.size).toBe(1);
    await cache.get('b', load);
    expect(loads).toBe(2);
  });
});
