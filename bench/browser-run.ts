import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RESULTS_DIR } from './report';
import type { BenchOptions } from './types';

/**
 * Runs one browser benchmark (e2e/bench/<name>.bench.ts, with the e2e fixtures: the real local
 * server and the injected camera) and returns the JSON it wrote. Needs `npm run build` and
 * `npm run build:baseline` first, which `npm run bench` does.
 */
export function runBrowserBench<T>(name: string, options: BenchOptions): T {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const out = path.join(RESULTS_DIR, `${name}-raw.json`);
  const run = spawnSync(
    'npx',
    ['playwright', 'test', '--config', 'playwright.bench.config.ts', name],
    {
      stdio: 'inherit',
      env: { ...process.env, BENCH_QUICK: options.quick ? '1' : '0', BENCH_OUT: out },
    },
  );
  if (run.status !== 0) throw new Error(`The ${name} run failed (exit ${run.status ?? 'signal'})`);
  return JSON.parse(readFileSync(out, 'utf8')) as T;
}
