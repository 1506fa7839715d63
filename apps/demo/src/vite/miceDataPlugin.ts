import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCacheDir, MICE_FILE_NAME } from '@lassonet/datasets';
import type { Plugin } from 'vite';

/** Where the page looks for its served copy of the data (see src/web/main.ts). */
export const SERVED_PATH = `/data/${MICE_FILE_NAME}`;

/** A local MICE file: $LASSONET_DATA_DIR first, then the loader's download cache. */
export function findLocalMice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dirs = [env.LASSONET_DATA_DIR, defaultCacheDir()].filter(
    (d): d is string => d !== undefined && d !== '',
  );
  return dirs.map((d) => join(d, MICE_FILE_NAME)).find((file) => existsSync(file));
}

/**
 * Serves a local copy of the MICE file beside the page (dev server) and puts it in the build,
 * so the page starts without a download. Without one the page downloads it or takes a file.
 */
export function miceDataPlugin(file: string | undefined = findLocalMice()): Plugin {
  return {
    name: 'lassonet-mice-data',
    configureServer(server) {
      if (file === undefined) return;
      server.middlewares.use(SERVED_PATH, (_request, response) => {
        response.setHeader('content-type', 'text/csv');
        response.end(readFileSync(file));
      });
    },
    generateBundle() {
      if (file === undefined) return;
      this.emitFile({
        type: 'asset',
        fileName: SERVED_PATH.slice(1),
        source: readFileSync(file),
      });
    },
  };
}
