// The build of the three Electron parts. main and preload are bundled as CommonJS (the
// sandboxed preload cannot load ES modules); the renderer is the same bundle browser mode serves.
// A packaged binary gets its fuses flipped by src-main/electron/fuses.ts (`npm run fuses -- <binary>`).
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { rendererConfig } from './src-renderer/vite.config';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rollupOptions: {
        input: { index: resolve('src-main/electron/main.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require only 'electron': bundle the contract's dependencies.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src-main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    build: { ...rendererConfig.build, rollupOptions: { input: { index: resolve('src-renderer/index.html') } } },
  },
});
