import { browserConfig, nodeConfig, projectsConfig } from '@lassonet/vitest-config';

// The conformance suite under Node; the built package in Chromium, as a browser bundle sees it.
export default projectsConfig(
  nodeConfig({ test: { name: 'node' } }),
  browserConfig({ test: { name: 'chromium' } }),
);
