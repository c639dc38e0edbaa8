import { readFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../fixtures';
import { LATENCY_CODES, measureAppearances, median } from '../support/latency';

/**
 * Time from a barcode entering the camera's view to the scan in the UI and on the server, for
 * this app and for @zxing/browser with its defaults, on the same injected camera in one run.
 * It reports; it does not assert on time (machine noise must not fail a test).
 */
const BASELINE = path.resolve(import.meta.dirname, '..', '..', 'dist-baseline');

// page.route cannot see requests a service worker answers (recipe pitfall), and the app's
// worker would answer /baseline/ with the app shell.
test.use({ serviceWorkers: 'block' });

test('scan latency: this app beside @zxing/browser defaults', async ({
  page,
  camera,
  localServer,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.goto(`/connect#key=${encodeURIComponent(localServer.key)}&api=`);
  await page.goto('/scan/new?mode=barcode_scan');
  await expect(page.getByText('Starting the camera…')).toBeHidden();
  const app = await measureAppearances(page, camera, { saves: true });

  expect(existsSync(path.join(BASELINE, 'index.html')), 'run npm run build:baseline first').toBe(
    true,
  );
  // The baseline page is a test asset, served from disk on the app's origin (a secure context).
  await page.route('**/baseline/**', (route) => {
    const file = path.join(
      BASELINE,
      new URL(route.request().url()).pathname.replace(/^\/baseline\//, '') || 'index.html',
    );
    return route.fulfill({
      body: readFileSync(file),
      contentType: file.endsWith('.js') ? 'text/javascript' : 'text/html',
    });
  });
  await page.goto('/baseline/index.html');
  await expect(page.locator('#status')).toHaveText('scanning');
  const baseline = await measureAppearances(page, camera, { saves: false });

  expect(app).toHaveLength(LATENCY_CODES.length);
  expect(baseline).toHaveLength(LATENCY_CODES.length);
  const summary = {
    appearances: LATENCY_CODES.length,
    app_accepted_median_ms: Math.round(median(app.map((a) => a.acceptedMs))),
    app_saved_median_ms: Math.round(median(app.map((a) => a.savedMs ?? Number.NaN))),
    baseline_accepted_median_ms: Math.round(median(baseline.map((a) => a.acceptedMs))),
    app: app.map((a) => [Math.round(a.acceptedMs), Math.round(a.savedMs ?? -1)]),
    baseline: baseline.map((a) => Math.round(a.acceptedMs)),
  };
  console.log(`LATENCY ${JSON.stringify(summary)}`);
  mkdirSync(path.resolve('test-results'), { recursive: true });
  writeFileSync(path.resolve('test-results', 'latency.json'), JSON.stringify(summary, null, 2));
  await testInfo.attach('latency', {
    body: JSON.stringify(summary, null, 2),
    contentType: 'application/json',
  });
});
