import { expect, test } from '../fixtures';
import { connectApp, installed, serverGtins, setNetwork, startSession } from '../support/app';
import { SAMPLE_CODES } from '../support/barcodes';

const EAN = { format: 'ean13', value: SAMPLE_CODES.ean13 } as const;
const BACK = { deviceId: 'cam-back', label: 'Back Camera' };
const FRONT = { deviceId: 'cam-front', label: 'Front Camera' };

test.beforeEach(async ({ page, localServer, camera: _camera }) => {
  await connectApp(page, localServer);
});

test('the camera picker switches cameras and the choice is remembered on this device', async ({
  page,
  camera,
}) => {
  await camera.hardware({ devices: [BACK, FRONT], capabilities: {} });
  await startSession(page);
  expect(await camera.opened()).toEqual(['cam-back']);
  await page.getByLabel('Camera', { exact: true }).selectOption({ label: 'Front Camera' });
  await expect.poll(() => camera.opened()).toEqual(['cam-back', 'cam-front']);
  await expect.poll(() => camera.liveTracks()).toBe(1);
  await page.reload();
  await expect.poll(() => camera.opened()).toEqual(['cam-front']);
  await expect(page.getByLabel('Camera', { exact: true })).toHaveValue('cam-front');
});

test('a remembered camera that is gone falls back to the rear camera and still scans', async ({
  page,
  camera,
  request,
  localServer,
}) => {
  await camera.hardware({ devices: [BACK, FRONT], capabilities: {} });
  await startSession(page);
  await page.getByLabel('Camera', { exact: true }).selectOption('cam-front');
  await expect.poll(() => camera.opened()).toContain('cam-front');
  await camera.hardware({ devices: [BACK], capabilities: {} });
  await page.reload();
  await expect.poll(() => camera.opened()).toEqual(['cam-back']);
  await camera.show(EAN);
  await expect
    .poll(() => serverGtins(request, localServer, page.url()))
    .toEqual(['04006381333931']);
});

test('an ultra-wide lens opened by default is swapped for the main rear camera', async ({
  page,
  camera,
}) => {
  await camera.hardware({
    devices: [{ deviceId: 'cam-uw', label: 'Back Ultra Wide Camera' }, BACK],
    capabilities: {},
  });
  await startSession(page);
  expect(await camera.opened()).toEqual(['cam-uw', 'cam-back']);
  await expect.poll(() => camera.liveTracks()).toBe(1);
});

test('torch, zoom and tap-to-focus appear only when the camera has them, and apply', async ({
  page,
  camera,
}) => {
  await startSession(page);
  await expect(page.getByRole('button', { name: 'Torch' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Zoom 2x' })).toHaveCount(0);

  await camera.hardware({
    devices: [BACK],
    capabilities: {
      torch: true,
      zoom: { min: 1, max: 5, step: 0.1 },
      focusMode: ['continuous', 'single-shot'],
    },
  });
  await page.reload();
  const torch = page.getByRole('button', { name: 'Torch' });
  await torch.click();
  await expect(torch).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Zoom 2x' }).click();
  await expect(page.getByRole('button', { name: 'Zoom 2x' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.getByLabel('Camera view').click({ position: { x: 20, y: 20 } });
  await expect
    .poll(() => camera.applied())
    .toEqual([
      { advanced: [{ torch: true }] },
      { advanced: [{ zoom: 2 }] },
      {
        advanced: [
          {
            focusMode: 'single-shot',
            pointsOfInterest: [expect.objectContaining({ x: expect.any(Number) })],
          },
        ],
      },
    ]);
});

test('a frozen stream is restarted by itself, and scanning goes on', async ({
  page,
  camera,
  request,
  localServer,
}) => {
  await startSession(page);
  await camera.freeze(true);
  await expect(page.getByTestId('camera-notice')).toHaveText(/froze/, { timeout: 6_000 });
  const opens = (await camera.opened()).length;
  expect(opens).toBeGreaterThan(1);
  await camera.freeze(false);
  await camera.show(EAN);
  await expect
    .poll(() => serverGtins(request, localServer, page.url()))
    .toEqual(['04006381333931']);
  await expect.poll(() => camera.liveTracks()).toBe(1);
});

test('a black stream is restarted, then reported as a covered lens', async ({ page, camera }) => {
  await startSession(page);
  await camera.black(true);
  await expect(page.getByTestId('camera-notice')).toHaveText(/only black/, { timeout: 6_000 });
  await expect(page.getByText('Is the lens covered?')).toBeVisible({ timeout: 15_000 });
  expect((await camera.opened()).length).toBe(3);
  await camera.black(false);
  await expect(page.getByText('Is the lens covered?')).toBeHidden({ timeout: 5_000 });
});

test('the screen is kept awake while scanning, and released on leaving', async ({ page }) => {
  // Headless Chromium refuses real wake locks, so count the app's requests and releases.
  await page.addInitScript(() => {
    let held = 0;
    const fake = {
      request: () =>
        Promise.resolve({
          released: false,
          release() {
            held -= 1;
            return Promise.resolve();
          },
        }).finally(() => (held += 1)),
    };
    Object.defineProperty(navigator, 'wakeLock', { value: fake, configurable: true });
    (window as unknown as { __wakeLocks: () => number }).__wakeLocks = () => held;
  });
  const held = () =>
    page.evaluate(() => (window as unknown as { __wakeLocks: () => number }).__wakeLocks());
  await startSession(page);
  await expect.poll(held).toBe(1);
  await page.getByRole('link', { name: 'Leave' }).click();
  await expect.poll(held).toBe(0);
});

test('offline, a scan is queued with its own feedback, and sent once when back online', async ({
  page,
  context,
  camera,
  request,
  localServer,
}) => {
  // Installed, as on an operator's phone: offline, the app's code comes from its cache.
  await installed(page);
  await startSession(page);
  await setNetwork(context, 'offline');
  await camera.show(EAN);
  await expect(page.getByTestId('scan-announcement')).toHaveText(`Queued offline: ${EAN.value}`);
  const row = page.getByRole('list', { name: 'Recent scans' }).getByRole('listitem');
  await expect(row).toContainText('Queued offline');
  expect(await serverGtins(request, localServer, page.url())).toEqual([]);
  const sync = page.getByTestId('sync-state');
  await expect(sync).toContainText('Offline');
  await expect(sync).toContainText('1 to send');
  await setNetwork(context, 'online');
  await expect
    .poll(() => serverGtins(request, localServer, page.url()))
    .toEqual(['04006381333931']);
  await expect(sync).toContainText('Online');
  await expect(sync).toContainText('All sent');
  await expect(row).not.toContainText('Queued offline');
  await page.waitForTimeout(1_000);
  expect(await serverGtins(request, localServer, page.url())).toHaveLength(1);
});

test('the resolution setting is what the camera is asked for', async ({ page, camera }) => {
  await startSession(page);
  expect((await camera.requested()).at(-1)).toMatchObject({
    width: { ideal: 1280 },
    height: { ideal: 720 },
  });
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel(/Full HD/).check();
  await startSession(page);
  expect((await camera.requested()).at(-1)).toMatchObject({
    width: { ideal: 1920 },
    height: { ideal: 1080 },
  });
});

test('the camera stops while the page is hidden and starts again when it returns', async ({
  page,
  camera,
}) => {
  await startSession(page);
  await expect.poll(() => camera.liveTracks()).toBe(1);
  // What the browser does when the operator switches apps or locks the phone.
  const setVisibility = (state: 'hidden' | 'visible') =>
    page.evaluate((s) => {
      Object.defineProperty(document, 'visibilityState', { value: s, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    }, state);
  await setVisibility('hidden');
  await expect.poll(() => camera.liveTracks()).toBe(0);
  await setVisibility('visible');
  await expect.poll(() => camera.liveTracks()).toBe(1);
  expect(await camera.opened()).toHaveLength(2);
});
