import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultWasmPaths, WASM_FILES } from './wasmPaths.js';

describe('defaultWasmPaths under Node', () => {
  it('is the dist directory of the installed tfjs wasm backend, holding all three binaries', () => {
    const prefix = defaultWasmPaths();
    expect(typeof prefix).toBe('string');
    expect(prefix).toMatch(/@tensorflow[/\\]tfjs-backend-wasm[/\\]dist[/\\]$/);
    for (const file of WASM_FILES) expect(existsSync(join(prefix as string, file))).toBe(true);
  });
});
