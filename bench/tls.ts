import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { selfSignedLocalhost } from '../server/src/test/tls';
import { localApp } from './local-app';
import { printTable, writeResults } from './report';
import type { Bench } from './types';

async function serve(tls: { key: string; cert: string } | null) {
  const { app, close } = await localApp(
    tls ? { serverFactory: (handler) => https.createServer(tls, handler) } : {},
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { url: `${tls ? 'https' : 'http'}://localhost:${port}/healthz`, close };
}

/** Requests one after another, each on a new connection: what a handshake costs. */
async function freshConnections(url: string, ca: string | undefined, count: number) {
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    await new Promise<void>((resolve, reject) => {
      const client = url.startsWith('https') ? https : http;
      client
        .get(url, { agent: false, ...(ca ? { ca } : {}) }, (res) => {
          res.resume();
          res.on('end', resolve);
        })
        .on('error', reject);
    });
  }
  return count / ((performance.now() - started) / 1000);
}

/**
 * HTTPS against plain HTTP on the same app in one run (`npm start -- --lan` serves HTTPS): the
 * health check under 10 kept-alive connections, where the handshake is paid once, and with a
 * new connection per request, where it is paid every time.
 */
export const tlsBench: Bench = async (options) => {
  const seconds = options.quick ? 2 : 8;
  const fresh = options.quick ? 100 : 500;
  const pem = await selfSignedLocalhost();
  const rows = [];
  for (const tls of [null, pem]) {
    const server = await serve(tls);
    try {
      const kept = await autocannon({
        url: server.url,
        connections: 10,
        duration: seconds,
        ...(tls ? { tlsOptions: { ca: tls.cert } } : {}),
      });
      rows.push({
        scheme: tls ? 'HTTPS' : 'HTTP (baseline)',
        'kept-alive req/s': Math.round(kept.requests.average),
        'p99 ms': kept.latency.p99,
        'new connection each, req/s': Math.round(
          await freshConnections(server.url, tls?.cert, fresh),
        ),
      });
    } finally {
      await server.close();
    }
  }
  const [plain, secure] = rows;
  if (plain && secure) {
    rows.push({
      scheme: 'HTTPS vs HTTP',
      'kept-alive req/s': `${(secure['kept-alive req/s'] / plain['kept-alive req/s']).toFixed(2)}x`,
      'p99 ms': '',
      'new connection each, req/s': `${(secure['new connection each, req/s'] / plain['new connection each, req/s']).toFixed(2)}x`,
    });
  }
  printTable(rows);
  writeResults('tls', { seconds, fresh, rows }, options.jsonFile);
};
