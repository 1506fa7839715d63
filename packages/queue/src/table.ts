import { createHash } from 'node:crypto';
import type { HostMatrix } from '@lassonet/model';
import type { PlainY } from '@lassonet/path';

const MAGIC = 'LNT1';
const HEADER_BYTES = 16;

/** A table (X as Float32 rows, y as plain numbers) in the bytes stored in Redis. */
export interface EncodedTable {
  bytes: Buffer;
  /** The SHA-256 of `bytes`, in hex: the table's name in Redis and in workers' caches. */
  sha256: string;
}

/**
 * X and y as one buffer: "LNT1", rows, columns and the byte length of y's JSON (little-endian
 * uint32 each), y's JSON padded to 4 bytes, then X's Float32 values row by row. Float32 bytes
 * and JSON numbers round-trip exactly, so a worker trains on the very values of the submitter.
 */
export function encodeTable(X: HostMatrix, y: PlainY): EncodedTable {
  const [n, d] = X.shape;
  const yJson = Buffer.from(JSON.stringify(y), 'utf8');
  const yPadded = Math.ceil(yJson.length / 4) * 4;
  const bytes = Buffer.alloc(HEADER_BYTES + yPadded + n * d * 4);
  bytes.write(MAGIC, 0, 'latin1');
  bytes.writeUInt32LE(n, 4);
  bytes.writeUInt32LE(d, 8);
  bytes.writeUInt32LE(yJson.length, 12);
  yJson.copy(bytes, HEADER_BYTES);
  const x = new Uint8Array(X.data.buffer, X.data.byteOffset, n * d * 4);
  bytes.set(x, HEADER_BYTES + yPadded);
  return { bytes, sha256: sha256(bytes) };
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The table in `bytes`, checked against its SHA-256 and its own header. */
export function decodeTable(bytes: Buffer, expectedSha256: string): { X: HostMatrix; y: PlainY } {
  const actual = sha256(bytes);
  if (actual !== expectedSha256) {
    throw new Error(`the stored table's SHA-256 is ${actual}, not ${expectedSha256}`);
  }
  if (bytes.length < HEADER_BYTES || bytes.toString('latin1', 0, 4) !== MAGIC) {
    throw new Error('the stored table is not in LassoNet table format');
  }
  const n = bytes.readUInt32LE(4);
  const d = bytes.readUInt32LE(8);
  const yLength = bytes.readUInt32LE(12);
  const xStart = HEADER_BYTES + Math.ceil(yLength / 4) * 4;
  if (bytes.length !== xStart + n * d * 4) {
    throw new Error(`the stored table has ${bytes.length} bytes, not ${xStart + n * d * 4}`);
  }
  const y = JSON.parse(bytes.toString('utf8', HEADER_BYTES, HEADER_BYTES + yLength)) as PlainY;
  // A copy, aligned for Float32Array whatever the Buffer's offset in its pool.
  const data = new Float32Array(n * d);
  new Uint8Array(data.buffer).set(bytes.subarray(xStart));
  return { X: { data, shape: [n, d] }, y };
}

/**
 * The last few tables a worker has read, by SHA-256, so a run's tasks fetch them once: tasks that
 * ask for a table while it is being read wait for that one read. A failed read is not kept.
 */
export class TableCache {
  private readonly tables = new Map<string, Promise<{ X: HostMatrix; y: PlainY }>>();

  constructor(private readonly capacity = 4) {}

  get(
    sha: string,
    load: () => Promise<{ X: HostMatrix; y: PlainY }>,
  ): Promise<{ X: HostMatrix; y: PlainY }> {
    let table = this.tables.get(sha);
    if (table !== undefined) {
      // Most recently used last.
      this.tables.delete(sha);
    } else {
      table = load();
      table.catch(() => {
        if (this.tables.get(sha) === table) this.tables.delete(sha);
      });
    }
    this.tables.set(sha, table);
    while (this.tables.size > this.capacity) {
      this.tables.delete(this.tables.keys().next().value as string);
    }
    return table;
  }

  get size(): number {
    return this.tables.size;
  }
}
