import { runBrowserBench } from './browser-run';
import { printTable, writeResults } from './report';
import type { BenchOptions } from './types';

interface Side {
  appearances: number;
  accepted_median_ms: number;
  accepted_max_ms: number;
  saved_median_ms: number | null;
  frame_median_ms: number | null;
  decode_median_ms: number | null;
  long_tasks: LongTasks;
}

interface LongTasks {
  seconds: number;
  count: number;
  totalMs: number;
  longestMs: number;
  busyPct: number;
}

/**
 * Scan latency and main-thread long tasks in headless Chromium with the injected camera, for
 * this app and for @zxing/browser with its defaults, in one browser run
 * (e2e/bench/latency.bench.ts). Needs `npm run build` and `npm run build:baseline` first, which
 * `npm run bench` does.
 */
export function latencyBench(options: BenchOptions): Promise<void> {
  const result = runBrowserBench<{
    app: Side;
    baseline: Side;
    preview_only: { long_tasks: LongTasks };
    batch: { codes: number; allCapturedMs: number; decodesPerSecond: number };
  }>('latency', options);
  const { app, baseline, preview_only: preview, batch } = result;
  // Baseline time over ours: above 1 the app is faster by that factor.
  const ratio = (a: number | null, b: number | null) =>
    a !== null && b !== null && a > 0 ? `${(b / a).toFixed(2)}x` : '–';
  printTable([
    {
      measure: `barcode in view → scan accepted, median of ${app.appearances} (ms)`,
      'this app': app.accepted_median_ms,
      '@zxing/browser defaults': baseline.accepted_median_ms,
      'baseline ÷ app': ratio(app.accepted_median_ms, baseline.accepted_median_ms),
    },
    {
      measure: 'barcode in view → scan accepted, worst (ms)',
      'this app': app.accepted_max_ms,
      '@zxing/browser defaults': baseline.accepted_max_ms,
      'baseline ÷ app': ratio(app.accepted_max_ms, baseline.accepted_max_ms),
    },
    {
      measure: 'barcode in view → server 201, median (ms)',
      'this app': app.saved_median_ms ?? '–',
      '@zxing/browser defaults': 'does not save',
      'baseline ÷ app': '–',
    },
    {
      measure: '  of which: code drawn → the frame that was accepted, median (ms)',
      'this app': app.frame_median_ms ?? '–',
      '@zxing/browser defaults': '–',
      'baseline ÷ app': '–',
    },
    {
      measure: '  of which: that frame in the decoder worker, median (ms)',
      'this app': app.decode_median_ms ?? '–',
      '@zxing/browser defaults': '–',
      'baseline ÷ app': '–',
    },
    {
      measure: `long tasks (>50 ms) in ${app.long_tasks.seconds} s of scanning`,
      'this app': app.long_tasks.count,
      '@zxing/browser defaults': baseline.long_tasks.count,
      'baseline ÷ app': '–',
    },
    {
      measure: 'long-task time / longest (ms)',
      'this app': `${app.long_tasks.totalMs} / ${app.long_tasks.longestMs}`,
      '@zxing/browser defaults': `${baseline.long_tasks.totalMs} / ${baseline.long_tasks.longestMs}`,
      'baseline ÷ app': '–',
    },
    {
      measure: `main thread busy, % of wall time (a page with the video preview alone: ${preview.long_tasks.busyPct}%)`,
      'this app': app.long_tasks.busyPct,
      '@zxing/browser defaults': baseline.long_tasks.busyPct,
      'baseline ÷ app': ratio(app.long_tasks.busyPct, baseline.long_tasks.busyPct),
    },
    {
      measure: `batch mode: ${batch.codes} codes in view → all captured (ms)`,
      'this app': batch.allCapturedMs,
      '@zxing/browser defaults': 'one code at a time',
      'baseline ÷ app': '–',
    },
    {
      measure: `batch mode: frames decoded per second with ${batch.codes} codes in view`,
      'this app': batch.decodesPerSecond,
      '@zxing/browser defaults': '–',
      'baseline ÷ app': '–',
    },
  ]);
  writeResults('latency', result, options.jsonFile);
  return Promise.resolve();
}
