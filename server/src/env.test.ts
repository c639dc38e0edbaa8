import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './env';

describe('readConfig', () => {
  it('has sensible defaults relative to the working folder', () => {
    expect(readConfig({}, '/srv/app', [])).toEqual({
      port: 8787,
      host: '127.0.0.1',
      lan: false,
      tls: null,
      tlsNames: [],
      dataDir: '/srv/app/.data',
      objectsDir: '/srv/app/.data/objects',
      s3: null,
      databaseUrl: null,
      presignSecret: null,
      staticDir: '/srv/app/dist',
      sessionTtlSeconds: 86_400,
      pipelineDelayMs: 400,
      allowPrivateUrls: false,
      bootstrapKey: null,
      rateLimits: { perMinute: 300, perDay: 10_000, shortWindowSeconds: 60 },
      ipRateLimits: { perMinute: 300, perDay: 20_000, shortWindowSeconds: 60 },
      maintenanceIntervalSeconds: 60,
      uploadMaxBytes: 15 * 1024 * 1024,
      logLevel: 'warn',
      origins: { publicOrigin: undefined, corsOrigins: [] },
    });
  });

  it('reads PORT and the data folder', () => {
    const c = readConfig({ PORT: '9000', SCANNER_DATA_DIR: '/tmp/x' }, '/srv/app');
    expect(c.port).toBe(9000);
    expect(c.dataDir).toBe('/tmp/x');
    expect(c.objectsDir).toBe('/tmp/x/objects');
    expect(readConfig({ SCANNER_OBJECTS_DIR: 'shared/img' }, '/srv/app').objectsDir).toBe(
      '/srv/app/shared/img',
    );
  });

  it('reads an S3 bucket for the uploads, and names what is wrong with one', () => {
    expect(
      readConfig({ SCANNER_S3_BUCKET: 'chain-scans', SCANNER_S3_ENDPOINT: 'http://minio:9000' }).s3,
    ).toEqual({
      bucket: 'chain-scans',
      prefix: '',
      endpoint: 'http://minio:9000',
      region: 'us-east-1',
    });
    expect(readConfig({ SCANNER_S3_BUCKET: 'b12', SCANNER_S3_REGION: 'eu-west-1' }).s3).toEqual({
      bucket: 'b12',
      prefix: '',
      endpoint: undefined,
      region: 'eu-west-1',
    });
    expect(() => readConfig({ SCANNER_S3_BUCKET: 'Not_A_Bucket' })).toThrow(/SCANNER_S3_BUCKET/);
    expect(() => readConfig({ SCANNER_S3_BUCKET: 'ok-b', SCANNER_S3_ENDPOINT: 'ftp://x' })).toThrow(
      /SCANNER_S3_ENDPOINT/,
    );
  });

  it('reads the pipeline, TTL, private-URL and rate-limit settings', () => {
    const c = readConfig({
      SCANNER_PIPELINE_DELAY_MS: '0',
      SCANNER_SESSION_TTL_S: '60',
      SCANNER_ALLOW_PRIVATE_URLS: '1',
      SCANNER_RATE_LIMIT_PER_MINUTE: '5',
      SCANNER_BOOTSTRAP_KEY: 'cpk_AbCdEfGhIjKlMnOpQrStUvWxYz012345_45ffccd2',
    });
    expect(c).toMatchObject({ pipelineDelayMs: 0, sessionTtlSeconds: 60, allowPrivateUrls: true });
    expect(c.rateLimits.perMinute).toBe(5);
  });

  it('refuses a malformed bootstrap key without printing it', () => {
    expect(() => readConfig({ SCANNER_BOOTSTRAP_KEY: 'cpk_secret_00000000' })).toThrow(
      /SCANNER_BOOTSTRAP_KEY=\(hidden\)/,
    );
    expect(() => readConfig({ SCANNER_ALLOW_PRIVATE_URLS: 'yes' })).toThrow(
      /SCANNER_ALLOW_PRIVATE_URLS/,
    );
  });

  it('stops with a message naming the bad variable', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => readConfig({ PORT: '70000' })).toThrow(/PORT="70000"/);
  });

  it('reads origins, host names and --lan, and refuses what does not parse', () => {
    const c = readConfig({
      SCANNER_CORS_ORIGINS: 'https://a.example, http://b.example:8080',
      SCANNER_PUBLIC_ORIGIN: 'https://scanner.store.example/',
      SCANNER_TLS_NAMES: 'scanner.test,till-3.local',
    });
    expect(c.origins).toEqual({
      publicOrigin: 'https://scanner.store.example',
      corsOrigins: ['https://a.example', 'http://b.example:8080'],
    });
    expect(c.tlsNames).toEqual(['scanner.test', 'till-3.local']);
    expect(() => readConfig({ SCANNER_CORS_ORIGINS: 'https://a.example/path' })).toThrow(
      /SCANNER_CORS_ORIGINS/,
    );
    expect(() => readConfig({ SCANNER_PUBLIC_ORIGIN: 'scanner.example' })).toThrow(
      /SCANNER_PUBLIC_ORIGIN/,
    );
    expect(() => readConfig({ SCANNER_TLS_NAMES: 'ok.test,bad name' })).toThrow(
      /SCANNER_TLS_NAMES/,
    );
    expect(() => readConfig({ SCANNER_TLS_KEY: '/k.pem' })).toThrow(/set both or neither/);

    expect(readConfig({}, '/srv', ['--lan'])).toMatchObject({ lan: true, host: '0.0.0.0' });
    expect(readConfig({ SCANNER_LAN: '1', HOST: '127.0.0.1' }, '/srv')).toMatchObject({
      lan: true,
      host: '127.0.0.1',
    });
    expect(() => readConfig({}, '/srv', ['--lna'])).toThrow(/Unknown option --lna/);
  });
});
