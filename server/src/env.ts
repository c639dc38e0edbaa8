import path from 'node:path';
import { z } from 'zod';
import { isPostgresUrl, redactUrl } from './store/redact';
import { checkApiKey, PHOTO_UPLOAD_LIMITS } from '#contract';

const flag = z
  .enum(['0', '1', 'true', 'false'], { error: 'Use 1 or 0.' })
  .default('0')
  .transform((v) => v === '1' || v === 'true');

const int = (min: number, max: number, fallback: number) =>
  z.coerce.number({ error: 'Must be a whole number.' }).int().min(min).max(max).default(fallback);

/** An http(s) origin, written without a path: `https://scanner.example:8443`. */
const origin = z.string().refine((v) => {
  try {
    const url = new URL(v);
    return /^https?:$/.test(url.protocol) && url.origin === v.replace(/\/+$/, '');
  } catch {
    return false;
  }
}, 'Must be an origin such as https://scanner.example.com (scheme, host and port only).');

/** A comma-separated list, each item checked by `item`; empty when unset. */
const commaList = (item: z.ZodType<string, string>) =>
  z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item))
    .default([]);

/**
 * The server's whole configuration, read from the environment once, here and nowhere else
 * (lint forbids `process.env` in other server files). A bad value stops start-up with a
 * message that names the variable.
 */
const EnvSchema = z.object({
  PORT: int(0, 65_535, 8787),
  // Unset: loopback, or every interface with --lan (phones must reach it).
  HOST: z.string().min(1).optional(),
  SCANNER_LAN: flag,
  SCANNER_TLS_CERT: z.string().min(1).optional(),
  SCANNER_TLS_KEY: z.string().min(1).optional(),
  SCANNER_TLS_NAMES: commaList(z.string().regex(/^[a-z0-9.-]+$/i, 'Host names only.')),
  SCANNER_DATA_DIR: z.string().min(1).default('.data'),
  // Uploaded images: SCANNER_DATA_DIR/objects unless set (a folder every instance shares).
  SCANNER_OBJECTS_DIR: z.string().min(1).optional(),
  // Set: uploaded images go to this S3 bucket instead (credentials from the AWS SDK's sources).
  SCANNER_S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'An S3 bucket name.')
    .optional(),
  SCANNER_S3_PREFIX: z
    .string()
    .regex(/^[\w./-]*$/, 'Letters, digits and ./_- only.')
    .default(''),
  SCANNER_S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  SCANNER_S3_REGION: z.string().min(1).optional(),
  SCANNER_PRESIGN_SECRET: z.string().min(32, 'At least 32 characters.').optional(),
  // Set: PostgreSQL, which several instances can share. Unset: SQLite in SCANNER_DATA_DIR.
  SCANNER_DATABASE_URL: z
    .string()
    .refine(isPostgresUrl, {
      message: 'Expected postgres://user:password@host:port/database.',
    })
    .optional(),
  SCANNER_STATIC_DIR: z.string().min(1).default('dist'),
  SCANNER_SESSION_TTL_S: int(1, 365 * 86_400, 86_400),
  SCANNER_PIPELINE_DELAY_MS: int(0, 60_000, 400),
  SCANNER_ALLOW_PRIVATE_URLS: flag,
  SCANNER_BOOTSTRAP_KEY: z
    .string()
    .refine(
      (k) => checkApiKey(k).ok,
      'Not a valid API key (<csb|csu|cpk>_<32 alphanumerics>_<crc32>).',
    )
    .optional(),
  SCANNER_RATE_LIMIT_PER_MINUTE: int(1, 1_000_000_000, 300),
  SCANNER_RATE_LIMIT_PER_DAY: int(1, 1_000_000_000, 10_000),
  SCANNER_RATE_LIMIT_WINDOW_S: int(1, 3_600, 60),
  SCANNER_IP_RATE_LIMIT_PER_MINUTE: int(1, 1_000_000_000, 300),
  SCANNER_IP_RATE_LIMIT_PER_DAY: int(1, 1_000_000_000, 20_000),
  SCANNER_UPLOAD_MAX_BYTES: int(1, PHOTO_UPLOAD_LIMITS.maxBytes, PHOTO_UPLOAD_LIMITS.maxBytes),
  SCANNER_MAINTENANCE_INTERVAL_S: int(1, 86_400, 60),
  SCANNER_PUBLIC_ORIGIN: origin.optional(),
  SCANNER_CORS_ORIGINS: commaList(origin),
  SCANNER_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('warn'),
});

export type Config = {
  port: number;
  host: string;
  /** `--lan` or SCANNER_LAN=1: HTTPS on every interface with this server's own CA. */
  lan: boolean;
  /** A store's own certificate and key (PEM paths), instead of the local CA's. */
  tls: { certPath: string; keyPath: string } | null;
  /** Extra host names the LAN certificate covers (a DNS name the store gave this machine). */
  tlsNames: string[];
  dataDir: string;
  /** Where uploaded images are stored: a folder, unless an S3 bucket is configured. */
  objectsDir: string;
  s3: { bucket: string; prefix: string; endpoint?: string; region?: string } | null;
  /** PostgreSQL's URL, or null for SQLite in dataDir. */
  databaseUrl: string | null;
  /** Overrides the presign secret stored in the database. */
  presignSecret: string | null;
  staticDir: string;
  sessionTtlSeconds: number;
  pipelineDelayMs: number;
  allowPrivateUrls: boolean;
  bootstrapKey: string | null;
  rateLimits: { perMinute: number; perDay: number; shortWindowSeconds: number };
  ipRateLimits: { perMinute: number; perDay: number; shortWindowSeconds: number };
  maintenanceIntervalSeconds: number;
  uploadMaxBytes: number;
  logLevel: string;
  origins: { publicOrigin: string | undefined; corsOrigins: string[] };
};

/** Settings never echoed in an error message. */
const SECRETS = new Set(['SCANNER_BOOTSTRAP_KEY', 'SCANNER_PRESIGN_SECRET']);

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function readConfig(
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
  argv: readonly string[] = [],
): Config {
  // An empty variable means "not set", as in most shells' `FOO= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = String(i.path[0]);
      const value = env[name] ?? '';
      const shown = SECRETS.has(name)
        ? '(hidden)'
        : JSON.stringify(name === 'SCANNER_DATABASE_URL' ? redactUrl(value) : value);
      return `  ${name}=${shown}: ${i.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (!e.SCANNER_TLS_CERT !== !e.SCANNER_TLS_KEY) {
    throw new ConfigError(
      'Invalid configuration:\n  SCANNER_TLS_CERT and SCANNER_TLS_KEY go together: set both or neither.',
    );
  }
  const unknown = argv.filter((a) => a !== '--lan');
  if (unknown.length) {
    throw new ConfigError(`Unknown option ${unknown.join(' ')}; the server takes --lan only.`);
  }
  const lan = e.SCANNER_LAN || argv.includes('--lan');
  return {
    port: e.PORT,
    host: e.HOST ?? (lan ? '0.0.0.0' : '127.0.0.1'),
    lan,
    tls:
      e.SCANNER_TLS_CERT && e.SCANNER_TLS_KEY
        ? {
            certPath: path.resolve(cwd, e.SCANNER_TLS_CERT),
            keyPath: path.resolve(cwd, e.SCANNER_TLS_KEY),
          }
        : null,
    tlsNames: e.SCANNER_TLS_NAMES,
    dataDir: path.resolve(cwd, e.SCANNER_DATA_DIR),
    s3: e.SCANNER_S3_BUCKET
      ? {
          bucket: e.SCANNER_S3_BUCKET,
          prefix: e.SCANNER_S3_PREFIX,
          endpoint: e.SCANNER_S3_ENDPOINT,
          // An S3-compatible service needs some region for its signatures.
          region: e.SCANNER_S3_REGION ?? (e.SCANNER_S3_ENDPOINT ? 'us-east-1' : undefined),
        }
      : null,
    objectsDir: path.resolve(
      cwd,
      e.SCANNER_OBJECTS_DIR ?? path.join(e.SCANNER_DATA_DIR, 'objects'),
    ),
    databaseUrl: e.SCANNER_DATABASE_URL ?? null,
    presignSecret: e.SCANNER_PRESIGN_SECRET ?? null,
    staticDir: path.resolve(cwd, e.SCANNER_STATIC_DIR),
    sessionTtlSeconds: e.SCANNER_SESSION_TTL_S,
    pipelineDelayMs: e.SCANNER_PIPELINE_DELAY_MS,
    allowPrivateUrls: e.SCANNER_ALLOW_PRIVATE_URLS,
    bootstrapKey: e.SCANNER_BOOTSTRAP_KEY ?? null,
    rateLimits: {
      perMinute: e.SCANNER_RATE_LIMIT_PER_MINUTE,
      perDay: e.SCANNER_RATE_LIMIT_PER_DAY,
      shortWindowSeconds: e.SCANNER_RATE_LIMIT_WINDOW_S,
    },
    ipRateLimits: {
      perMinute: e.SCANNER_IP_RATE_LIMIT_PER_MINUTE,
      perDay: e.SCANNER_IP_RATE_LIMIT_PER_DAY,
      shortWindowSeconds: e.SCANNER_RATE_LIMIT_WINDOW_S,
    },
    maintenanceIntervalSeconds: e.SCANNER_MAINTENANCE_INTERVAL_S,
    uploadMaxBytes: e.SCANNER_UPLOAD_MAX_BYTES,
    logLevel: e.SCANNER_LOG_LEVEL,
    origins: {
      publicOrigin: e.SCANNER_PUBLIC_ORIGIN?.replace(/\/+$/, ''),
      corsOrigins: e.SCANNER_CORS_ORIGINS,
    },
  };
}
