import sharp from 'sharp';
import { connectApp, expect, startSession, test } from '../../index';
import { injectCamera } from '../../fixtures/injected-camera';
import { jobsIn, shutter } from '../../support/photos';

test('a large photo shows its upload progress', async ({ page, localServer }) => {
  // A full-HD camera looking at fine random detail: about 2 MB even as WebP.
  const camera = await injectCamera(page, { width: 1920, height: 1080 });
  const noise = await sharp(
    Buffer.from(Array.from({ length: 1920 * 1080 * 3 }, () => Math.random() * 256)),
    {
      raw: { width: 1920, height: 1080, channels: 3 },
    },
  )
    .png()
    .toBuffer();
  await connectApp(page, localServer);
  await startSession(page, 'product_photography');
  await camera.showPicture(noise);
  // A slow uplink (4 Mbit/s), emulated by Chromium: a shop's Wi-Fi on a bad day.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 20,
    downloadThroughput: -1,
    uploadThroughput: 512 * 1024,
  });
  await shutter(page).click();

  const bar = page.getByRole('progressbar', { name: 'Uploading Front photo' });
  await expect(bar).toBeVisible();
  // Seen part-way: neither empty nor full.
  await expect(bar).toHaveAttribute('aria-valuetext', /^([1-9]|[1-9]\d)%$/);
  await expect(jobsIn(page, 'saved')).toHaveCount(1, { timeout: 60_000 });
});
