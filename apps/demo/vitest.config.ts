import { nodeConfig } from '@lassonet/vitest-config';

// The command and the page are tested from outside, as users run them: the built command under
// node, the built page in headless Chromium.
export default nodeConfig({ test: { testTimeout: 180_000 } });
