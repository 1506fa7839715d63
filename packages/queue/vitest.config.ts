import { nodeConfig } from '@lassonet/vitest-config';

// Each test file starts its own redis-server on a free loopback port; the workers are child
// processes or in-process BullMQ workers, and small paths take seconds.
export default nodeConfig({ test: { testTimeout: 120_000, hookTimeout: 60_000 } });
