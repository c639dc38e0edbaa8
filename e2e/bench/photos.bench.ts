import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { connectApp, startSession } from '../support/app';
import { takePhoto } from '../support/photos';
import { productVideo } from '../support/scenes';

const QUICK = process.env['BENCH_QUICK'] === '1';
const OUT = process.env['BENCH_OUT'] ?? 'test-results/bench-photos.json';
const VIDEOS = path.resolve(import.meta.dirname, '..', '.artifacts', 'videos');
const SIZES = QUICK
  ? [{ width: 1280, height: 720 }]
  : [
      { width: 1920, height: 1080 },
      { width: 4032, height: 3024 },
    ];
/** A store's uplink on a fair day: 4 Mbit/s. null is loopback, unthrottled. */
const UPLINKS: (number | null)[] = QUICK ? [null] : [null, 4_000_000];
const PHOTOS = QUICK ? 2 : 5;

interface Sample {
  ms: number;
  bytes: number;
  sourceBytes: number | null;
}

/** The app's own marks: shutter to registered, bytes sent, bytes the camera gave. */
const appSamples = (page: Page) =>
  page.evaluate(() =>
    performance.getEntriesByName('photos:saved').map((e) => {
      const d = (e as PerformanceMark).detail as {
        savedAfterMs: number;
        bytes: number;
        sourceBytes: number | null;
      };
      return { ms: d.savedAfterMs, bytes: d.bytes, sourceBytes: d.sourceBytes };
    }),
  );

/**
 * The baseline: what a client does without processing. The camera's photo (the same
 * ImageCapture.takePhoto, as the JPEG a phone would give) is presigned, uploaded as it is and
 * registered, from the press of the shutter to the 201.
 */
const baselineSample = (page: Page, key: string, session: string) =>
  page.evaluate(
    async ({ key, session }) => {
      const stream = await navigator.mediaDevices.getUserMedia({ video: true });
      const [track] = stream.getVideoTracks();
      if (!track) throw new Error('no camera track');
      const start = performance.now();
      let blob = await new ImageCapture(track).takePhoto();
      // Chromium's fake device answers takePhoto with a PNG; a phone's camera gives a JPEG at
      // about q0.92. Convert, and leave the conversion out of the time, as a phone does it in
      // its camera pipeline.
      let converting = 0;
      if (blob.type !== 'image/jpeg') {
        const from = performance.now();
        const bitmap = await createImageBitmap(blob);
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
        blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
        converting = performance.now() - from;
      }
      const api = `/scanner/api/v1/sessions/${session}`;
      const headers = { 'X-API-Key': key };
      const presign = (await (
        await fetch(`${api}/presigned-upload-url?photo_type=front&original_filename=photo.jpg`, {
          headers,
        })
      ).json()) as { upload_url: string; upload_fields: Record<string, string>; s3_key: string };
      const form = new FormData();
      for (const [k, v] of Object.entries(presign.upload_fields)) form.append(k, v);
      form.append('file', blob, 'photo.jpg');
      const stored = await fetch(presign.upload_url, { method: 'POST', body: form });
      const registered = await fetch(`${api}/photos`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ s3_key: presign.s3_key, photo_type: 'front', file_size: blob.size }),
      });
      const ms = performance.now() - start - converting;
      track.stop();
      if (stored.status !== 204 || registered.status !== 201)
        throw new Error(`baseline upload failed: ${stored.status} / ${registered.status}`);
      return { ms, bytes: blob.size, sourceBytes: blob.size };
    },
    { key, session },
  );

test('shutter to registered photo, and bytes sent, against uploading the camera still as is', async ({
  launchWithCamera,
  localServer,
}) => {
  test.setTimeout(15 * 60_000);
  const rows = [];
  for (const size of SIZES) {
    const page = await launchWithCamera({ videoFile: await productVideo(size, VIDEOS) });
    await connectApp(page, localServer);
    const session = await startSession(page, 'product_photography');
    for (const uplink of UPLINKS) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: uplink ? 30 : 0,
        downloadThroughput: -1,
        uploadThroughput: uplink ? uplink / 8 : -1,
      });
      const before = (await appSamples(page)).length;
      for (let i = 0; i < PHOTOS; i++) {
        // Skip past any quality question: the scene is sharp, so none is expected.
        await takePhoto(page);
      }
      const app = (await appSamples(page)).slice(before);
      expect(app).toHaveLength(PHOTOS);
      const baseline: Sample[] = [];
      for (let i = 0; i < PHOTOS; i++)
        baseline.push(await baselineSample(page, localServer.key, session));
      rows.push({ size: `${size.width}x${size.height}`, uplink, app, baseline });
      await cdp.detach();
    }
  }
  writeFileSync(OUT, `${JSON.stringify({ photos: PHOTOS, rows }, null, 2)}\n`);
});
