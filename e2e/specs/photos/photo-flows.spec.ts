import { connectApp, expect, serverSession, startSession, test } from '../../index';
import { SAMPLE_CODES } from '../../support/barcodes';
import { jobsIn, shutter, storedBytes, takePhoto } from '../../support/photos';

test.describe('photography mode', () => {
  test.beforeEach(async ({ page, camera, localServer }) => {
    await connectApp(page, localServer);
    await startSession(page, 'product_photography');
    await camera.show({ format: 'ean13', value: SAMPLE_CODES.ean13 });
  });

  test('three photos of different types land with their types, sizes and order', async ({
    page,
    request,
    localServer,
  }) => {
    // The guide starts at the front and moves on with each photo kept.
    await expect(page.getByText('Step 1 of 5:')).toBeVisible();
    await expect(shutter(page)).toHaveAccessibleName('Take photo: Front');
    await takePhoto(page);
    await expect(shutter(page)).toHaveAccessibleName('Take photo: Back');
    await takePhoto(page);
    // A type chosen by hand before the shot leaves the guide.
    await page.getByRole('radio', { name: 'Ingredients' }).check();
    await expect(shutter(page)).toHaveAccessibleName('Take photo: Ingredients');
    await takePhoto(page);

    await expect(page.getByTestId('server-photo-count')).toHaveText('3');
    const photos = (await serverSession(request, localServer, page.url())).product_photos.sort(
      (a, b) => a.sort_order - b.sort_order,
    );
    expect(photos.map((p) => p.photo_type)).toEqual(['front', 'back', 'ingredients']);
    expect(photos.map((p) => p.sort_order)).toEqual([0, 1, 2]);
    for (const photo of photos) {
      expect(photo.file_size).toBe(storedBytes(localServer, photo.s3_key));
      expect(photo.original_filename).toMatch(new RegExp(`^${photo.photo_type}-.*\\.jpg$`));
      // The canvas camera has no photo mode: the still is a frame of the video, at 640x480.
      expect(photo.metadata).toMatchObject({ still: 'frame', size: '640x480' });
    }
  });

  test('a blurred frame is flagged, and the operator keeps it or takes it again', async ({
    page,
    camera,
    request,
    localServer,
  }) => {
    await camera.show({ format: 'ean13', value: SAMPLE_CODES.ean13, blur: 8 });
    await shutter(page).click();
    await expect(jobsIn(page, 'review')).toHaveCount(1);
    await expect(page.getByRole('alert')).toHaveText('This photo looks blurry.');
    // Nothing is uploaded until the operator decides.
    expect((await serverSession(request, localServer, page.url())).product_photos).toEqual([]);

    await page.getByRole('button', { name: 'Retake Front photo' }).click();
    await expect(jobsIn(page, 'review')).toHaveCount(0);
    await expect(shutter(page)).toHaveAccessibleName('Take photo: Front');

    await shutter(page).click();
    await page.getByRole('button', { name: 'Keep Front photo' }).click();
    await expect(jobsIn(page, 'saved')).toHaveCount(1);
    const [photo] = (await serverSession(request, localServer, page.url())).product_photos;
    expect(photo?.metadata['kept_despite']).toBe('blurry');
    expect(Number(photo?.metadata['sharpness'])).toBeLessThan(150);

    await camera.show({ format: 'ean13', value: SAMPLE_CODES.ean13 });
    await shutter(page).click();
    await expect(jobsIn(page, 'saved')).toHaveCount(2);
  });

  test('a product without a readable barcode becomes an IMAGE capture in the list', async ({
    page,
    request,
    localServer,
  }) => {
    await page.getByRole('button', { name: 'No barcode? Save as image capture' }).click();
    await expect(jobsIn(page, 'saved')).toHaveCount(1);
    const detail = await serverSession(request, localServer, page.url());
    expect(detail.captures).toHaveLength(1);
    expect(detail.captures[0]).toMatchObject({ capture_type: 'IMAGE' });
    expect(detail.captures[0]?.uploaded_image_key).toMatch(/\.jpg$/);
    expect(detail.product_photos).toEqual([]);

    await page.getByRole('link', { name: 'Gallery and session actions' }).click();
    await expect(page.getByRole('list', { name: 'Captures' })).toContainText('Image capture');
  });
});

test('in "both" mode a photo is linked to the product scanned last', async ({
  page,
  camera,
  request,
  localServer,
}) => {
  await connectApp(page, localServer);
  await startSession(page, 'both');
  await camera.show({ format: 'ean13', value: SAMPLE_CODES.ean13 });
  await expect(page.getByTestId('scan-announcement')).toHaveText(`Scanned: ${SAMPLE_CODES.ean13}`);
  await expect(page.getByTestId('server-count')).toHaveText('1');
  await page.getByRole('link', { name: 'Take photos' }).click();

  await expect(page.getByLabel('Photos are of')).toContainText('Last scanned:');
  await takePhoto(page);
  const detail = await serverSession(request, localServer, page.url());
  const [capture] = detail.captures;
  expect(detail.product_photos.map((p) => p.capture_short_id)).toEqual([capture?.id]);

  // "No particular product" is a choice too.
  await page.getByLabel('Photos are of').selectOption('none');
  await takePhoto(page);
  const photos = (await serverSession(request, localServer, page.url())).product_photos;
  expect(photos.map((p) => p.capture_short_id).sort()).toEqual([capture?.id, null].sort());

  // The gallery groups the photos per product.
  await page.getByRole('link', { name: 'Gallery and session actions' }).click();
  await expect(page.getByRole('list', { name: /^Photos: / })).toHaveCount(2);
  await expect(page.getByRole('list', { name: 'Photos: No particular product' })).toBeVisible();
});

test('the camera device photo mode (ImageCapture.takePhoto) makes the still', async ({
  launchWithCamera,
  request,
  localServer,
}) => {
  const page = await launchWithCamera({ barcode: { format: 'ean13', value: SAMPLE_CODES.ean13 } });
  await connectApp(page, localServer);
  await startSession(page, 'product_photography');
  await takePhoto(page);
  const [photo] = (await serverSession(request, localServer, page.url())).product_photos;
  expect(photo?.metadata['still']).toBe('photo');
});

test('Home starts a photo session and a "both" session, which switches between scan and photos', async ({
  page,
  camera,
  localServer,
}) => {
  await connectApp(page, localServer);
  await page.getByRole('link', { name: /^Photos/ }).click();
  await expect(page).toHaveURL(/\/sessions\/\w{22}\/photos$/);
  await expect(shutter(page)).toBeEnabled();

  await page.goto('/');
  await page.getByRole('link', { name: /^Both/ }).click();
  await expect(page).toHaveURL(/\/sessions\/\w{22}\/scan$/);
  await page.getByRole('link', { name: 'Take photos' }).click();
  await expect(page).toHaveURL(/\/photos$/);
  await page.getByRole('link', { name: 'Scan barcodes' }).click();
  await expect(page).toHaveURL(/\/scan$/);
  await camera.show({ format: 'ean13', value: SAMPLE_CODES.ean13 });
  await expect(page.getByTestId('scan-announcement')).toHaveText(`Scanned: ${SAMPLE_CODES.ean13}`);
});
