import '@lassonet/backend-cpu';
import '@lassonet/backend-wasm';
import { describePath } from './test-utils/describePath.js';

// One suite on both Node backends; webgl runs part of it in Chromium (path.browser.test.ts).
describePath('cpu');
describePath('wasm');
