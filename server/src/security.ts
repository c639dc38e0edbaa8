import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Security headers for the app and the API. The CSP allows what a scanner needs and no more:
 * WebAssembly compilation for the decoder ('wasm-unsafe-eval', not 'unsafe-eval'), blob:
 * workers and media for the camera, and https: connections so the app can be pointed at the
 * real Closient API.
 *
 * helmet itself, built once: @fastify/helmet builds helmet's middleware again for every request
 * (parsing the CSP each time), which cost a tenth of a health check's time.
 */
const setHeaders = helmet({
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
      workerSrc: ["'self'", 'blob:'],
      imgSrc: ["'self'", 'data:', 'blob:'],
      mediaSrc: ["'self'", 'blob:', 'mediastream:'],
      connectSrc: ["'self'", 'https:'],
      styleSrc: ["'self'", "'unsafe-inline'"],
      manifestSrc: ["'self'"],
      frameAncestors: ["'none'"],
      upgradeInsecureRequests: null,
    },
  },
  // Cross-origin isolation would block the real API's images; not needed for the scanner.
  crossOriginEmbedderPolicy: false,
  // The same rule as the CSP's frame-ancestors 'none', for browsers that predate it.
  xFrameOptions: { action: 'deny' },
  // HSTS over plain HTTP is meaningless and, on a LAN address, harmful: set it per request.
  strictTransportSecurity: false,
});

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    setHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
    void reply.header('Permissions-Policy', 'camera=(self), microphone=(), geolocation=()');
    if (request.protocol === 'https') {
      void reply.header('Strict-Transport-Security', 'max-age=31536000');
    }
  });
}
