import autocannon from 'autocannon';
import { bootstrap } from '../server/src/bootstrap';
import { localApp } from './local-app';
import { printTable, writeResults } from './report';
import type { Bench } from './types';

interface Row {
  target: string;
  'req/s': number;
  'p50 ms': number;
  'p99 ms': number;
  errors: number;
  'vs baseline': string;
}

async function load(url: string, options: Partial<autocannon.Options>, seconds: number) {
  const result = await autocannon({ url, connections: 10, duration: seconds, ...options });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/**
 * The local server on loopback, in this process, with a file database as `npm start` uses and
 * the rate limits lifted. The baseline is the health check: the cost of the HTTP stack alone.
 */
export const serverBench: Bench = async (options) => {
  const seconds = options.quick ? 2 : 10;
  const { app, sql, close } = await localApp({ pipelineDelayMs: 400 });
  const key = (await bootstrap(app.services, null)).key ?? '';
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  try {
    const headers = { 'x-api-key': key, 'content-type': 'application/json' };
    const session = (await (
      await fetch(`${base}/scanner/api/v1/sessions`, { method: 'POST', headers, body: '{}' })
    ).json()) as { id: string };
    const baseline = await load(`${base}/healthz`, {}, seconds);
    const post = await load(
      `${base}/scanner/api/v1/captures`,
      {
        method: 'POST',
        headers,
        body: JSON.stringify({
          session_short_id: session.id,
          capture_type: 'BARCODE',
          raw_value: '4006381333931',
          gtin: '4006381333931',
        }),
      },
      seconds,
    );
    const get = await load(`${base}/scanner/api/v1/sessions/${session.id}`, { headers }, seconds);
    const captures = (await sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM captures'))?.n ?? 0;
    const row = (target: string, r: typeof baseline): Row => ({
      target,
      'req/s': r.rps,
      'p50 ms': r.p50,
      'p99 ms': r.p99,
      errors: r.errors,
      'vs baseline': `${(r.rps / baseline.rps).toFixed(2)}x`,
    });
    const rows = [
      row('GET /healthz (baseline)', baseline),
      row('POST /captures', post),
      row(`GET /sessions/{id} (${captures} captures)`, get),
    ];
    printTable(rows as unknown as Record<string, string | number>[]);
    writeResults('server', { seconds, connections: 10, rows }, options.jsonFile);
  } finally {
    await close();
  }
};
