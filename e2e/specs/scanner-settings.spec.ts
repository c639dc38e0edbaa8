import { formatApiKey } from '../../contract/index';
import { expect, test } from '../fixtures';
import { connectApp, serverGtins, startSession } from '../support/app';
import { SAMPLE_CODES } from '../support/barcodes';

const EAN = { format: 'ean13', value: SAMPLE_CODES.ean13 } as const;
const EAN_GTIN = '04006381333931';

test.describe('settings that change how the scanner reads', () => {
  test.beforeEach(async ({ page, localServer, camera: _camera }) => {
    await connectApp(page, localServer);
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  });

  test('single mode stops after one scan until "Scan next"', async ({
    page,
    camera,
    request,
    localServer,
  }) => {
    await page.getByLabel('Stop after each scan').check();
    await startSession(page);
    await camera.show(EAN);
    await expect(page.getByTestId('scan-announcement')).toHaveText(`Scanned: ${EAN.value}`);
    await camera.show({ format: 'upce', value: SAMPLE_CODES.upce });
    // Paused: the next product in view is not read until the operator asks.
    await page.waitForTimeout(1_500);
    expect(await serverGtins(request, localServer, page.url())).toEqual([EAN_GTIN]);
    await page.getByRole('button', { name: 'Scan next' }).click();
    await expect
      .poll(() => serverGtins(request, localServer, page.url()))
      .toEqual([EAN_GTIN, '00012345000065']);
  });

  test('a format switched off is not read; the others still are', async ({
    page,
    camera,
    request,
    localServer,
  }) => {
    await page.getByLabel('QR code').uncheck();
    await startSession(page);
    await camera.show({ format: 'qr', value: SAMPLE_CODES.gs1DigitalLink });
    await page.waitForTimeout(1_500);
    await camera.show(EAN);
    await expect.poll(() => serverGtins(request, localServer, page.url())).toEqual([EAN_GTIN]);
    await page.waitForTimeout(500);
    expect(await serverGtins(request, localServer, page.url())).toEqual([EAN_GTIN]);
  });

  test('with the viewfinder region on, a code outside the box is not read', async ({
    page,
    camera,
    request,
    localServer,
  }) => {
    // A wide, short stage (the stacked layout, under the 900 px landscape breakpoint): the
    // video is cropped top and bottom, so the box covers only the frame's middle band.
    await page.setViewportSize({ width: 880, height: 520 });
    const outside = { ...EAN, size: 0.5, y: 0.25 };
    // Region off: the whole frame is read, so the off-centre code is readable where it is.
    let session = await startSession(page);
    await camera.show(outside);
    await expect.poll(() => serverGtins(request, localServer, session)).toEqual([EAN_GTIN]);

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Read only inside the viewfinder box').check();
    await camera.clear();
    session = await startSession(page);
    await camera.show(outside);
    await page.waitForTimeout(1_500);
    expect(await serverGtins(request, localServer, session)).toEqual([]);
    await camera.show({ ...outside, y: 0.5 });
    await expect.poll(() => serverGtins(request, localServer, session)).toEqual([EAN_GTIN]);
  });

  test('bad numbers are refused with a message and never stored', async ({ page }) => {
    const cooldown = page.getByLabel('Same product counts once within (seconds)');
    await cooldown.fill('-3');
    await expect(page.getByRole('alert')).toHaveText('Between 0 and 60.');
    await cooldown.fill('5');
    await expect(page.getByRole('alert')).toBeHidden();
    await page.reload();
    await expect(cooldown).toHaveValue('5');
  });

  test('the connection is checked offline as typed, and against the server on request', async ({
    page,
    localServer,
  }) => {
    const key = page.getByLabel('API key');
    await expect(page.getByText('The key is well formed.')).toBeVisible();
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByRole('status')).toContainText('took the key');

    // A typo: the checksum catches it before any request, and nothing can be saved.
    await key.fill(`${localServer.key.slice(0, -1)}${localServer.key.endsWith('0') ? '1' : '0'}`);
    await expect(page.getByText(/checksum does not match/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save connection' })).toBeDisabled();

    // Well formed, but not a key this server issued.
    await key.fill(formatApiKey('cpk', 'A'.repeat(32)));
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByRole('status')).toContainText('refused this key');
  });
});
