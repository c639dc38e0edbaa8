import type { APIRequestContext, Page } from '@playwright/test';
import type { LocalServer } from '../../server/src/test/server-process';
import type { InjectedCamera } from '../fixtures/injected-camera';
import { connectApp, expect, serverGtins, startSession, test } from '../index';

/** Connects, starts a session and scans one EAN-13, through to the server. */
async function scanOne(
  page: Page,
  camera: InjectedCamera,
  request: APIRequestContext,
  localServer: LocalServer,
) {
  await connectApp(page, localServer);
  const session = await startSession(page);
  await camera.show({ format: 'ean13', value: '4006381333931' });
  await expect(page.getByTestId('scan-announcement')).toHaveText('Scanned: 4006381333931');
  await expect.poll(() => serverGtins(request, localServer, session)).toEqual(['04006381333931']);
}

/**
 * Where the scanner's frames come from. In Chromium, straight from the camera track
 * (MediaStreamTrackProcessor); in Safari and Firefox, which lack it, from the video element at
 * each new frame. Both must scan.
 */
test.describe('the frames the scanner reads', () => {
  test('come from the camera track where the browser offers a track processor', async ({
    page,
    camera,
    request,
    localServer,
  }) => {
    await page.addInitScript(() => {
      const w = window as unknown as {
        __processors: number;
        MediaStreamTrackProcessor: new (init: { track: MediaStreamTrack }) => object;
      };
      w.__processors = 0;
      const Native = w.MediaStreamTrackProcessor;
      w.MediaStreamTrackProcessor = class extends Native {
        constructor(init: { track: MediaStreamTrack }) {
          super(init);
          w.__processors += 1;
        }
      };
    });
    await scanOne(page, camera, request, localServer);
    const processors = await page.evaluate(
      () => (window as unknown as { __processors: number }).__processors,
    );
    expect(processors).toBeGreaterThan(0);
  });

  test('come from the video element where it does not (Safari, Firefox), and still scan', async ({
    page,
    camera,
    request,
    localServer,
  }) => {
    await page.addInitScript(() => {
      delete (window as { MediaStreamTrackProcessor?: unknown }).MediaStreamTrackProcessor;
    });
    await scanOne(page, camera, request, localServer);
  });
});
