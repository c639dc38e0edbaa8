import type { LanInfo } from '#contract';
import compress from '@fastify/compress';
import cors from '@fastify/cors';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type FastifyServerFactory } from 'fastify';
import { PHOTO_UPLOAD_LIMITS, SCANNER_API_PREFIX } from '#contract';
import type { Clock } from './clock';
import { systemClock } from './clock';
import { onlyTableRoutes } from './http/route';
import { registerAccess } from './http/access';
import { registerErrorHandler } from './http/error-handler';
import { registerJsonBody } from './http/json-body';
import { MULTIPART_LIMITS } from './http/multipart';
import { originResolver, type OriginOptions } from './http/origins';
import { memoryCounts, RateLimiter, type RateLimitDefaults } from './limits/rate-limiter';
import { purgeWindows, storedCounts } from './limits/window-counts';
import { capturesRoutes } from './routes/captures/captures.routes';
import { uploadImageRoutes } from './routes/captures/upload-image.routes';
import { digitalLinkRoutes } from './routes/digital-link/digital-link.routes';
import { healthRoutes } from './routes/health/health.routes';
import { keyRoutes } from './routes/key/key.routes';
import { DOCS_PATH, OPENAPI_PATH, openApiRoutes } from './routes/openapi/openapi.routes';
import { photosRoutes } from './routes/photos/photos.routes';
import { proposalsRoutes } from './routes/proposals/proposals.routes';
import { resolveRoutes } from './routes/resolve/resolve.routes';
import { sessionsRoutes } from './routes/sessions/sessions.routes';
import { trustRoutes } from './routes/trust/trust.routes';
import { uploadsRoutes } from './routes/uploads/uploads.routes';
import { registerSecurityHeaders } from './security';
import { createServices, type Services } from './services';
import { presignSecret } from './storage/presign-secret';
import type { Sql } from './store/sql';
import type { ObjectStore } from './storage/object-store';
import { registerStaticApp } from './static';

export interface AppOptions {
  /** The database, through its adapter (SQLite or PostgreSQL). */
  sql: Sql;
  /** Signs presigned upload URLs; unset, a random secret stored in the database is shared. */
  presignSecret?: string | null;
  dataDir: string;
  /** Where uploaded images go; a folder under dataDir unless given (a shared one, a bucket). */
  objects?: ObjectStore;
  version: string;
  clock?: Clock;
  /** The built app to serve; omitted in API-only tests. */
  staticDir?: string;
  pipelineDelayMs?: number;
  allowPrivateUrls?: boolean;
  sessionTtlSeconds?: number;
  rateLimits?: RateLimitDefaults;
  /** Limits per client address for requests without a valid key (401s, public paths). */
  ipRateLimits?: RateLimitDefaults;
  /** At most PHOTO_UPLOAD_LIMITS.maxBytes; lower it to see 413s without 15 MB photos. */
  uploadMaxBytes?: number;
  logger?: boolean;
  logLevel?: string;
  /** The HTTP server to listen with (an HTTPS one for TLS); Fastify's own http.Server if unset. */
  serverFactory?: FastifyServerFactory;
  /** With --lan: the local CA, served at /trust for phones to install. */
  trust?: { caCert: string; serverName: string };
  /** The public origin and the other origins allowed to call the API (CORS). */
  origins?: OriginOptions;
}

const API_PREFIXES = [SCANNER_API_PREFIX, '/products/api/'];
/** Generous for a store's phones behind one address, tight for a key-guessing loop. */
export const DEFAULT_IP_LIMITS: RateLimitDefaults = { perMinute: 300, perDay: 20_000 };

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
    /** One pass of the maintenance job: expire idle sessions, forget old idempotency keys. */
    maintenance: () => Promise<{ expired: number; purgedKeys: number }>;
  }
}

/**
 * Builds the server without listening and without reading the environment, so tests create it
 * in-process and call it through `inject`.
 */
export async function createApp(options: AppOptions): Promise<FastifyInstance> {
  const clock = options.clock ?? systemClock;
  const app = Fastify({
    logger: options.logger ? { level: options.logLevel ?? 'warn' } : false,
    trustProxy: false,
    // `__proto__` is a legal metadata key (contract tests cover it). It stays an own data
    // property: every schema copies entries with Object.entries/fromEntries, never by assignment.
    onProtoPoisoning: 'ignore',
    ...(options.serverFactory ? { serverFactory: options.serverFactory } : {}),
  });
  const services = createServices({
    sql: options.sql,
    clock,
    presignSecret: await presignSecret(options.sql, options.presignSecret ?? null),
    dataDir: options.dataDir,
    objects: options.objects,
    pipelineDelayMs: options.pipelineDelayMs ?? 0,
    allowPrivateUrls: options.allowPrivateUrls ?? false,
    origins: originResolver(options.origins ?? {}),
    uploadMaxBytes: Math.min(
      options.uploadMaxBytes ?? PHOTO_UPLOAD_LIMITS.maxBytes,
      PHOTO_UPLOAD_LIMITS.maxBytes,
    ),
    onPipelineError: (error, captureId) =>
      app.log.error({ err: error, captureId }, 'capture pipeline failed'),
  });
  app.decorate('services', services);

  registerErrorHandler(app);
  registerJsonBody(app);
  registerSecurityHeaders(app);
  // gzip or brotli for everything over 1 kB: the app's main script, a big session's detail.
  await app.register(compress, { global: true, encodings: ['br', 'gzip'] });
  await app.register(cors, {
    delegator: (request, callback) =>
      callback(null, {
        origin: services.origins.corsAllowed(request.headers.origin, request),
        allowedHeaders: ['Content-Type', 'X-API-Key', 'Idempotency-Key', 'If-None-Match'],
        exposedHeaders: [
          'RateLimit-Policy',
          'RateLimit-Limit',
          'RateLimit-Remaining',
          'RateLimit-Reset',
          'X-RateLimit-Limit',
          'X-RateLimit-Remaining',
          'X-RateLimit-Reset',
          'Retry-After',
          'Idempotent-Replayed',
          'ETag',
        ],
        methods: ['GET', 'POST', 'PATCH', 'DELETE'],
      }),
  });
  await app.register(multipart, {
    limits: { fileSize: services.uploadMaxBytes, ...MULTIPART_LIMITS },
  });

  // One SQLite instance counts in memory, off the disk; instances sharing PostgreSQL count in it.
  const counts = options.sql.dialect === 'postgres' ? storedCounts(options.sql) : memoryCounts();
  registerAccess(app, {
    keys: services.keys,
    clock,
    keyLimiter: new RateLimiter(
      clock,
      options.rateLimits ?? { perMinute: 300, perDay: 10_000 },
      counts,
    ),
    ipLimiter: new RateLimiter(clock, options.ipRateLimits ?? DEFAULT_IP_LIMITS, counts),
    apiPrefixes: API_PREFIXES,
  });

  onlyTableRoutes(app, API_PREFIXES, [OPENAPI_PATH, DOCS_PATH]);
  healthRoutes(app, options.version);
  keyRoutes(app);
  sessionsRoutes(app, services);
  capturesRoutes(app, services);
  uploadImageRoutes(app, services);
  photosRoutes(app, services);
  uploadsRoutes(app, services);
  proposalsRoutes(app, services);
  resolveRoutes(app, services);
  digitalLinkRoutes(app);
  openApiRoutes(app, options.version);
  if (options.trust) trustRoutes(app, options.trust.caCert, options.trust.serverName);
  else
    app.get('/trust/info.json', { config: { access: 'public' } }, (): LanInfo => ({ lan: false }));
  await registerStaticApp(app, options.staticDir, [
    ...API_PREFIXES,
    '/healthz',
    '/scanner/uploads',
  ]);

  const ttl = options.sessionTtlSeconds ?? 86_400;
  // Every instance runs it on its timer; they take turns on the lock, and a second pass finds
  // nothing left to do.
  app.decorate('maintenance', () =>
    options.sql.transaction(async () => {
      await options.sql.lock('maintenance');
      await purgeWindows(options.sql, clock.now());
      return {
        expired: await services.sessions.expireIdle(ttl),
        purgedKeys: await services.idempotency.purge(),
      };
    }),
  );
  app.addHook('onClose', () => services.pipeline.stop());
  await services.pipeline.resume();
  return app;
}
