import { rejection as rejectionOf, thrown as thrownBy } from '@lassonet/vitest-config/errors';
import { ModelError } from '../index.js';

/** The ModelError `fn` throws; fails when it throws nothing or something else. */
export const thrown = (fn: () => unknown): ModelError => thrownBy(ModelError, fn);

/** The ModelError the promise rejects with; fails when it resolves or rejects with something else. */
export const rejection = (p: Promise<unknown>): Promise<ModelError> => rejectionOf(ModelError, p);
