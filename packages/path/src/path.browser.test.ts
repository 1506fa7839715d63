import '@lassonet/backend-webgl';
import { describePath } from './test-utils/describePath.js';

// SwiftShader renders WebGL on the CPU, slowly: the browser runs the core of the suite.
describePath('webgl', { full: false });
