import {
  connectApp,
  expect,
  installed,
  serverSession,
  setNetwork,
  startSession,
  test,
} from '../../index';
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

  test('the guide can be skipped and left, and comes back on request', async ({ page }) => {
    await page.getByRole('button', { name: 'Skip this step' }).click();
    await expect(page.getByText('Step 2 of 5:')).toBeVisible();
    await expect(shutter(page)).toHaveAccessibleName('Take photo: Back');
    await page.getByRole('radio', { name: 'Recycling' }).check();
    await expect(page.getByText(/^Step \d of 5/)).toHaveCount(0);
    await expect(shutter(page)).toHaveAccessibleName('Take photo: Recycling');
    await page.getByRole('button', { name: 'Guide me through the faces' }).click();
    await expect(shutter(page)).toHaveAccessibleName('Take photo: Front');
  });

  test('a double tap on the shutter loses no photo', async ({ page, request, localServer }) => {
    await shutter(page).dblclick();
    await expect(jobsIn(page, 'processing')).toHaveCount(0);
    await expect(jobsIn(page, 'sending')).toHaveCount(0);
    const taken = await page.getByTestId('photo-job').count();
    expect(taken).toBeGreaterThanOrEqual(1);
    // Every photo the taps made is on the server: none was dropped or overwritten.
    await expect(jobsIn(page, 'saved')).toHaveCount(taken);
    await expect(page.getByTestId('server-photo-count')).toHaveText(String(taken));
    const photos = (await serverSession(request, localServer, page.url())).product_photos;
    expect(photos).toHaveLength(taken);
  });

  test('a photo taken offline waits, then uploads once the network is back', async ({
    page,
    camera,
    context,
    request,
    localServer,
  }) => {
    // Installed, as an operator's phone is: the app's code comes from the service worker.
    await installed(page);
    await page.reload();
    await expect(page.getByText('Starting the camera…')).toBeHidden();
    await camera.show({ format: 'ean13', value: SAMPLE_CODES.ean13 });
    await setNetwork(context, 'offline');
    await shutter(page).click();
    await expect(jobsIn(page, 'queued')).toHaveCount(1);
    await expect(page.getByText('Queued, will upload when online')).toBeVisible();
    const sync = page.getByTestId('sync-state');
    await expect(sync).toContainText('Offline');
    await expect(sync).toContainText('1 to send');
    await setNetwork(context, 'online');
    await expect(jobsIn(page, 'saved')).toHaveCount(1);
    await expect(sync).toContainText('All sent');
    const photos = (await serverSession(request, localServer, page.url())).product_photos;
    expect(photos).toHaveLength(1);
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

  // The product's page shows its own photos, and takes more of it.
  await page
    .getByRole('list', { name: /^Captures/ })
    .getByRole('link')
    .first()
    .click();
  await expect(page.getByRole('heading', { name: 'Photos of this product' })).toBeVisible();
  await expect(page.getByTestId('gallery-photo')).toHaveCount(1);
  await page.getByRole('link', { name: 'Photograph this product' }).click();
  await expect(page.getByLabel('Photos are of')).toHaveValue(capture?.id ?? '');
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

test('the photo screen offers the torch and tap-to-focus when the camera has them', async ({
  page,
  camera,
  localServer,
}) => {
  await connectApp(page, localServer);
  await camera.hardware({
    devices: [{ deviceId: 'back', label: 'Back camera' }],
    capabilities: { torch: true, focusMode: ['continuous', 'single-shot'] },
  });
  await startSession(page, 'product_photography');
  await expect(page.getByText('Tap the picture to focus')).toBeVisible();
  await page.getByRole('button', { name: 'Torch' }).click();
  await expect(page.getByRole('button', { name: 'Torch' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByLabel('Camera view').click({ position: { x: 40, y: 200 } });
  await expect
    .poll(() => camera.applied())
    .toEqual([
      { advanced: [{ torch: true }] },
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
