import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as browser from './index.js';
import * as node from './index.node.js';
import { loadMice as browserLoadMice } from './mice/loadMice.js';
import { loadMice as nodeLoadMice } from './mice/loadMiceNode.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Every module the browser entry reaches through relative imports and re-exports. */
function reachable(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const [, specifier] of source.matchAll(/(?:import|export)[^'"]*?from\s+'([^']+)'/g)) {
    if (specifier?.startsWith('.')) {
      reachable(join(dirname(file), specifier.replace(/\.js$/, '.ts')), seen);
    } else if (specifier !== undefined) {
      seen.add(specifier);
    }
  }
  return seen;
}

describe('entry points', () => {
  it('the browser entry reaches no Node built-in module', () => {
    const modules = [...reachable(join(here, 'index.ts'))];
    expect(modules.filter((m) => m.startsWith('node:'))).toEqual([]);
    expect(modules).toContain('papaparse');
    expect(modules.some((m) => m.endsWith('loadMiceNode.ts'))).toBe(false);
  });

  it('under Node, loadMice is the one with files and a cache; the rest is shared', () => {
    expect(node.loadMice).toBe(nodeLoadMice);
    expect(browser.loadMice).toBe(browserLoadMice);
    const nodeApi = new Map(Object.entries(node));
    for (const [name, value] of Object.entries(browser)) {
      if (name !== 'loadMice' && name !== 'loadMiceSplit')
        expect(nodeApi.get(name), name).toBe(value);
    }
    expect(Object.keys(node).sort()).toEqual([...Object.keys(browser), 'defaultCacheDir'].sort());
  });
});
