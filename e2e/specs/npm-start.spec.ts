import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';

/**
 * What a newcomer does: `npm start` on a machine with no data yet. It must build, create the
 * database, print a key once, and accept a session created with that key.
 */
test('npm start on an empty data folder creates the database, prints a key, and serves the API', async ({
  request,
}) => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'scanner-npm-start-'));
  const child = spawn('npm', ['start'], {
    env: { ...process.env, PORT: '0', SCANNER_DATA_DIR: dataDir, SCANNER_LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  try {
    await expect
      .poll(() => /running at (http:\S+?)\/?\s/.exec(output)?.[1], { timeout: 100_000 })
      .toBeTruthy();
    const url = /running at (http:\S+?)\/?\s/.exec(output)?.[1] ?? '';
    const key = /API key \(shown once, keep it\): (\S+)/.exec(output)?.[1] ?? '';
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
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
});
