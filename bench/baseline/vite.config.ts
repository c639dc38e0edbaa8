import path from 'node:path';
import { defineConfig } from 'vite';

/** Builds the @zxing/browser baseline page into dist-baseline/, beside the app's dist/. */
export default defineConfig({
  root: import.meta.dirname,
  base: '/baseline/',
  logLevel: 'warn',
  build: {
    outDir: path.resolve(import.meta.dirname, '..', '..', 'dist-baseline'),
    emptyOutDir: true,
  },
});
