import '@lassonet/backend-cpu';
import '@lassonet/backend-wasm';
import { describeHierProx } from './test-utils/describeHierProx.js';
import { loadReferenceValues } from './test-utils/loadReferenceValues.js';

const values = loadReferenceValues();

// Both implementations on both Node backends: the kernel ('arrays') and the tensor-op version
// that runs on the GPU under webgl ('tensors').
describeHierProx({ backend: 'cpu', values, methods: ['arrays', 'tensors'] });
describeHierProx({ backend: 'wasm', values, methods: ['arrays', 'tensors'] });
