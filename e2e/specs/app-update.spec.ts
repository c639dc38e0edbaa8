import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalServer } from '../../server/src/test/server-process';
import { expect, test } from '../fixtures';

/**
 * An installed app left open all day: a new version is deployed, the waiting service worker is
 * offered on Home, and "Update now" switches to it. The server serves a copy of the build, so
 * the test can deploy a "new version" by changing the copy's service worker.
 */
test('a new version is offered on Home and taken on request', async ({ page }, testInfo) => {
  const appDir = mkdtempSync(path.join(os.tmpdir(), 'scanner-app-'));
  cpSync(path.resolve(import.meta.dirname, '../../dist'), appDir, { recursive: true });
  const server = await startLocalServer({ SCANNER_STATIC_DIR: appDir });
  try {
    await page.goto(server.url);
    await page.evaluate(() => navigator.serviceWorker.ready);
    // The worker takes over the pages opened after it installed (it does not claim this one).
    await page.reload();
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    await expect(page.getByRole('button', { name: 'Update now' })).toHaveCount(0);

    // Deploy: any byte of the service worker changed is a new version to the browser.
    appendFileSync(path.join(appDir, 'service-worker.js'), '\n// the next version\n');
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    await expect(page.getByText('A new version of the app is ready.')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('home-update.png'), fullPage: true });

    // The switch reloads the page under the new worker.
    await page.evaluate(() => ((window as { beforeUpdate?: true }).beforeUpdate = true));
    const reloaded = page.waitForEvent('load');
    await page.getByRole('button', { name: 'Update now' }).click();
    await reloaded;
    expect(await page.evaluate(() => (window as { beforeUpdate?: true }).beforeUpdate)).toBe(
      undefined,
    );
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Scan products for Closient');
    const waiting = await page.evaluate(
      async () => !!(await navigator.serviceWorker.getRegistration())?.waiting,
    );
    expect(waiting).toBe(false);
    await expect(page.getByRole('button', { name: 'Update now' })).toHaveCount(0);
  } finally {
    await server.stop();
    rmSync(appDir, { recursive: true, force: true });
  }
});
