/** The three binaries of tfjs' wasm backend; tfjs picks one by SIMD and thread support. */
export const WASM_FILES = [
  'tfjs-backend-wasm.wasm',
  'tfjs-backend-wasm-simd.wasm',
  'tfjs-backend-wasm-threaded-simd.wasm',
] as const;

export type WasmFileName = (typeof WASM_FILES)[number];

/** A prefix (directory or URL ending in '/') or one location per binary. */
export type WasmPaths = string | Partial<Record<WasmFileName, string>>;

interface NodeProcess {
  versions?: { node?: string };
  getBuiltinModule?: (id: string) => unknown;
}

function nodeProcess(): NodeProcess | undefined {
  const candidate = (globalThis as { process?: NodeProcess }).process;
  return candidate?.versions?.node !== undefined && typeof candidate.getBuiltinModule === 'function'
    ? candidate
    : undefined;
}

/**
 * Where the .wasm binaries are, found without any set-up by the user.
 *
 * Under Node: the `dist/` directory of the installed `@tensorflow/tfjs-backend-wasm`, so the
 * binaries always match its JavaScript. In a browser bundle: the copies shipped in this
 * package's `dist/wasm/`, referenced with `new URL(..., import.meta.url)`, the form bundlers
 * (Vite, webpack 5, Parcel, Rollup with a URL plugin) recognise and emit as assets.
 */
export function defaultWasmPaths(): WasmPaths {
  const node = nodeProcess();
  if (node?.getBuiltinModule !== undefined) {
    // getBuiltinModule keeps `node:` imports out of browser bundles.
    const { createRequire } = node.getBuiltinModule('node:module') as typeof import('node:module');
    const { dirname, sep } = node.getBuiltinModule('node:path') as typeof import('node:path');
    const require = createRequire(import.meta.url);
    return dirname(require.resolve('@tensorflow/tfjs-backend-wasm')) + sep;
  }
  return {
    'tfjs-backend-wasm.wasm': new URL('./wasm/tfjs-backend-wasm.wasm', import.meta.url).href,
    'tfjs-backend-wasm-simd.wasm': new URL('./wasm/tfjs-backend-wasm-simd.wasm', import.meta.url)
      .href,
    'tfjs-backend-wasm-threaded-simd.wasm': new URL(
      './wasm/tfjs-backend-wasm-threaded-simd.wasm',
      import.meta.url,
    ).href,
  };
}
