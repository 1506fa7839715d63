import '@lassonet/backend-cpu';
import '@lassonet/backend-wasm';
import { describeNetwork } from './test-utils/describeNetwork.js';

// One suite on both Node backends; webgl runs it in Chromium (network.browser.test.ts).
describeNetwork('cpu');
describeNetwork('wasm');
