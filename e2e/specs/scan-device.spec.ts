import type { APIRequestContext, Page } from '@playwright/test';
import { SessionDetail } from '../../contract/index';
import { expect, test } from '../fixtures';
import { connectApp } from '../support/app';
import { SAMPLE_CODES } from '../support/barcodes';

/** The same flows on Chromium's fake capture device, fed a y4m video made for the test. */
async function startScanning(page: Page, key: string) {
  // Connected once /connect has stored the key and gone Home: going on before that raced it
  // (seen in CI: the session was asked for without a key).
  await connectApp(page, { key });
  await page.goto('/scan/new?mode=barcode_scan');
  await expect(page).toHaveURL(/\/sessions\/\w{22}\/scan$/);
}

async function gtins(request: APIRequestContext, page: Page, key: string) {
  const id = /\/sessions\/([^/]+)\/scan/.exec(page.url())?.[1] ?? '';
  const res = await request.get(`/scanner/api/v1/sessions/${id}`, {
    headers: { 'X-API-Key': key },
  });
  return SessionDetail.parse(await res.json()).captures.map((c) => c.gtin);
}

test('an EAN-13 on the capture device becomes a capture with its GTIN-14', async ({
  launchWithCamera,
  localServer,
  request,
}) => {
  const page = await launchWithCamera({ barcode: { format: 'ean13', value: SAMPLE_CODES.ean13 } });
  await startScanning(page, localServer.key);
  await expect
    .poll(() => gtins(request, page, localServer.key), { timeout: 5_000 })
    .toEqual(['04006381333931']);
});

test('UPC-E is read and expanded to its GTIN-14', async ({
  launchWithCamera,
  localServer,
  request,
}) => {
  const page = await launchWithCamera({ barcode: { format: 'upce', value: SAMPLE_CODES.upce } });
  await startScanning(page, localServer.key);
  await expect
    .poll(() => gtins(request, page, localServer.key), { timeout: 5_000 })
    .toEqual(['00012345000065']);
});

test('a sequence of two products is recorded in order, once each', async ({
  launchWithCamera,
  localServer,
  request,
}) => {
  const page = await launchWithCamera({
    sequence: [
      { format: 'ean13', value: SAMPLE_CODES.ean13 },
      { format: 'ean8', value: SAMPLE_CODES.ean8 },
    ],
  });
  await startScanning(page, localServer.key);
  await expect
    .poll(() => gtins(request, page, localServer.key), { timeout: 10_000 })
    .toEqual(['04006381333931', '00000096385074']);
});

test('no camera: the screen says so and manual entry stays available', async ({
  launchWithCamera,
  localServer,
}) => {
  const page = await launchWithCamera({ device: false });
  await startScanning(page, localServer.key);
  await expect(page.getByRole('alert')).toContainText('No camera found');
  await expect(page.getByLabel('Type a code')).toBeVisible();
});

test('permission denied: the screen says how to allow the camera', async ({
  launchWithCamera,
  localServer,
}) => {
  const page = await launchWithCamera({
    barcode: { format: 'ean13', value: SAMPLE_CODES.ean13 },
    grantCamera: false,
  });
  await startScanning(page, localServer.key);
  await expect(page.getByRole('alert')).toContainText('Camera access is blocked');
});
