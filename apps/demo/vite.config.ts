import { defineConfig } from 'vite';
import { miceDataPlugin } from './src/vite/miceDataPlugin.js';

// The web page: `vite` serves it, `vite build` writes a static site to dist/web.
export default defineConfig({
  base: './',
  plugins: [miceDataPlugin()],
  build: { outDir: 'dist/web', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4000 },
  worker: { format: 'es' },
  // The wasm adapter finds its .wasm files next to its own module (import.meta.url), which
  // pre-bundling would move.
  optimizeDeps: { exclude: ['@lassonet/backend-wasm'] },
});
