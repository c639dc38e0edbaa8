import type { APIRequestContext } from '@playwright/test';
import type { LocalServer } from '../../../server/src/test/server-process';
import { connectApp, expect, serverSession, startSession, test } from '../../index';
import { SAMPLE_CODES } from '../../support/barcodes';
import { takePhoto } from '../../support/photos';

/** The server's gallery: photo ids and types in display order. */
async function gallery(request: APIRequestContext, server: LocalServer, session: string) {
  const photos = (await serverSession(request, server, session)).product_photos;
  return photos.sort((a, b) => a.sort_order - b.sort_order).map((p) => `${p.photo_type}`);
}

test('photos are reclassified and reordered, by keyboard and by dragging', async ({
  page,
  camera,
  request,
  localServer,
}) => {
  await connectApp(page, localServer);
  const session = await startSession(page, 'product_photography');
  await camera.show({ format: 'ean13', value: SAMPLE_CODES.ean13 });
  for (let i = 0; i < 3; i++) await takePhoto(page);
  await page.goto(`/sessions/${session}`);
  await expect(page.getByTestId('gallery-photo')).toHaveCount(3);
  expect(await gallery(request, localServer, session)).toEqual(['front', 'back', 'nutrition']);

  // Reclassify: the third photo is really the ingredients.
  await page.getByLabel('Type of Nutrition facts photo, position 3').selectOption('ingredients');
  await expect
    .poll(() => gallery(request, localServer, session))
    .toEqual(['front', 'back', 'ingredients']);

  // Keyboard: pick up the first photo, move it one place on, drop it.
  await page.getByRole('button', { name: 'Move Front photo, position 1' }).focus();
  // Each step waits for what a screen reader would announce, as its user would.
  const announced = page.getByRole('status').filter({ hasText: /photo/ });
  await page.keyboard.press('Space');
  await expect(announced).toHaveText('Picked up Front photo at position 1.');
  await page.keyboard.press('ArrowRight');
  await expect(announced).toHaveText('Front photo is over position 2.');
  await page.keyboard.press('Space');
  await expect
    .poll(() => gallery(request, localServer, session))
    .toEqual(['back', 'front', 'ingredients']);

  // Mouse: drag the last photo onto the first place.
  const from = await page.getByRole('button', { name: /^Move Ingredients photo/ }).boundingBox();
  const to = await page.getByRole('button', { name: /^Move Back photo/ }).boundingBox();
  if (!from || !to) throw new Error('gallery tiles are not laid out');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 - 10, from.y + from.height / 2, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 15 });
  await expect(announced).toHaveText('Ingredients photo is over position 1.');
  await page.mouse.up();
  await expect
    .poll(() => gallery(request, localServer, session))
    .toEqual(['ingredients', 'back', 'front']);
  // The screen shows the server's order after a reload.
  await page.reload();
  await expect(page.getByTestId('gallery-photo').first()).toContainText('Ingredients');
});
