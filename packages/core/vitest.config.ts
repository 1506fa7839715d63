import { nodeConfig } from '@lassonet/vitest-config';

export default nodeConfig({ test: { name: 'node' } });
