import { browserConfig, nodeConfig } from '@lassonet/vitest-config';
import { defineConfig } from 'vitest/config';

// The suite runs under Node and, from the built package, in a Chromium bundle.
export default defineConfig({
  test: {
    projects: [
      nodeConfig({ test: { name: 'node' } }),
      browserConfig({ test: { name: 'chromium' } }),
    ],
  },
});
