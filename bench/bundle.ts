import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { printTable, writeResults } from './report';
import type { Bench } from './types';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'dist');
const BASELINE = path.join(ROOT, 'dist-baseline');

const kb = (bytes: number | null) => (bytes === null ? '–' : `${(bytes / 1024).toFixed(1)} kB`);
const gz = (file: string) => gzipSync(readFileSync(file)).length;
const sum = (files: string[], size: (f: string) => number) =>
  files.length ? files.reduce((n, f) => n + size(f), 0) : null;

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

/** The scripts index.html loads at first paint (entry and its modulepreloads). */
function initialScripts(dir: string): string[] {
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="\.?\/?((?:[^"]*\/)?assets\/[^"]+\.js)"/g)].map((m) =>
    path.join(dir, (m[1] ?? '').replace(/^.*?assets\//, 'assets/')),
  );
}

/** The files the service worker precaches, read from its injected manifest. */
function precached(): string[] {
  const sw = readFileSync(path.join(DIST, 'service-worker.js'), 'utf8');
  return [...sw.matchAll(/"url":"([^"]+)"/g)]
    .map((m) => path.join(DIST, m[1] ?? ''))
    .filter((f) => existsSync(f));
}

/**
 * Bytes, beside the @zxing/browser baseline page (bench/baseline: its README usage and nothing
 * else): what the first paint downloads, the decoder that loads when scanning starts, the
 * fallback, and the offline precache.
 */
export const bundleBench: Bench = (options) => {
  const assets = listFiles(path.join(DIST, 'assets')).filter((f) => !/\.(map|br|gz)$/.test(f));
  const named = (re: RegExp) => assets.filter((f) => re.test(path.basename(f)));
  const baselineJs = existsSync(BASELINE) ? initialScripts(BASELINE) : [];
  const cache = precached();
  const rows = [
    {
      measure: 'initial JS (gzip)',
      project: kb(sum(initialScripts(DIST), gz)),
      '@zxing/browser page': kb(sum(baselineJs, gz)),
      note: 'the app shell; the baseline page is a bare scanner with no UI',
    },
    {
      measure: 'scanner screen chunk (gzip)',
      project: kb(sum(named(/^scanner-route-/), gz)),
      '@zxing/browser page': '–',
      note: 'loaded on arrival at a scanner',
    },
    {
      measure: 'decoder JS (gzip)',
      project: kb(sum(named(/^decoder\.worker-/), gz)),
      '@zxing/browser page': kb(sum(baselineJs, gz)),
      note: 'worker loaded when scanning starts; the baseline decoder is its whole bundle',
    },
    {
      measure: 'decoder wasm (gzip)',
      project: kb(sum(named(/\.wasm$/), gz)),
      '@zxing/browser page': '–',
      note: 'ZXing-C++, served by the app',
    },
    {
      measure: 'ZXing-JS fallback (gzip)',
      project: kb(sum(named(/^zxing-js-engine-/), gz)),
      '@zxing/browser page': '–',
      note: 'only where WebAssembly is unavailable',
    },
    {
      measure: `precache (${cache.length} files, raw / gzip)`,
      project: `${kb(sum(cache, (f) => statSync(f).size))} / ${kb(sum(cache, gz))}`,
      '@zxing/browser page': 'no offline support',
      note: 'everything needed to scan offline',
    },
  ];
  printTable(rows);
  writeResults('bundle', { rows }, options.jsonFile);
  return Promise.resolve();
};
