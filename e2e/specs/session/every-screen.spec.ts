import { expect, test } from '../../fixtures';
import { connectApp, startSession, typeCode } from '../../support/app';

/**
 * Every screen, on the phone and the tablet project, saved for a person to look at
 * (test-results/e2e/…/<screen>.png), each checked for sideways scrolling.
 */
test('every screen, photographed on this device', async ({ page, localServer, camera }, info) => {
  const width = page.viewportSize()?.width ?? 0;
  const shot = async (name: string) => {
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      name,
    ).toBeLessThanOrEqual(width);
    await page.screenshot({ path: info.outputPath(`${name}.png`), fullPage: true });
  };
  await page.goto('/connect');
  await shot('connect');
  await connectApp(page, localServer);
  await page.getByLabel(/Count quantities/).check();
  await shot('home');
  await page.goto('/settings');
  await shot('settings');
  const session = await startSession(page, 'both');
  await camera.show({ format: 'ean13', value: '4006381333931' });
  await expect(page.getByTestId('server-count')).toHaveText('1');
  await typeCode(page, '5012345678900');
  await expect(page.getByTestId('server-count')).toHaveText('2');
  await shot('scanner-collapsed');
  const handle = page.getByRole('button', { name: /scans: show more/ });
  await handle.click();
  await shot('scanner-half');
  await page.getByRole('button', { name: /scans: show less/ }).press('ArrowUp');
  await shot('scanner-full');
  await page.goto(`/sessions/${session}/photos`);
  await expect(page.getByLabel('Camera view')).toBeAttached();
  await shot('photos');
  await page.goto(`/sessions/${session}`);
  await expect(page.getByTestId('overview-capture-count')).toHaveText('2');
  await shot('overview');
  await page
    .getByRole('list', { name: /^Captures/ })
    .getByRole('link')
    .first()
    .click();
  await expect(page.getByRole('button', { name: 'Save note and quantity' })).toBeVisible();
  await shot('capture');
  await page.goto('/diagnostics');
  await shot('diagnostics');
});
