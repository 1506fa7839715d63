import '@lassonet/backend-webgl';
import { commands } from 'vitest/browser';
import { describeHierProx } from './test-utils/describeHierProx.js';
import { FIXTURE_FILES, parseReferenceValues } from './test-utils/fixtures.js';

// readFile resolves paths from the package directory, where the fixtures are.
const values = parseReferenceValues({
  hierProx: await commands.readFile(FIXTURE_FILES.hierProx),
  groupHierProx: await commands.readFile(FIXTURE_FILES.groupHierProx),
});

// 'auto' runs the tensor-op version on webgl, so the weights stay on the GPU.
describeHierProx({ backend: 'webgl', values, methods: ['auto', 'arrays'] });
