import autocannon from 'autocannon';

/**
 * The load generator, run as its own process (`tsx bench/server/load.ts '<json>'`) so it never
 * shares an event loop with the server it measures. It prints one JSON line: req/s, latency
 * percentiles and errors.
 */
export interface LoadSpec {
  /** One URL, or several taken in turn (instances behind a balancer). */
  urls: string[];
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Request bodies taken in turn, one per request (a session per phone, say). */
  bodies?: string[];
  connections: number;
  seconds: number;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
}

async function main(spec: LoadSpec): Promise<LoadResult> {
  let next = 0;
  const bodies = spec.bodies ?? [];
  const result = await autocannon({
    // autocannon takes several URLs, a connection each in turn (its README); the types say one.
    url: spec.urls as unknown as string,
    method: spec.method ?? 'GET',
    headers: spec.headers ?? {},
    connections: spec.connections,
    duration: spec.seconds,
    requests: bodies.length
      ? [{ setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }) }]
      : undefined,
  });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
    requests: result.requests.total,
  };
}

const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;
console.log(JSON.stringify(await main(spec)));
