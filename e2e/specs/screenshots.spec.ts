import { expect, test } from '../fixtures';
import { connectApp, startSession } from '../support/app';
import { SAMPLE_CODES } from '../support/barcodes';

// Screens saved for a person to look at (test-results/e2e), with one assertion that the flow worked.
test('screenshot the home, settings and scanner screens on a phone', async ({
  page,
  camera,
  localServer,
}, testInfo) => {
  await page.setViewportSize({ width: 412, height: 915 });
  await connectApp(page, localServer);
  await camera.hardware({
    devices: [
      { deviceId: 'back', label: 'Back Camera' },
      { deviceId: 'front', label: 'Front Camera' },
    ],
    capabilities: { torch: true, zoom: { min: 1, max: 5, step: 0.1 } },
  });
  await page.screenshot({ path: testInfo.outputPath('home.png') });
  await page.goto('/settings');
  await page.screenshot({ path: testInfo.outputPath('settings.png'), fullPage: true });
  await startSession(page);
  await camera.show({ format: 'ean13', value: SAMPLE_CODES.ean13 });
  await expect(page.getByTestId('server-count')).toHaveText('1');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: testInfo.outputPath('scanner.png') });
  await page.getByLabel('Type a code').fill('5012345678900');
  await page.getByRole('button', { name: 'Add' }).click();
  await page.getByRole('link', { name: 'All captures and session actions' }).click();
  await expect(page.getByTestId('overview-capture-count')).toHaveText('2');
  await page.screenshot({ path: testInfo.outputPath('overview.png'), fullPage: true });
  await page
    .getByRole('list', { name: /^Captures/ })
    .getByRole('link')
    .first()
    .click();
  await expect(page.getByRole('heading', { name: 'Proposed changes' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('capture.png'), fullPage: true });
  await page.goto('/');
  await page.screenshot({ path: testInfo.outputPath('home-history.png'), fullPage: true });
});
