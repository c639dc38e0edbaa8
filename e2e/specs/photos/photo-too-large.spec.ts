import { connectApp, expect, serverSession, startSession, test } from '../../index';
import { SAMPLE_CODES } from '../../support/barcodes';
import { jobsIn, shutter } from '../../support/photos';

// A server that refuses large uploads: the barcode scene compresses to about 14 kB as JPEG, and this
// server takes 8 kB at most.
test.use({ serverEnv: { SCANNER_UPLOAD_MAX_BYTES: '8000' } });

test('a 413 is shown, the photo is kept, and a smaller copy is saved', async ({
  page,
  camera,
  request,
  localServer,
}) => {
  await connectApp(page, localServer);
  await startSession(page, 'product_photography');
  await camera.show({ format: 'ean13', value: SAMPLE_CODES.ean13 });
  await shutter(page).click();

  await expect(jobsIn(page, 'failed')).toHaveCount(1);
  await expect(page.getByRole('alert')).toHaveText(
    'The server refused the photo as too large (Files may be at most 7.8 kB.).',
  );
  expect((await serverSession(request, localServer, page.url())).product_photos).toEqual([]);

  // Kept: it can be saved to the device...
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save to device' }).click();
  expect((await download).suggestedFilename()).toMatch(/^front-\w{8}\.jpg$/);
  // ...or sent again, smaller.
  await page.getByRole('button', { name: 'Make smaller and retry' }).click();
  await expect(jobsIn(page, 'saved')).toHaveCount(1);
  const [photo] = (await serverSession(request, localServer, page.url())).product_photos;
  expect(photo?.file_size).toBeLessThanOrEqual(8000);
  expect(photo?.metadata['size']).toBe('320x240');
});
