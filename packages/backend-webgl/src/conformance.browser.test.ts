import { tf } from '@lassonet/backend';
import { describeConformance } from '@lassonet/backend-conformance';
import { webgl } from './index.js';

// tfjs-webgl hands top-k over rows shorter than 100000 to its CPU code; lower the threshold so
// the suite checks the shader itself.
tf.env().set('TOPK_LAST_DIM_CPU_HANDOFF_SIZE_THRESHOLD', 0);

describeConformance(webgl);
