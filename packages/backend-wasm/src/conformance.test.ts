import { describeConformance } from '@lassonet/backend-conformance';
import { wasm } from './index.js';

describeConformance(wasm);
