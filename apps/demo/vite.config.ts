import { defineConfig } from 'vite';

// The web page: `vite` serves it, `vite build` writes a static site to dist/web.
export default defineConfig({
  base: './',
  build: { outDir: 'dist/web', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4000 },
  worker: { format: 'es' },
  // The wasm adapter finds its .wasm files, and the datasets package its MICE copy, next to their
  // own modules (import.meta.url), which pre-bundling would move; papaparse, CommonJS, is still
  // pre-bundled for the datasets package.
  optimizeDeps: {
    exclude: ['@lassonet/backend-wasm', '@lassonet/datasets'],
    include: ['@lassonet/datasets > papaparse'],
  },
});
