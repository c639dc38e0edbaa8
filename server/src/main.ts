import fs from 'node:fs';
import path from 'node:path';
import QRCode from 'qrcode';
import { createApp } from './app';
import { bootstrap } from './bootstrap';
import { openDatabase } from './db/database';
import { ConfigError, readConfig } from './env';
import { packageVersion } from './version';

async function main(): Promise<void> {
  const config = readConfig();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const db = openDatabase(path.join(config.dataDir, 'scanner.db'));
  const app = await createApp({
    db,
    dataDir: config.dataDir,
    staticDir: config.staticDir,
    version: packageVersion(),
    pipelineDelayMs: config.pipelineDelayMs,
    allowPrivateUrls: config.allowPrivateUrls,
    sessionTtlSeconds: config.sessionTtlSeconds,
    rateLimits: config.rateLimits,
    ipRateLimits: config.ipRateLimits,
    origins: config.origins,
    uploadMaxBytes: config.uploadMaxBytes,
    logger: config.logLevel !== 'silent',
    logLevel: config.logLevel,
  });
  const first = bootstrap(app.services, config.bootstrapKey);

  const maintenance = setInterval(
    () => app.maintenance(),
    config.maintenanceIntervalSeconds * 1000,
  );
  maintenance.unref();
  app.maintenance();

  // SIGTERM from a process manager or Ctrl-C: stop taking requests, finish those in flight,
  // then close the database cleanly (a checkpointed WAL).
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    clearInterval(maintenance);
    app
      .close()
      .then(() => db.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = ['127.0.0.1', '0.0.0.0', '::'].includes(config.host)
    ? 'localhost'
    : config.host;
  const url = `http://${shownHost}:${port}`;
  if (first.seeded) console.log(`Seeded the product catalog with ${first.seeded} products.`);
  if (first.key) {
    console.log(`\nAPI key (shown once, keep it): ${first.key}`);
    const link = `${url}/connect#key=${encodeURIComponent(first.key)}&api=${encodeURIComponent(url)}`;
    console.log(`Connect this browser: ${link}`);
    // A phone can take the link from the terminal. (Phones on the LAN need HOST=0.0.0.0 and HTTPS.)
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
