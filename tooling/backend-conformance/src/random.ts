// The suite's inputs come from the same seeded generator the LassoNet packages use.
export { Random } from '@lassonet/core';
