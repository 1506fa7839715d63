import { browserConfig, nodeConfig, projectsConfig } from '@lassonet/vitest-config';

// The path suite runs on cpu and wasm in Node and on webgl in Chromium.
export default projectsConfig(
  nodeConfig({ test: { name: 'node' } }),
  browserConfig({ test: { name: 'chromium' } }),
);
