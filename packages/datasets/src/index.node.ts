// The Node entry: the browser entry, with a loadMice that reads files, honours
// LASSONET_DATA_DIR and keeps a download cache.
export * from './index.js';
export { defaultCacheDir, loadMice, type MiceOptions } from './mice/loadMiceNode.js';

import { loadMice, type MiceOptions } from './mice/loadMiceNode.js';
import { withMiceSplit } from './mice/miceSplit.js';

/** Loads MICE (see loadMice) and applies the seed demo's split and scaling (see miceSplit). */
export const loadMiceSplit = withMiceSplit<MiceOptions>(loadMice);
