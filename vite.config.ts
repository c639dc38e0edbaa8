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
        // A stable identity: the installed app stays one app if start_url ever changes.
        id: '/',
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
        // Long-press on the home-screen icon: straight to a new session.
        shortcuts: [
          {
            name: 'Scan barcodes',
            short_name: 'Scan',
            url: '/scan/new?mode=barcode_scan',
            icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }],
          },
          {
            name: 'Photograph products',
            short_name: 'Photos',
            url: '/scan/new?mode=product_photography',
            icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }],
          },
        ],
        // Shown by the richer install dialog on Android and desktop Chromium.
        screenshots: [
          {
            src: '/screenshots/scanner-phone.png',
            sizes: '412x915',
            type: 'image/png',
            form_factor: 'narrow',
            label: 'The scanner on a phone: the last scan and its state',
          },
          {
            src: '/screenshots/scanner-tablet.png',
            sizes: '1280x800',
            type: 'image/png',
            form_factor: 'wide',
            label: 'The scanner on a tablet: the camera beside the list of scans',
          },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,wasm,webmanifest}'],
        // Install-dialog pictures: the store shows them, the app never does offline.
        globIgnores: ['screenshots/**'],
        // The zxing-wasm reader is about 1 MB; precache it so scanning works offline.
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
      },
    }),
  ],
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(pkg.version) },
  // Maps for local debugging only: 'hidden' leaves no sourceMappingURL, and the server refuses .map.
  // The manifest tells the server which chunks each screen needs, for its preload hints
  // (server/src/screen-preload.ts).
  build: {
    target: 'es2022',
    sourcemap: 'hidden',
    manifest: true,
    rolldownOptions: {
      output: {
        // A shared chunk's name lists every screen that uses it: too long for a URL.
        chunkFileNames: (chunk) =>
          chunk.name.startsWith('shared~') ? 'assets/shared-[hash].js' : 'assets/[name]-[hash].js',
        // Few files per screen. A phone on HTTP/1.1 fetches six at a time, and each further
        // round costs a round trip: split the default way, the scanner took 19 scripts (the
        // entry's 5 and 14 of its own), where these groups give it 10. What the entry imports
        // is one chunk; what the screens share is grouped by the set of screens that use it,
        // groups under 8 kB merged into a neighbour. Lighthouse, cold, median of 4: scanner
        // 91 -> 97 (LCP 2.57 -> 2.24 s), session 95 -> 98 (LCP 2.59 -> 2.18 s).
        codeSplitting: {
          groups: [
            { name: 'start', tags: ['$initial'], priority: 2 },
            {
              name: 'shared',
              test: /[\\/]src[\\/]/,
              minShareCount: 2,
              entriesAware: true,
              entriesAwareMergeThreshold: 8000,
              priority: 1,
            },
          ],
        },
      },
    },
  },
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
