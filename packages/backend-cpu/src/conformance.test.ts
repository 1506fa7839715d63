import { describeConformance } from '@lassonet/backend-conformance';
import { cpu } from './index.js';

describeConformance(cpu);
