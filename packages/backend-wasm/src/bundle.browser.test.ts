import { backendName, useBackend } from '@lassonet/backend';
import { expectSmallMatMul } from '@lassonet/backend-conformance';
import { describe, expect, it } from 'vitest';
// The built file, as a bundler sees it: it must find the .wasm files shipped in dist/wasm/.
import { defaultWasmPaths, wasm } from '../dist/index.js';

describe('wasm from the built package in a browser bundle', () => {
  it('points at the binaries shipped beside the bundle', async () => {
    const paths = defaultWasmPaths();
    expect(typeof paths).toBe('object');
    for (const url of Object.values(paths as Record<string, string>)) {
      expect(url).toMatch(/\/dist\/wasm\/tfjs-backend-wasm[-a-z]*\.wasm$/);
      const response = await fetch(url);
      expect(response.ok).toBe(true);
      const bytes = new Uint8Array(await response.arrayBuffer());
      // Every WebAssembly module starts with "\0asm".
      expect(Array.from(bytes.slice(0, 4))).toEqual([0, 0x61, 0x73, 0x6d]);
    }
  });

  it('activates and computes without any set-up', async () => {
    await expect(useBackend(wasm)).resolves.toBe('wasm');
    expect(backendName()).toBe('wasm');
    await expectSmallMatMul();
  });
});
