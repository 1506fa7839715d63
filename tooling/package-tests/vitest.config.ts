import { nodeConfig } from '@lassonet/vitest-config';

// Packing and installing with npm takes a while on a cold cache.
export default nodeConfig({ test: { testTimeout: 300_000, hookTimeout: 300_000 } });
