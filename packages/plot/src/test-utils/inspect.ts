import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export { pngSize } from './png.js';
export { marks } from './svg.js';

/** Keeps a rendered chart in test-artifacts/ (git-ignored) for a person to look at. */
export function saveArtifact(name: string, bytes: Uint8Array | string): void {
  const dir = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}${name}`, bytes);
}
