import fs from 'node:fs';
import { createApp } from './app';
import { ConfigError, readConfig } from './env';
import { packageVersion } from './version';

async function main(): Promise<void> {
  const config = readConfig();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const app = await createApp({ staticDir: config.staticDir, version: packageVersion() });

  // SIGTERM from a process manager or Ctrl-C: finish in-flight requests, then exit.
  const stop = (signal: string) => {
    app.log.info(`${signal}: shutting down`);
    app.close().then(
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
  console.log(`Closient Scanner is running at http://${shownHost}:${port}/`);
  console.log(`Data folder: ${config.dataDir}`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('The server could not start:', error);
  }
  process.exit(1);
});
