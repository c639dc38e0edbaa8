import type { BrowserContext, Route } from '@playwright/test';
import { Capture } from '../../contract/index';
import { expect, test } from '../fixtures';
import {
  connectApp,
  createApiKey,
  installed,
  serverSession,
  setNetwork,
  startSession,
} from '../support/app';
import { eans, gtin14, outOfPlace, scanInOrder } from '../support/scanning';

const PORTAL = '<!doctype html><title>Store Wi-Fi</title><p>Accept the terms to continue.</p>';

/**
 * Answers the first send of chosen scans the way a hostile network does, keyed by the scanned
 * value; every other request, and every later send, reaches the server untouched.
 */
async function spoilFirstAnswers(
  context: BrowserContext,
  spoil: Record<string, 'cut-201' | 'portal' | 'bad-gateway'>,
) {
  const seen = new Set<string>();
  await context.route('**/scanner/api/v1/captures', async (route: Route) => {
    const body = route.request().postDataJSON() as { raw_value?: string } | null;
    const value = body?.raw_value ?? '';
    const how = spoil[value];
    if (route.request().method() !== 'POST' || !how || seen.has(value)) return route.fallback();
    seen.add(value);
    if (how === 'portal')
      return route.fulfill({ status: 200, contentType: 'text/html', body: PORTAL });
    if (how === 'bad-gateway')
      return route.fulfill({ status: 502, contentType: 'text/html', body: '<h1>502</h1>' });
    // The server gets it and stores it; its answer is cut off on the way back.
    const response = await route.fetch();
    const text = await response.text();
    return route.fulfill({ response, body: text.slice(0, 40) });
  });
}

test.beforeEach(async ({ page, localServer, camera: _camera }) => {
  // The app gets its own key: its sends and resends do not spend the shared key's window.
  await connectApp(page, createApiKey(localServer));
  await installed(page);
});

test('a cut 201, a captive portal page and a 502 are sent again: all 6 saved once, in order', async ({
  page,
  context,
  camera,
  request,
  localServer,
}) => {
  const reader = createApiKey(localServer);
  const session = await startSession(page);
  const codes = eans(6, '23');
  await spoilFirstAnswers(context, {
    [codes[1] ?? '']: 'cut-201',
    [codes[3] ?? '']: 'portal',
    [codes[5] ?? '']: 'bad-gateway',
  });
  await scanInOrder(page, camera, codes);
  await expect
    .poll(async () => (await serverSession(request, reader, session)).captures.length)
    .toBe(6);
  const gtins = (await serverSession(request, reader, session)).captures.map((c) => c.gtin);
  expect(outOfPlace(gtins, codes.map(gtin14))).toBe(0);
  await expect(page.getByTestId('sync-state')).toContainText('All sent');
  // Every row ends as saved on the server, none as refused (the sheet opened to show five).
  await page.getByRole('button', { name: /^6 scans: show more/ }).click();
  const rows = page.getByRole('list', { name: 'Recent scans' }).getByRole('listitem');
  await expect(rows).toHaveCount(5);
  await expect(rows.filter({ hasText: /Not saved|Waiting|Queued|Sending/ })).toHaveCount(0);
  // A lost answer while online is not "offline".
  await expect(page.getByTestId('scan-announcement')).not.toContainText('Queued offline');
  await page.goto('/');
  await expect(page.getByTestId('refused-item')).toHaveCount(0);
});

test('the device time of a scan made offline is sent as scanned_at and shown', async ({
  page,
  context,
  camera,
  request,
  localServer,
}) => {
  const session = await startSession(page);
  await setNetwork(context, 'offline');
  const [code = ''] = eans(1, '24');
  const before = Date.now();
  await scanInOrder(page, camera, [code]);
  const after = Date.now();
  // The scan waits on the device for a few seconds before it can be sent.
  await page.waitForTimeout(3_000);
  await setNetwork(context, 'online');
  await expect
    .poll(async () => (await serverSession(request, localServer, session)).captures.length)
    .toBe(1);
  const [capture] = (await serverSession(request, localServer, session)).captures;
  const scannedAt = Date.parse(Capture.parse(capture).metadata['scanned_at'] ?? '');
  expect(scannedAt).toBeGreaterThanOrEqual(before - 1_000);
  expect(scannedAt).toBeLessThanOrEqual(after + 1_000);
  expect(Date.parse(capture?.created ?? '') - scannedAt).toBeGreaterThanOrEqual(2_500);
  // With its offset, as the device's clock read it.
  expect(capture?.metadata['scanned_at']).toMatch(/T\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/);

  await page.goto(`/sessions/${session}`);
  const shown = await page.evaluate(
    (iso) => new Date(iso).toLocaleTimeString(),
    capture?.metadata['scanned_at'] ?? '',
  );
  await expect(page.getByTestId('capture-scanned-at')).toHaveText(shown);
});

test('offline, a session shows what this device holds for it, not yet confirmed', async ({
  page,
  context,
  camera,
}) => {
  const session = await startSession(page);
  await setNetwork(context, 'offline');
  const codes = eans(3, '25');
  await scanInOrder(page, camera, codes);
  await page.goto(`/sessions/${session}`);
  await expect(page.getByText('Not yet confirmed by the server')).toBeVisible();
  const items = page.getByTestId('device-item');
  await expect(items).toHaveCount(3);
  // Newest first, each with its state.
  for (const [i, code] of [...codes].reverse().entries()) {
    await expect(items.nth(i)).toContainText(code);
    await expect(items.nth(i)).toContainText('Queued offline');
  }
});

test.describe('storage that fails', () => {
  test('without IndexedDB, no session is made on the server and the operator is told why', async ({
    page,
    context,
  }) => {
    await page.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('IndexedDB is disabled here.', 'InvalidStateError');
      };
    });
    let sessionPosts = 0;
    await context.route('**/scanner/api/v1/sessions', async (route) => {
      if (route.request().method() === 'POST') sessionPosts += 1;
      await route.fallback();
    });
    await page.goto('/scan/new?mode=barcode_scan');
    await expect(page.getByRole('heading', { name: 'The session could not start' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('does not let the app keep scans');
    expect(sessionPosts).toBe(0);
  });

  test('when storage fills up, a scan that could not be kept is refused at the scanner, and none kept is lost', async ({
    page,
    context,
    camera,
    request,
    localServer,
  }) => {
    // After five new items, the disk is full (as a phone's gets): IndexedDB answers with a
    // QuotaExceededError for any further new item.
    await page.addInitScript(() => {
      // eslint-disable-next-line @typescript-eslint/unbound-method -- called with .call(this) below
      const put = IDBObjectStore.prototype.put;
      let added = 0;
      IDBObjectStore.prototype.put = function (value: unknown, key?: IDBValidKey) {
        const item = value as { attempts?: number; state?: string; kind?: string } | null;
        const fresh = item?.attempts === 0 && item.state === 'pending' && item.kind === 'capture';
        if (this.name === 'outbox' && fresh && ++added > 5)
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.call(this, value, key);
      };
    });
    const session = await startSession(page);
    await setNetwork(context, 'offline');
    const codes = eans(7, '26');
    await scanInOrder(page, camera, codes.slice(0, 5));
    await camera.show({ format: 'ean13', value: codes[5] ?? '' });
    await expect(page.getByTestId('storage-error')).toContainText('out of storage space');
    await expect(page.getByTestId('scan-announcement')).toContainText('Not saved on this device');
    await expect(page.getByTestId('local-count')).toHaveText('5');

    await setNetwork(context, 'online');
    await expect
      .poll(async () => (await serverSession(request, localServer, session)).captures.length)
      .toBe(5);
    const gtins = (await serverSession(request, localServer, session)).captures.map((c) => c.gtin);
    expect(gtins).toEqual(codes.slice(0, 5).map(gtin14));
  });
});

test("an older scan's later state never takes over the newest scan's announcement", async ({
  page,
  context,
  camera,
}) => {
  await startSession(page);
  const [older = '', newer = ''] = eans(2, '28');
  // The older scan's first send fails (502), its second is refused by the API (422): both
  // happen after the newer scan was made.
  let tries = 0;
  await context.route('**/scanner/api/v1/captures', async (route) => {
    const body = route.request().postDataJSON() as { raw_value?: string } | null;
    if (body?.raw_value !== older) return route.fallback();
    tries += 1;
    if (tries === 1)
      return route.fulfill({ status: 502, contentType: 'text/html', body: '<h1>502</h1>' });
    return route.fulfill({
      status: 422,
      contentType: 'application/json',
      body: JSON.stringify({
        error: { code: 'VALIDATION_ERROR', message: 'Not this one.', status: 422, details: null },
      }),
    });
  });
  await page.evaluate(() => {
    const said: string[] = [];
    (window as unknown as { said: string[] }).said = said;
    const region = document.querySelector('[data-testid="scan-announcement"]');
    if (!region) throw new Error('No announcement region');
    new MutationObserver(() => said.push(region.textContent ?? '')).observe(region, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  await scanInOrder(page, camera, [older, newer]);
  // The older one ends refused (shown in its row, and in the background lane)...
  await expect(page.getByTestId('toast')).toContainText(`${older} was not saved: Not this one.`);
  const said = await page.evaluate(() => (window as unknown as { said: string[] }).said);
  const newest = said.findIndex((s) => s.includes(newer));
  expect(newest).toBeGreaterThanOrEqual(0);
  // ...but after the newer scan was announced, nothing about the older one was.
  expect(said.slice(newest).filter((s) => s.includes(older))).toEqual([]);
});
