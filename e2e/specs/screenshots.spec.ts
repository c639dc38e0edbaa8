import { expect, test } from '../fixtures';
import { SAMPLE_CODES } from '../support/barcodes';

// Screens saved for a person to look at (test-results/e2e), with one assertion that the flow worked.
test('screenshot the home and scanner screens on a phone', async ({
  page,
  camera,
  localServer,
}, testInfo) => {
  await page.setViewportSize({ width: 412, height: 915 });
  await page.goto(`/connect#key=${encodeURIComponent(localServer.key)}&api=`);
  await page.screenshot({ path: testInfo.outputPath('home.png') });
  await page.goto('/scan/new?mode=barcode_scan');
  await camera.show({ format: 'ean13', value: SAMPLE_CODES.ean13 });
  await expect(page.getByTestId('server-count')).toHaveText('1');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: testInfo.outputPath('scanner.png') });
});
