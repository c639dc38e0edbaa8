import type { Page } from '@playwright/test';
import { expect, test } from '../../fixtures';
import { connectApp, installed, setNetwork, startSession, typeCode } from '../../support/app';
import { eans, scanInOrder } from '../../support/scanning';

// The narrowest phone the app supports: nothing may scroll sideways.
test.use({ viewport: { width: 360, height: 740 } });

/**
 * How far the page reaches past the screen's width. Measured against the emulated screen, not
 * innerWidth: a mobile browser widens its layout viewport to fit wide content, so innerWidth
 * grows with the overflow and the difference would always be 0.
 */
const sideways = async (page: Page) =>
  (await page.evaluate(() => document.documentElement.scrollWidth)) -
  (page.viewportSize()?.width ?? 0);

test('at 360 px, Home with refused scans, Diagnostics and an offline session fit the width', async ({
  page,
  context,
  camera,
  localServer,
  request,
}) => {
  await connectApp(page, localServer);
  await installed(page);
  const session = await startSession(page);
  await setNetwork(context, 'offline');
  await scanInOrder(page, camera, eans(3, '29'));
  expect(await sideways(page)).toBeLessThanOrEqual(0);

  await page.goto(`/sessions/${session}`);
  await expect(page.getByTestId('device-item')).toHaveCount(3);
  expect(await sideways(page)).toBeLessThanOrEqual(0);

  // The session is ended elsewhere: the three scans come back refused, with Retry and Discard.
  await page.goto('/');
  const ended = await request.post(`/scanner/api/v1/sessions/${session}/end`, {
    headers: { 'X-API-Key': localServer.key },
  });
  expect(ended.status()).toBe(200);
  await setNetwork(context, 'online');
  await expect(page.getByTestId('refused-item')).toHaveCount(3);
  await expect(page.getByRole('button', { name: /^Retry / })).toHaveCount(3);
  // The header wrapped its links under the name instead of overflowing (it did, by 50 px).
  expect(await sideways(page)).toBeLessThanOrEqual(0);

  await page.goto('/diagnostics');
  await expect(page.getByTestId('storage-outbox')).toHaveText('0 / 3');
  // The facts' label column used to push the page to 427 px.
  expect(await sideways(page)).toBeLessThanOrEqual(0);
  // Nor may the labels squeeze the values until words break ("prefer|ence", "media|n"): the
  // value column keeps at least 40% of its list.
  const squeezed = await page
    .locator('dl.facts')
    .evaluateAll((lists) =>
      lists.flatMap((dl) =>
        [...dl.querySelectorAll('dd')]
          .filter((dd) => dd.getBoundingClientRect().width < 0.4 * dl.getBoundingClientRect().width)
          .map((dd) => dd.textContent),
      ),
    );
  expect(squeezed).toEqual([]);
});

test('a 500-character value and a right-to-left override neither break the layout nor mislead', async ({
  page,
  localServer,
  camera: _camera,
}) => {
  await connectApp(page, localServer);
  const session = await startSession(page);
  const long = `https://example.com/${'a'.repeat(480)}`; // 500 code points, no break
  const spoof = 'invoice\u202Efdp.exe';
  for (const code of [long, spoof]) {
    await typeCode(page, code);
    await page.getByRole('button', { name: 'Save as text code' }).click();
  }
  await expect(page.getByTestId('local-count')).toHaveText('2');
  const rows = page.getByRole('list', { name: 'Recent scans' }).getByRole('listitem');
  // The override is shown, not obeyed.
  await expect(rows.first()).toContainText('invoice⟨U+202E⟩fdp.exe');
  expect(await sideways(page)).toBeLessThanOrEqual(0);
  // Every row's status chip stays on the screen.
  for (const row of await rows.all()) {
    const chip = await row.locator('.badge').boundingBox();
    expect((chip?.x ?? 0) + (chip?.width ?? 0)).toBeLessThanOrEqual(
      page.viewportSize()?.width ?? 0,
    );
  }

  // The clamped URL is one tap from its whole text, and the page still fits.
  await page.getByRole('button', { name: /^2 scans: show more/ }).click();
  const longRow = rows.filter({ hasText: 'example.com' }).getByRole('button', { expanded: false });
  const clamped = (await longRow.boundingBox())?.height ?? 0;
  await longRow.click();
  const opened = rows.filter({ hasText: 'example.com' }).getByRole('button', { expanded: true });
  expect((await opened.boundingBox())?.height ?? 0).toBeGreaterThan(clamped * 2);
  expect(await sideways(page)).toBeLessThanOrEqual(0);

  await page.goto(`/sessions/${session}`);
  await expect(page.getByText('invoice⟨U+202E⟩fdp.exe').first()).toBeVisible();
  expect(await sideways(page)).toBeLessThanOrEqual(0);
  await page.getByRole('link', { name: /example\.com/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('example.com');
  expect(await sideways(page)).toBeLessThanOrEqual(0);
});

test('the photo screen fits with a 500-character and a right-to-left product to photograph', async ({
  page,
  localServer,
  camera: _camera,
}, testInfo) => {
  await connectApp(page, localServer);
  await startSession(page, 'both');
  for (const code of [`https://example.com/${'b'.repeat(480)}`, 'invoice\u202Efdp.exe']) {
    await typeCode(page, code);
    await page.getByRole('button', { name: 'Save as text code' }).click();
  }
  await expect(page.getByTestId('local-count')).toHaveText('2');
  await page.getByRole('link', { name: 'Take photos' }).click();
  const target = page.getByLabel('Photos are of');
  await expect(target).toContainText('invoice⟨U+202E⟩fdp.exe');
  expect(await sideways(page)).toBeLessThanOrEqual(0);
  const box = await target.boundingBox();
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(page.viewportSize()?.width ?? 0);
  await expect(page.getByRole('button', { name: /^Take photo/ })).toBeInViewport();
  await page.screenshot({ path: testInfo.outputPath('photos-long-values.png') });
});
