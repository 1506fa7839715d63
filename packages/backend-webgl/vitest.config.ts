import { browserConfig, nodeConfig, projectsConfig } from '@lassonet/vitest-config';

// Node checks the clear error under Node; Chromium runs the conformance suite on WebGL2.
export default projectsConfig(
  nodeConfig({ test: { name: 'node' } }),
  browserConfig({ test: { name: 'chromium' } }),
);
