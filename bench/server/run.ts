import { spawn, execFileSync } from 'node:child_process';
import path from 'node:path';
import { admin, startCluster } from '../../server/src/test/postgres-cluster';
import { startLocalServer, type LocalServer } from '../../server/src/test/server-process';
import { printTable, writeResults } from '../report';
import type { Bench } from '../types';
import type { LoadResult, LoadSpec } from './load';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CONNECTIONS = 10;
/** Every process starts from tsx, as `npm start` does. */
const tsx = (script: string, args: string[]) =>
  spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, script), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });

/** One load run in its own process (bench/server/load.ts); resolves with its figures. */
function load(spec: LoadSpec): Promise<LoadResult> {
  const child = tsx('bench/server/load.ts', [JSON.stringify(spec)]);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').pop() ?? '{}') as LoadResult)
        : reject(new Error(`The load generator exited with ${code}: ${out}`)),
    ),
  );
}

/** The bare Fastify + SQLite baseline (bench/server/bare.ts) as its own process. */
async function startBare(): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = tsx('bench/server/bare.ts', []);
  const port = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /listening (\d+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`The bare server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The real server as `npm start` runs it, rate limits lifted, the pipeline at its default. */
const server = (env: Record<string, string> = {}) =>
  startLocalServer({
    SCANNER_RATE_LIMIT_PER_MINUTE: '1000000000',
    SCANNER_RATE_LIMIT_PER_DAY: '1000000000',
    SCANNER_IP_RATE_LIMIT_PER_MINUTE: '1000000000',
    SCANNER_IP_RATE_LIMIT_PER_DAY: '1000000000',
    SCANNER_PIPELINE_DELAY_MS: '400',
    ...env,
  });

/** Ten phones, each its own session: the capture bodies a load run takes in turn. */
async function captureBodies(s: LocalServer): Promise<string[]> {
  const bodies: string[] = [];
  for (let i = 0; i < CONNECTIONS; i++) {
    const res = await fetch(`${s.url}/scanner/api/v1/sessions`, {
      method: 'POST',
      headers: { 'x-api-key': s.key, 'content-type': 'application/json' },
      body: '{}',
    });
    const { id } = (await res.json()) as { id: string };
    bodies.push(
      JSON.stringify({
        session_short_id: id,
        capture_type: 'BARCODE',
        raw_value: '4006381333931',
        gtin: '4006381333931',
      }),
    );
  }
  return bodies;
}

const postCaptures = async (servers: LocalServer[], seconds: number) => {
  const first = servers[0];
  if (!first) throw new Error('No server');
  return load({
    urls: servers.map((s) => `${s.url}/scanner/api/v1/captures`),
    method: 'POST',
    headers: { 'x-api-key': first.key, 'content-type': 'application/json' },
    bodies: await captureBodies(first),
    connections: CONNECTIONS,
    seconds,
  });
};

interface Row {
  target: string;
  'req/s': number;
  'p50 ms': number;
  'p99 ms': number;
  errors: number;
  'vs baseline': string;
}
const row = (target: string, r: LoadResult, baseline: LoadResult): Row => ({
  target,
  'req/s': r.rps,
  'p50 ms': r.p50,
  'p99 ms': r.p99,
  errors: r.errors,
  'vs baseline': `${(r.rps / baseline.rps).toFixed(2)}x`,
});

/**
 * `npm run bench -- server`. Servers and load generators each run in their own process. Capture
 * writes against a bare Fastify + SQLite INSERT; then the health check's latency while ten
 * clients read one big session.
 */
export const serverBench: Bench = async (options) => {
  const seconds = options.quick ? 2 : 10;
  const bigSession = options.quick ? 2_000 : 10_000;
  const stops: (() => Promise<void> | void)[] = [];
  try {
    const bare = await startBare();
    stops.push(bare.stop);
    const baseline = await load({
      urls: [`${bare.url}/captures`],
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      bodies: [JSON.stringify({ session_short_id: 'S', raw_value: '4006381333931' })],
      connections: CONNECTIONS,
      seconds,
    });

    const lite = await server();
    stops.push(lite.stop);
    const onSqlite = await postCaptures([lite], seconds);

    const pg = startCluster();
    stops.push(() => pg.stop());
    await admin(pg.url('postgres'), ['CREATE DATABASE bench']);
    const pgEnv = { SCANNER_DATABASE_URL: pg.url('bench'), SCANNER_PRESIGN_SECRET: 'b'.repeat(64) };
    const a = await server(pgEnv);
    stops.push(a.stop);
    const onPgOne = await postCaptures([a], seconds);
    const b = await server({ ...pgEnv, SCANNER_BOOTSTRAP_KEY: a.key });
    stops.push(b.stop);
    const onPgTwo = await postCaptures([a, b], seconds);

    const writes = [
      row('bare Fastify + one SQLite INSERT (baseline)', baseline, baseline),
      row('POST /captures, SQLite', onSqlite, baseline),
      row('POST /captures, PostgreSQL, 1 instance', onPgOne, baseline),
      row('POST /captures, PostgreSQL, 2 instances', onPgTwo, baseline),
    ];
    printTable(writes as unknown as Record<string, string | number>[]);

    // The health check alone, then while ten clients read a big session over and over.
    const session = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'server/src/cli/seed.ts', 'session', '--captures', String(bigSession)],
      { cwd: ROOT, env: { ...process.env, SCANNER_DATA_DIR: lite.dataDir }, encoding: 'utf8' },
    ).trim();
    const health = { urls: [`${lite.url}/healthz`], connections: 1, seconds };
    const idle = await load(health);
    const [busy, readers] = await Promise.all([
      load(health),
      load({
        urls: [`${lite.url}/scanner/api/v1/sessions/${session}`],
        headers: { 'x-api-key': lite.key, 'accept-encoding': 'gzip, br' },
        connections: CONNECTIONS,
        seconds,
      }),
    ]);
    const reads = [
      { target: 'GET /healthz, idle', 'p50 ms': idle.p50, 'p99 ms': idle.p99, 'req/s': idle.rps },
      {
        target: `GET /healthz, while ${CONNECTIONS} clients read a ${bigSession}-capture session`,
        'p50 ms': busy.p50,
        'p99 ms': busy.p99,
        'req/s': busy.rps,
      },
      {
        target: `GET /sessions/{id} (${bigSession} captures, gzip or br), those ${CONNECTIONS} clients`,
        'p50 ms': readers.p50,
        'p99 ms': readers.p99,
        'req/s': readers.rps,
      },
    ];
    console.log('');
    printTable(reads);
    writeResults(
      'server',
      { seconds, connections: CONNECTIONS, writes, reads, postgres: 'test cluster, fsync off' },
      options.jsonFile,
    );
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
};
