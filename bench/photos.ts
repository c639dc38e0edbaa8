import { runBrowserBench } from './browser-run';
import { median, printTable, writeResults } from './report';
import type { BenchOptions } from './types';

interface Sample {
  ms: number;
  bytes: number;
  sourceBytes: number | null;
}

const kB = (n: number) => Math.round(n / 1024);

/**
 * Photography in headless Chromium with the fake capture device showing a noisy product scene
 * (e2e/bench/photos.bench.ts): the time from the shutter to the registered photo and the bytes
 * uploaded, for the app (quality check, resize to 2048 px, WebP, presigned upload, register)
 * and for the baseline, the camera's still as a phone gives it (JPEG q0.92) uploaded as it is, in
 * the same page and session.
 */
export function photosBench(options: BenchOptions): Promise<void> {
  const result = runBrowserBench<{
    photos: number;
    rows: { size: string; uplink: number | null; app: Sample[]; baseline: Sample[] }[];
  }>('photos', options);
  printTable(
    result.rows.map((r) => {
      const appMs = median(r.app.map((s) => s.ms));
      const baseMs = median(r.baseline.map((s) => s.ms));
      const appBytes = median(r.app.map((s) => s.bytes));
      const baseBytes = median(r.baseline.map((s) => s.bytes));
      return {
        'camera still': r.size,
        uplink: r.uplink ? `${r.uplink / 1e6} Mbit/s` : 'loopback',
        'shutter→registered ms (app / as is)': `${Math.round(appMs)} / ${Math.round(baseMs)}`,
        'kB uploaded (app / as is)': `${kB(appBytes)} / ${kB(baseBytes)}`,
        // Stills the fake device took too long for (takePhoto timed out) were frame grabs.
        'photo mode / frame grabs': `${r.app.filter((s) => s.sourceBytes !== null).length} / ${r.app.filter((s) => s.sourceBytes === null).length}`,
        'size ratio': `${(baseBytes / Math.max(1, appBytes)).toFixed(1)}x smaller`,
        'time ratio': `${(baseMs / Math.max(1, appMs)).toFixed(2)}x`,
      };
    }),
  );
  writeResults('photos', result, options.jsonFile);
  return Promise.resolve();
}
