// Imported for its effect: the test file runs on the cpu backend, activated before its tests.
import '@lassonet/backend-cpu';
import { useBackend } from '@lassonet/backend';
import { beforeAll } from 'vitest';

beforeAll(async () => {
  await useBackend('cpu');
});
