import { runBrowserBench } from './browser-run';
import { printTable, writeResults } from './report';
import type { BenchOptions } from './types';

interface Side {
  openMs: number;
  most: number;
  frameMsP95: number;
  rowMs?: number;
}

/**
 * The capture list of a seeded 10,000-capture session in headless Chromium
 * (e2e/bench/list.bench.ts), beside the same rows rendered without virtualisation.
 */
export function listBench(options: BenchOptions): Promise<void> {
  const r = runBrowserBench<{ captures: number; app: Side; baseline: Side }>('list', options);
  const ratio = (ours: number, theirs: number) =>
    ours > 0 ? `${(theirs / ours).toFixed(1)}x` : '–';
  printTable([
    {
      measure: `rows in the DOM, most while scrolling (${r.captures} captures)`,
      'this app (virtualised)': r.app.most,
      'all rows rendered': r.baseline.most,
      'baseline ÷ app': ratio(r.app.most, r.baseline.most),
    },
    {
      measure: 'frame gap while scrolling, p95 (ms)',
      'this app (virtualised)': r.app.frameMsP95,
      'all rows rendered': r.baseline.frameMsP95,
      'baseline ÷ app': ratio(r.app.frameMsP95, r.baseline.frameMsP95),
    },
    {
      measure: 'open: first row visible (ms; app includes fetching the session)',
      'this app (virtualised)': r.app.openMs,
      'all rows rendered': r.baseline.openMs,
      'baseline ÷ app': '–',
    },
    {
      measure: 'tap a row → its detail shown (ms)',
      'this app (virtualised)': r.app.rowMs ?? '–',
      'all rows rendered': '–',
      'baseline ÷ app': '–',
    },
  ]);
  writeResults('list', r, options.jsonFile);
  return Promise.resolve();
}
