import '@lassonet/backend-webgl';
import { describeNetwork } from './test-utils/describeNetwork.js';

// SwiftShader renders WebGL on the CPU: 200 steps show a leak as surely as 1,000.
describeNetwork('webgl', { leakSteps: 200 });
