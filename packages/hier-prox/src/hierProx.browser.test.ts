import '@lassonet/backend-webgl';
import { commands } from 'vitest/browser';
import { describeHierProx } from './test-utils/describeHierProx.js';
import { REFERENCE_VALUES, type ReferenceValues } from './test-utils/fixtures.js';

// readFile resolves paths from the package directory; the fixtures sit beside the repository (../shared).
const values = JSON.parse(await commands.readFile(`../../${REFERENCE_VALUES}`)) as ReferenceValues;

// 'auto' runs the tensor-op version on webgl, so the weights stay on the GPU.
describeHierProx({ backend: 'webgl', values, methods: ['auto', 'arrays'] });
