import fs from 'node:fs';
import https from 'node:https';
import type net from 'node:net';
import os from 'node:os';
import QRCode from 'qrcode';
import { createApp } from './app';
import { bootstrap } from './bootstrap';
import { openStore } from './store/open';
import { folderObjects } from './storage/object-store';
import { s3Objects } from './storage/s3-objects';
import { ConfigError, readConfig } from './env';
import { onePortServer } from './tls/one-port';
import { lanAddress, secureSetup } from './tls/secure-setup';
import { packageVersion } from './version';

async function main(): Promise<void> {
  const config = readConfig(undefined, undefined, process.argv.slice(2));
  fs.mkdirSync(config.dataDir, { recursive: true });
  const sql = await openStore(config);
  const secure = await secureSetup(config);
  let tlsServer: https.Server | null = null;
  const app = await createApp({
    sql,
    presignSecret: config.presignSecret,
    dataDir: config.dataDir,
    objects: config.s3
      ? s3Objects({
          bucket: config.s3.bucket,
          prefix: config.s3.prefix,
          endpoint: config.s3.endpoint,
          client: config.s3.region ? { region: config.s3.region } : {},
        })
      : folderObjects(config.objectsDir),
    staticDir: config.staticDir,
    version: packageVersion(),
    pipelineDelayMs: config.pipelineDelayMs,
    allowPrivateUrls: config.allowPrivateUrls,
    sessionTtlSeconds: config.sessionTtlSeconds,
    rateLimits: config.rateLimits,
    ipRateLimits: config.ipRateLimits,
    origins: { ...config.origins, extraHostnames: config.tlsNames },
    ...(secure
      ? {
          serverFactory: (handler) => (tlsServer = https.createServer(secure.pem, handler)),
          ...(secure.ca ? { trust: { caCert: secure.ca, serverName: os.hostname() } } : {}),
        }
      : {}),
    uploadMaxBytes: config.uploadMaxBytes,
    logger: config.logLevel !== 'silent',
    logLevel: config.logLevel,
  });
  const first = await bootstrap(app.services, config.bootstrapKey);

  const runMaintenance = () =>
    app
      .maintenance()
      .catch((error: unknown) => app.log.error({ err: error }, 'maintenance failed'));
  const maintenance = setInterval(
    () => void runMaintenance(),
    config.maintenanceIntervalSeconds * 1000,
  );
  maintenance.unref();
  await runMaintenance();

  // With TLS, one port takes both schemes: HTTPS, and plain HTTP answered with a redirect.
  let front: net.Server | null = null;
  // SIGTERM from a process manager or Ctrl-C: stop taking requests, finish those in flight,
  // then close the database cleanly (a checkpointed WAL).
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    clearInterval(maintenance);
    front?.close();
    app
      .close()
      .then(() => sql.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));

  let port = config.port;
  if (secure && tlsServer) {
    const server: https.Server = tlsServer;
    await app.ready();
    const mux = onePortServer(server);
    front = mux;
    await new Promise<void>((resolve, reject) => {
      mux.once('error', reject);
      mux.listen(config.port, config.host, resolve);
    });
    const address = mux.address();
    port = typeof address === 'object' && address ? address.port : config.port;
    const reload = secure.reload;
    // A renewed certificate is taken on SIGHUP; connections already open keep theirs.
    if (reload) {
      process.on('SIGHUP', () => {
        try {
          server.setSecureContext(reload());
          console.log('SIGHUP: certificate reloaded');
        } catch (error) {
          console.error(`SIGHUP: kept the old certificate: ${(error as Error).message}`);
        }
      });
    }
  } else {
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    port = typeof address === 'object' && address ? address.port : config.port;
  }
  const loopback = ['127.0.0.1', '0.0.0.0', '::'].includes(config.host);
  const shownHost =
    config.lan && config.host === '0.0.0.0' ? lanAddress() : loopback ? 'localhost' : config.host;
  const url = `${secure ? 'https' : 'http'}://${shownHost}:${port}`;
  if (first.seeded) console.log(`Seeded the product catalog with ${first.seeded} products.`);
  for (const note of secure?.notes ?? []) console.log(note);
  const keyFragment = first.key ? `#key=${encodeURIComponent(first.key)}` : '';
  if (first.key) console.log(`\nAPI key (shown once, keep it): ${first.key}`);
  if (secure?.ca) {
    // The phone's way in: trust the CA, then /trust hands over to /connect with the key.
    const trust = `${url}/trust${keyFragment}`;
    console.log(`On a phone, scan this to trust this server and connect: ${trust}`);
    console.log(await QRCode.toString(trust, { type: 'terminal', small: true }));
  } else if (first.key) {
    const link = `${url}/connect${keyFragment}&api=${encodeURIComponent(url)}`;
    console.log(`Connect this browser: ${link}`);
    console.log(await QRCode.toString(link, { type: 'terminal', small: true }));
  }
  console.log(`Data folder: ${config.dataDir}`);
  console.log(`API docs: ${url}/scanner/api/v1/docs`);
  console.log(`Closient Scanner is running at ${url}/`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('The server could not start:', error);
  }
  process.exit(1);
});
