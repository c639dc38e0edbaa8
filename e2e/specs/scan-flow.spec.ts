import { expect, test } from '../fixtures';
import { connectApp, serverSession, startSession } from '../support/app';
import { SAMPLE_CODES } from '../support/barcodes';

test.describe('scanning with the injected camera', () => {
  // Asking for `camera` here installs it before the first navigation, as init scripts need.
  test.beforeEach(async ({ page, localServer, camera: _camera }) => {
    await connectApp(page, localServer);
  });

  test('start a session from the UI; an EAN-13 in view becomes a capture with its GTIN-14', async ({
    page,
    camera,
    request,
    localServer,
  }) => {
    await camera.clear();
    await page.getByRole('link', { name: /Barcode/ }).click();
    await expect(page).toHaveURL(/\/sessions\/\w{22}\/scan$/);
    await expect(page.getByText('Starting the camera…')).toBeHidden();
    await camera.show({ format: 'ean13', value: SAMPLE_CODES.ean13 });
    await expect(page.getByTestId('scan-announcement')).toHaveText(
      `Scanned: ${SAMPLE_CODES.ean13}`,
      { timeout: 5_000 },
    );
    await expect
      .poll(
        async () =>
          (await serverSession(request, localServer, page.url())).captures.map((c) => c.gtin),
        { timeout: 5_000 },
      )
      .toEqual(['04006381333931']);
    const [capture] = (await serverSession(request, localServer, page.url())).captures;
    expect(capture).toMatchObject({
      capture_type: 'BARCODE',
      raw_value: SAMPLE_CODES.ean13,
      metadata: { format: 'ean13', engine: 'zxing-wasm' },
    });
    expect(capture?.metadata['client_capture_id']).toMatch(/^[0-9a-f-]{36}$/);
    await expect(page.getByTestId('server-count')).toHaveText('1');
  });

  test('two products in order, and a duplicate is suppressed with its own feedback', async ({
    page,
    camera,
    request,
    localServer,
  }) => {
    await page.goto('/scan/new?mode=barcode_scan');
    await expect(page).toHaveURL(/\/scan$/);
    await camera.show({ format: 'ean13', value: SAMPLE_CODES.ean13 });
    await expect(page.getByTestId('scan-announcement')).toHaveText(
      `Scanned: ${SAMPLE_CODES.ean13}`,
    );
    // Out of view briefly and back within the cooldown: a duplicate, with its own feedback.
    await camera.clear();
    await page.waitForTimeout(700);
    await camera.show({ format: 'ean13', value: SAMPLE_CODES.ean13 });
    await expect(page.getByTestId('scan-announcement')).toHaveText(
      `Already scanned: ${SAMPLE_CODES.ean13}`,
    );
    await camera.show({ format: 'upce', value: SAMPLE_CODES.upce });
    await expect(page.getByTestId('scan-announcement')).toHaveText(
      /Scanned: 0012345000065|Scanned: 01234565/,
    );
    await expect
      .poll(async () =>
        (await serverSession(request, localServer, page.url())).captures.map((c) => c.gtin),
      )
      .toEqual(['04006381333931', '00012345000065']);
    await expect(page.getByTestId('local-count')).toHaveText('2');
  });

  test('a GS1 Digital Link QR gives gtin and gs1_dl_data', async ({
    page,
    camera,
    request,
    localServer,
  }) => {
    await page.goto('/scan/new?mode=barcode_scan');
    await expect(page).toHaveURL(/\/scan$/);
    await camera.show({ format: 'qr', value: SAMPLE_CODES.gs1DigitalLink });
    await expect
      .poll(async () => (await serverSession(request, localServer, page.url())).captures.length)
      .toBe(1);
    const [capture] = (await serverSession(request, localServer, page.url())).captures;
    expect(capture).toMatchObject({
      gtin: '09506000134352',
      gs1_dl_data: { '01': '09506000134352', '10': 'LOT42' },
    });
  });

  test('the camera track stops when leaving the scanner', async ({ page, camera }) => {
    await page.goto('/scan/new?mode=barcode_scan');
    await expect.poll(() => camera.liveTracks()).toBe(1);
    await page.getByRole('link', { name: 'Leave' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect.poll(() => camera.liveTracks()).toBe(0);
  });

  test('permission denied shows the reason and keeps manual entry, which still records a capture', async ({
    page,
    camera,
    request,
    localServer,
  }) => {
    await camera.fail('NotAllowedError');
    await page.goto('/scan/new?mode=barcode_scan');
    await expect(page.getByRole('alert')).toContainText('Camera access is blocked');
    await page.getByLabel('Type a code').fill('4006381333932');
    await page.getByRole('button', { name: 'Add' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'check digit' })).toBeVisible();
    await page.getByLabel('Type a code').fill('96385074');
    await page.getByRole('button', { name: 'Add' }).click();
    await expect
      .poll(async () =>
        (await serverSession(request, localServer, page.url())).captures.map((c) => [
          c.capture_type,
          c.gtin,
        ]),
      )
      .toEqual([['MANUAL', '00000096385074']]);
  });

  test('starting a session sends the user agent and a rich device context', async ({ page }) => {
    const sent = page.waitForRequest(
      (r) => r.url().endsWith('/scanner/api/v1/sessions') && r.method() === 'POST',
    );
    await page.goto('/scan/new?mode=barcode_scan');
    const body = (await sent).postDataJSON();
    expect(body.capture_mode).toBe('barcode_scan');
    expect(body.user_agent).toMatch(/Chrome/);
    expect(body.device_context).toMatchObject({
      browser: { name: expect.stringMatching(/Chrom/) },
      os: { name: 'Linux' },
      screen: { width: expect.any(Number), pixel_ratio: expect.any(Number) },
      standalone: false,
      app_version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      language: expect.any(String),
      time_zone: expect.any(String),
      online: true,
      decode_engine_preference: 'auto',
    });
  });
});

test.describe('keyboard-wedge scanners', () => {
  test.beforeEach(async ({ page, localServer, camera: _camera }) => {
    await connectApp(page, localServer);
    // Playwright's keys wait on the page, so type once start-up work has settled: the lazily
    // loaded scanner rendered and its camera running (a key that waits on a chunk being parsed
    // arrives late, and late keys are human typing to the wedge detector).
    await startSession(page);
  });

  test('a code typed at scanner speed with no field focused becomes a BARCODE capture', async ({
    page,
    request,
    localServer,
  }) => {
    // A wedge scanner's keys arrive as one burst. They are dispatched in the page in one go:
    // Playwright's key-by-key dispatch waits on a round trip per key, which on a loaded machine
    // is slower than people type (gaps of 100 ms and more were seen in CI).
    await page.evaluate((code) => {
      for (const key of [...code, 'Enter'])
        window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    }, '4006381333931');
    await expect
      .poll(async () =>
        (await serverSession(request, localServer, page.url())).captures.map((c) => [
          c.capture_type,
          c.gtin,
          c.metadata['engine'],
        ]),
      )
      .toEqual([['BARCODE', '04006381333931', 'wedge']]);
  });

  test('typing at human speed, or into the text field, is not a wedge scan', async ({
    page,
    request,
    localServer,
  }) => {
    await page.keyboard.type('96385074', { delay: 150 });
    await page.keyboard.press('Enter');
    await page.getByLabel('Type a code').pressSequentially('4006381333931', { delay: 5 });
    await page.getByLabel('Type a code').press('Enter');
    await expect
      .poll(async () =>
        (await serverSession(request, localServer, page.url())).captures.map((c) => [
          c.capture_type,
          c.gtin,
        ]),
      )
      .toEqual([['MANUAL', '04006381333931']]);
  });
});

test('ZXing-JS chosen in settings (the fallback where WebAssembly is forbidden) still scans', async ({
  page,
  camera,
  localServer,
  request,
}) => {
  await connectApp(page, localServer);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Decoder').selectOption('zxing-js');
  await startSession(page);
  await camera.show({ format: 'ean13', value: SAMPLE_CODES.ean13 });
  await expect
    .poll(
      async () =>
        (await serverSession(request, localServer, page.url())).captures.map((c) => [
          c.gtin,
          c.metadata['engine'],
        ]),
      // ZXing-JS is the slow fallback (hundreds of ms a frame, plus loading its chunk).
      { timeout: 20_000 },
    )
    .toEqual([['04006381333931', 'zxing-js']]);
});
