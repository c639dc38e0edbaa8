import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bootstrap } from '../server/src/bootstrap';
import { seedSession } from '../server/src/catalog/seed-session';
import { localApp } from './local-app';
import { printTable, writeResults } from './report';
import type { Bench } from './types';

const ROOT = path.resolve(import.meta.dirname, '..');
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

/** What a cold first load fetches before the app can paint: the shell, its scripts and styles. */
function firstLoad(): string[] {
  const html = readFileSync(path.join(ROOT, 'dist', 'index.html'), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((m) => m[1] ?? '');
  return ['/', ...assets.filter((a) => !a.endsWith('.png') && !a.endsWith('.svg'))];
}

/**
 * Bytes on the wire, as the server sends them: the app's first load and a 10,000-capture
 * session's detail, uncompressed (the baseline: what the server sent before compression) beside
 * gzip and brotli, in the same run against the same server.
 */
export const wireBench: Bench = async (options) => {
  const count = options.quick ? 2_000 : 10_000;
  const { app, sql, close } = await localApp({ staticDir: path.join(ROOT, 'dist') });
  const key = (await bootstrap(app.services, null)).key ?? '';
  const org = (await app.services.keys.byKey(key))?.org_id ?? '';
  const session = await seedSession(sql, org, count, 'barcode_scan');
  try {
    const bytes = async (urls: string[], encoding: string) => {
      let total = 0;
      for (const url of urls) {
        const res = await app.inject({
          url,
          headers: { 'accept-encoding': encoding, accept: 'text/html,*/*', 'x-api-key': key },
        });
        if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
        total += res.rawPayload.length;
      }
      return total;
    };
    const targets = [
      { target: `first load (${firstLoad().length} files)`, urls: firstLoad() },
      {
        target: `GET /sessions/{id} (${count} captures)`,
        urls: [`/scanner/api/v1/sessions/${session}`],
      },
      {
        target: `GET /sessions/{id}/status (${count} captures)`,
        urls: [`/scanner/api/v1/sessions/${session}/status`],
      },
    ];
    const rows = [];
    for (const { target, urls } of targets) {
      const identity = await bytes(urls, 'identity');
      const gzip = await bytes(urls, 'gzip');
      const br = await bytes(urls, 'br');
      rows.push({
        target,
        'uncompressed (baseline)': kb(identity),
        gzip: kb(gzip),
        brotli: kb(br),
        'brotli vs baseline': `${(identity / br).toFixed(1)}x smaller`,
      });
    }
    printTable(rows);
    writeResults('wire', { count, rows }, options.jsonFile);
  } finally {
    await close();
  }
};
