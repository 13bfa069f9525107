import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

/**
 * Builds only the Electron main process and preload script into `out/`. The renderer is the same `vite build`
 * the browser mode uses (`dist/web`), served to the window through the `bdlab://` protocol.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Bundle everything main imports, so the package needs no node_modules (electron-builder excludes them).
      externalizeDeps: false,
      rolldownOptions: {
        input: { main: resolve(import.meta.dirname, 'electron/main.ts') },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load ES modules or other local files: one self-contained CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { preload: resolve(import.meta.dirname, 'electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
});
