import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { spawnNpmStart } from '../server/src/test/server-process';

/**
 * `npm start` on an empty data folder, on whichever Node runs this: it builds the app, serves it
 * and /healthz, prints a key, and one capture is created and read back with that key.
 */
it(
  `npm start serves the app and the API on Node ${process.version}`,
  { timeout: 240_000 },
  async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'scanner-smoke-'));
    const start = spawnNpmStart({ SCANNER_DATA_DIR: dataDir });
    try {
      await expect.poll(start.url, { timeout: 200_000, interval: 500 }).toBeTruthy();
      const url = start.url() ?? '';
      expect(existsSync(path.join(dataDir, 'scanner.db'))).toBe(true);

      const page = await fetch(`${url}/`, { headers: { accept: 'text/html' } });
      expect(await page.text()).toContain('<title>Closient Scanner</title>');
      const health = (await (await fetch(`${url}/healthz`)).json()) as { status: string };
      expect(health.status).toBe('ok');

      const headers = { 'x-api-key': start.key(), 'content-type': 'application/json' };
      const session = (await (
        await fetch(`${url}/scanner/api/v1/sessions`, { method: 'POST', headers, body: '{}' })
      ).json()) as { id: string };
      const created = await fetch(`${url}/scanner/api/v1/captures`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          session_short_id: session.id,
          capture_type: 'BARCODE',
          raw_value: '4006381333931',
        }),
      });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      const read = (await (
        await fetch(`${url}/scanner/api/v1/captures/${id}`, { headers })
      ).json()) as { id: string; raw_value: string };
      expect(read).toMatchObject({ id, raw_value: '4006381333931' });
    } finally {
      start.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
);
