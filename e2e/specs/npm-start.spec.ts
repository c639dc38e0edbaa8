import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { spawnNpmStart } from '../../server/src/test/server-process';

/**
 * What a newcomer does: `npm start` on a machine with no data yet. It must build, create the
 * database, print a key once, and accept a session created with that key.
 */
test('npm start on an empty data folder creates the database, prints a key, and serves the API', async ({
  request,
}) => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'scanner-npm-start-'));
  const start = spawnNpmStart({ SCANNER_DATA_DIR: dataDir });
  try {
    await expect.poll(start.url, { timeout: 100_000 }).toBeTruthy();
    const url = start.url() ?? '';
    const key = start.key();
    expect(key).toMatch(/^cpk_/);
    expect(existsSync(path.join(dataDir, 'scanner.db'))).toBe(true);
    const res = await request.post(`${url}/scanner/api/v1/sessions`, {
      headers: { 'X-API-Key': key },
      data: { capture_mode: 'barcode_scan' },
    });
    expect(res.status()).toBe(201);
    const page = await request.get(`${url}/`, { headers: { Accept: 'text/html' } });
    expect(await page.text()).toContain('<title>Closient Scanner</title>');
  } finally {
    start.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
