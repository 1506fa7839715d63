import { browserConfig, nodeConfig } from '@lassonet/vitest-config';
import { defineConfig } from 'vitest/config';

// Node checks the clear error under Node; Chromium runs the conformance suite on WebGL2.
export default defineConfig({
  test: {
    projects: [
      nodeConfig({ test: { name: 'node' } }),
      browserConfig({ test: { name: 'chromium' } }),
    ],
  },
});
