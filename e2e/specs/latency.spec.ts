import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../fixtures';
import { connectApp, startSession } from '../support/app';
import { openBaseline } from '../support/baseline';
import { LATENCY_CODES, measureAppearances, median } from '../support/latency';

/**
 * Time from a barcode entering the camera's view to the scan in the UI and on the server, for
 * this app and for @zxing/browser with its defaults, on the same injected camera in one run.
 * It reports; it does not assert on time (machine noise must not fail a test).
 */
// The baseline page is served through page.route, which service workers would bypass.
test.use({ serviceWorkers: 'block' });

test('scan latency: this app beside @zxing/browser defaults', async ({
  page,
  camera,
  localServer,
}, testInfo) => {
  test.setTimeout(120_000);
  await connectApp(page, localServer);
  await startSession(page);
  const app = await measureAppearances(page, camera, { saves: true });
  await openBaseline(page);
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
