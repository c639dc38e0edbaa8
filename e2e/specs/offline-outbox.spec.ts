import type { APIRequestContext, BrowserContext, Page } from '@playwright/test';
import { expect, type InjectedCamera, test } from '../fixtures';
import {
  connectApp,
  installed,
  serverGtins,
  serverSession,
  setNetwork,
  startSession,
} from '../support/app';
import { SAMPLE_CODES } from '../support/barcodes';
import { jobsIn, shutter, storedBytes } from '../support/photos';

const EAN = { format: 'ean13', value: SAMPLE_CODES.ean13 } as const;
const GTIN = '04006381333931';

/** Ends a session from elsewhere (another device, the back office), as its API allows. */
async function endSession(request: APIRequestContext, key: string, session: string) {
  const ended = await request.post(`/scanner/api/v1/sessions/${session}/end`, {
    headers: { 'X-API-Key': key },
  });
  expect(ended.status()).toBe(200);
}

/** A session started on the installed app, and one EAN-13 scanned in it while offline. */
async function scanOffline(page: Page, context: BrowserContext, camera: InjectedCamera) {
  const session = await startSession(page);
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await setNetwork(context, 'offline');
  await camera.show(EAN);
  await expect(page.getByTestId('scan-announcement')).toHaveText(`Queued offline: ${EAN.value}`);
  await camera.clear();
  return session;
}

/** A photo session started on the installed app, and one photo taken in it while offline. */
async function photographOffline(page: Page, context: BrowserContext, camera: InjectedCamera) {
  const session = await startSession(page, 'product_photography');
  await camera.show(EAN);
  await setNetwork(context, 'offline');
  await shutter(page).click();
  await expect(jobsIn(page, 'queued')).toHaveCount(1);
  return session;
}

test.beforeEach(async ({ page, localServer, camera: _camera }) => {
  await connectApp(page, localServer);
  await installed(page);
});

test('a scan queued offline survives a reload and is sent once when the network is back', async ({
  page,
  context,
  camera,
  request,
  localServer,
}) => {
  const session = await scanOffline(page, context, camera);

  // Still offline: the reload comes from the service worker, and the scan from IndexedDB.
  await page.reload();
  const sync = page.getByTestId('sync-state');
  await expect(sync).toContainText('Offline');
  await expect(sync).toContainText('1 to send');
  expect(await serverGtins(request, localServer, session)).toEqual([]);

  await setNetwork(context, 'online');
  await expect.poll(() => serverGtins(request, localServer, session)).toEqual([GTIN]);
  await expect(sync).toContainText('All sent');
  await expect(page.getByTestId('server-count')).toHaveText('1');
  // Nothing is left to send again on the next load.
  await page.reload();
  await expect(sync).toContainText('All sent');
  expect(await serverGtins(request, localServer, session)).toEqual([GTIN]);
});

test('a scan left in a closed tab is sent from the next page, wherever it opens', async ({
  page,
  context,
  camera,
  request,
  localServer,
}) => {
  const session = await scanOffline(page, context, camera);
  await page.close();

  await setNetwork(context, 'online');
  const next = await context.newPage();
  await next.goto('/');
  await expect.poll(() => serverGtins(request, localServer, session)).toEqual([GTIN]);
});

test('photos taken offline survive a reload, a flagged one still waiting for the operator', async ({
  page,
  context,
  camera,
  request,
  localServer,
}) => {
  const session = await photographOffline(page, context, camera);
  // The next one is blurred: it waits for Keep or Retake.
  await camera.show({ ...EAN, blur: 8 });
  await shutter(page).click();
  await expect(jobsIn(page, 'review')).toHaveCount(1);

  await page.reload();
  await expect(page.getByText('Starting the camera…')).toBeHidden();
  await expect(jobsIn(page, 'queued')).toHaveCount(1);
  await expect(jobsIn(page, 'review')).toHaveCount(1);
  await expect(page.getByTestId('sync-state')).toContainText('2 to send');

  await setNetwork(context, 'online');
  await expect(jobsIn(page, 'saved')).toHaveCount(1);
  await page.getByRole('button', { name: 'Keep Back photo' }).click();
  await expect(jobsIn(page, 'saved')).toHaveCount(2);
  await expect(page.getByTestId('sync-state')).toContainText('All sent');
  const photos = (await serverSession(request, localServer, session)).product_photos;
  expect(photos.map((p) => p.photo_type).sort()).toEqual(['back', 'front']);
  for (const photo of photos) expect(photo.file_size).toBe(storedBytes(localServer, photo.s3_key));
  expect(photos.find((p) => p.photo_type === 'back')?.metadata['kept_despite']).toBe('blurry');
});

for (const { what, takeOffline, name } of [
  { what: 'scan', takeOffline: scanOffline, name: EAN.value },
  { what: 'photo', takeOffline: photographOffline, name: 'Front photo' },
]) {
  test(`a ${what} for a session ended meanwhile is listed on Home with the reason until discarded`, async ({
    page,
    context,
    camera,
    request,
    localServer,
  }) => {
    const session = await takeOffline(page, context, camera);
    await page.goto('/');
    // Meanwhile the session was ended from another device.
    await endSession(request, localServer.key, session);

    await setNetwork(context, 'online');
    const refused = page.getByTestId('refused-item');
    await expect(refused).toContainText(name);
    await expect(refused).toContainText('no longer accepts changes');
    const held = await serverSession(request, localServer, session);
    expect([held.captures, held.product_photos]).toEqual([[], []]);
    // Kept across a reload until the operator lets it go.
    await page.reload();
    await expect(refused).toContainText(name);
    await page.getByRole('button', { name: `Discard ${name}` }).click();
    await expect(refused).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(refused).toHaveCount(0);
  });
}
