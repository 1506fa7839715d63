import { browserConfig, nodeConfig, projectsConfig } from '@lassonet/vitest-config';

// SVG and PNG in Node; a live view in Chromium.
export default projectsConfig(
  nodeConfig({ test: { name: 'node' } }),
  browserConfig({ test: { name: 'chromium' } }),
);
