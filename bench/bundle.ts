import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { printTable, writeResults } from './report';
import type { Bench } from './types';

const DIST = path.resolve(import.meta.dirname, '..', 'dist');

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

/** What the first paint downloads (the entry script and its static imports), and what is precached. */
export const bundleBench: Bench = (options) => {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map(
    (m) => m[1] ?? '',
  );
  const files = listFiles(DIST).filter((f) => !f.endsWith('.map'));
  const size = (file: string) => readFileSync(path.join(DIST, file));
  const initialJs = initial.filter((f) => f.endsWith('.js'));
  const rows = [
    {
      measure: 'initial JS (gzip)',
      project: kb(initialJs.reduce((n, f) => n + gzipSync(size(f)).length, 0)),
    },
    {
      measure: 'initial CSS (gzip)',
      project: kb(
        initial.filter((f) => f.endsWith('.css')).reduce((n, f) => n + gzipSync(size(f)).length, 0),
      ),
    },
    {
      measure: 'everything served (raw)',
      project: kb(files.reduce((n, f) => n + statSync(f).size, 0)),
    },
  ];
  printTable(rows);
  writeResults('bundle', { rows }, options.jsonFile);
  return Promise.resolve();
};
