import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import pkg from './package.json' with { type: 'json' };

// The dev server proxies the API to the local server started by `npm start` (or PORT).
const apiTarget = `http://127.0.0.1:${process.env['PORT'] ?? '8787'}`;

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'service-worker.ts',
      // We register it ourselves through workbox-window (src/sw/register.ts).
      injectRegister: null,
      manifest: {
        name: 'Closient Scanner',
        short_name: 'Scanner',
        description: 'Scan products and photograph them for Closient.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#0f1115',
        theme_color: '#0f1115',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,wasm,webmanifest}'],
        // The zxing-wasm reader is about 1 MB; precache it so scanning works offline.
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
      },
    }),
  ],
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(pkg.version) },
  // Maps for local debugging only: 'hidden' leaves no sourceMappingURL, and the server refuses .map.
  build: { target: 'es2022', sourcemap: 'hidden' },
  // ES module workers can split: ZXing-JS (the fallback, ~400 kB) becomes its own chunk, loaded
  // only where WebAssembly is unavailable, instead of being inlined into the decoder worker.
  worker: { format: 'es' },
  server: {
    proxy: {
      '/scanner/api': apiTarget,
      '/products/api': apiTarget,
      '/healthz': apiTarget,
    },
  },
});
