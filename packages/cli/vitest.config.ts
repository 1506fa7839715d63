import { nodeConfig } from '@lassonet/vitest-config';

// End-to-end tests run the built command under plain node, as users do; they train small paths.
export default nodeConfig({ test: { testTimeout: 180_000 } });
