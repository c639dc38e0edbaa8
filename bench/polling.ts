import { runBrowserBench } from './browser-run';
import { printTable, writeResults } from './report';
import type { BenchOptions } from './types';

/**
 * The API requests per minute of an ACTIVE scanner screen, idle and with a new code every 2 s,
 * in headless Chromium against the local server (e2e/bench/polling.bench.ts). The baseline is
 * the naive alternative: polling the full session detail every 2 s (30 requests a minute).
 */
export function pollingBench(options: BenchOptions): Promise<void> {
  const result = runBrowserBench<{
    minutes: number;
    idle: Record<string, number>;
    scanning: Record<string, number>;
  }>('polling', options);
  const perMinute = (counts: Record<string, number>, match: (kind: string) => boolean) =>
    Math.round(
      (Object.entries(counts)
        .filter(([kind]) => match(kind))
        .reduce((n, [, c]) => n + c, 0) /
        result.minutes) *
        10,
    ) / 10;
  const row = (phase: string, counts: Record<string, number>) => ({
    phase: `${phase} (${result.minutes} min)`,
    'status polls/min': perMinute(counts, (k) => k.endsWith('/status')),
    'detail fetches/min': perMinute(counts, (k) => k === 'GET /scanner/api/v1/sessions/{id}'),
    'all requests/min': perMinute(counts, () => true),
    'captures posted/min': perMinute(counts, (k) => k === 'POST /scanner/api/v1/captures'),
    'baseline: detail every 2 s': 30,
  });
  printTable([row('idle', result.idle), row('scanning, a code every 2 s', result.scanning)]);
  writeResults('polling', result, options.jsonFile);
  return Promise.resolve();
}
