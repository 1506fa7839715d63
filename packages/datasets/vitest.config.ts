import { browserConfig, nodeConfig, projectsConfig } from '@lassonet/vitest-config';

// The loader runs in Node (files, cache, download) and in Chromium (URL, File, Blob).
export default projectsConfig(
  nodeConfig({ test: { name: 'node' } }),
  browserConfig({ test: { name: 'chromium' } }),
);
