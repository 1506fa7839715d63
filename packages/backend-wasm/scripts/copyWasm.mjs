// Copies the .wasm binaries of the pinned @tensorflow/tfjs-backend-wasm into dist/wasm, where
// the browser build of this package finds them through `new URL(..., import.meta.url)`.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const files = [
  'tfjs-backend-wasm.wasm',
  'tfjs-backend-wasm-simd.wasm',
  'tfjs-backend-wasm-threaded-simd.wasm',
];
const require = createRequire(import.meta.url);
const source = dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
const target = fileURLToPath(new URL('../dist/wasm/', import.meta.url));
mkdirSync(target, { recursive: true });
for (const file of files) copyFileSync(join(source, file), join(target, file));
console.log(`copied ${files.length} .wasm files to ${target}`);
