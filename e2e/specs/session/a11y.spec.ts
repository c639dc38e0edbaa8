import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../../fixtures';
import { connectApp, startSession } from '../../support/app';

/** axe's WCAG 2.x A/AA rules on the page as it is now; the violations, summarised. */
async function violations(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

test('axe finds no violations on any screen', async ({ page, camera, localServer }) => {
  test.setTimeout(90_000);
  await connectApp(page, localServer);
  expect(await violations(page), 'home').toEqual([]);

  await page.goto('/settings');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  expect(await violations(page), 'settings').toEqual([]);

  await startSession(page);
  await camera.show({ format: 'ean13', value: '5012345678900' });
  await expect(page.getByTestId('server-count')).toHaveText('1');
  expect(await violations(page), 'scanner').toEqual([]);

  await page.getByRole('link', { name: 'All captures and session actions' }).click();
  await expect(page.getByTestId('overview-capture-count')).toHaveText('1');
  await page.getByRole('button', { name: 'End session…' }).click();
  expect(await violations(page), 'session overview').toEqual([]);

  await page
    .getByRole('list', { name: /^Captures/ })
    .getByRole('link')
    .first()
    .click();
  await expect(page.getByRole('heading', { name: 'Proposed changes' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Proposals' }).getByRole('listitem')).toHaveCount(2);
  expect(await violations(page), 'capture detail').toEqual([]);

  await page.goto('/');
  await expect(page.getByRole('list', { name: 'Sessions on this device' })).toBeVisible();
  expect(await violations(page), 'home with history').toEqual([]);

  await page.goto('/no/such/page');
  expect(await violations(page), 'not found').toEqual([]);
});

test('axe finds no violations on the photo screens, with a flagged photo and a gallery', async ({
  page,
  camera,
  localServer,
}) => {
  await connectApp(page, localServer);
  await startSession(page, 'both');
  await camera.show({ format: 'ean13', value: '5012345678900' });
  await expect(page.getByTestId('server-count')).toHaveText('1');
  await page.getByRole('link', { name: 'Take photos' }).click();
  const shutter = page.getByRole('button', { name: /^Take photo/ });
  await shutter.click();
  await expect(page.getByTestId('server-photo-count')).toHaveText('1');
  await camera.show({ format: 'ean13', value: '5012345678900', blur: 8 });
  await shutter.click();
  await expect(page.getByRole('button', { name: /^Keep/ })).toBeVisible();
  expect(await violations(page), 'photo screen').toEqual([]);

  await page.getByRole('link', { name: 'Gallery and session actions' }).click();
  await expect(page.getByTestId('gallery-photo')).toHaveCount(1);
  expect(await violations(page), 'overview with gallery').toEqual([]);
  await page.screenshot({ path: test.info().outputPath('overview.png'), fullPage: true });
});
