import { expect, test } from '../fixtures';
import { SAMPLE_CODES, type BarcodeSpec } from '../support/barcodes';
import { decodeImage } from '../support/decode';
import { cameraOutcome, grabCameraFrame } from '../support/frames';

/** Every format the fixtures must show, with what ZXing-C++ reads back (UPC as 13-digit GTIN). */
const CASES: { name: string; spec: BarcodeSpec; expected: string }[] = [
  {
    name: 'EAN-13',
    spec: { format: 'ean13', value: SAMPLE_CODES.ean13 },
    expected: SAMPLE_CODES.ean13,
  },
  {
    name: 'UPC-A',
    spec: { format: 'upca', value: SAMPLE_CODES.upca },
    expected: `0${SAMPLE_CODES.upca}`,
  },
  { name: 'UPC-E', spec: { format: 'upce', value: SAMPLE_CODES.upce }, expected: '0012345000065' },
  {
    name: 'EAN-8',
    spec: { format: 'ean8', value: SAMPLE_CODES.ean8 },
    expected: SAMPLE_CODES.ean8,
  },
  {
    name: 'Code 128',
    spec: { format: 'code128', value: SAMPLE_CODES.code128 },
    expected: SAMPLE_CODES.code128,
  },
  { name: 'QR', spec: { format: 'qr', value: SAMPLE_CODES.qr }, expected: SAMPLE_CODES.qr },
  {
    name: 'DataMatrix',
    spec: { format: 'datamatrix', value: SAMPLE_CODES.datamatrix },
    expected: SAMPLE_CODES.datamatrix,
  },
  {
    name: 'GS1 Digital Link QR',
    spec: { format: 'qr', value: SAMPLE_CODES.gs1DigitalLink },
    expected: SAMPLE_CODES.gs1DigitalLink,
  },
];

const texts = async (png: Buffer) => (await decodeImage(png)).map((d) => d.text);

test.describe('injected camera', () => {
  test('frames carry each barcode the test shows, and nothing after clear()', async ({
    page,
    camera,
  }) => {
    await page.goto('/');
    for (const { spec, expected } of CASES) {
      await camera.show(spec);
      expect(await texts(await grabCameraFrame(page)), spec.format).toEqual([expected]);
    }
    await camera.clear();
    expect(await texts(await grabCameraFrame(page))).toEqual([]);
  });

  test('blur, rotation, size and contrast change what the camera sees', async ({
    page,
    camera,
  }) => {
    await page.goto('/');
    const ean = { format: 'ean13', value: SAMPLE_CODES.ean13 } as const;
    await camera.show({ ...ean, rotation: 180 });
    expect(await texts(await grabCameraFrame(page))).toEqual([SAMPLE_CODES.ean13]);
    await camera.show({ ...ean, blur: 8 });
    expect(await texts(await grabCameraFrame(page))).toEqual([]);
    await camera.show({ ...ean, size: 0.2 });
    expect(await texts(await grabCameraFrame(page))).toEqual([]);
    await camera.show({ ...ean, contrast: 0.02 });
    expect(await texts(await grabCameraFrame(page))).toEqual([]);
  });

  test('can fail like a browser and reports live tracks', async ({ page, camera }) => {
    await page.goto('/');
    await camera.fail('NotAllowedError');
    expect(await cameraOutcome(page)).toBe('NotAllowedError');
    await camera.fail(null);
    expect(await cameraOutcome(page)).toBe('ok');
    expect(await camera.liveTracks()).toBe(0);
  });
});

test.describe('fake capture device (generated y4m video)', () => {
  for (const { name, spec, expected } of CASES) {
    test(`the camera sees ${name}`, async ({ launchWithCamera }) => {
      const page = await launchWithCamera({ barcode: spec });
      await page.goto('/');
      expect(await texts(await grabCameraFrame(page))).toEqual([expected]);
    });
  }

  test('a 1280x720 device works too', async ({ launchWithCamera }) => {
    const page = await launchWithCamera({
      barcode: { format: 'ean13', value: SAMPLE_CODES.ean13 },
      frame: { width: 1280, height: 720 },
    });
    await page.goto('/');
    const png = await grabCameraFrame(page);
    expect(png.readUInt32BE(16)).toBe(1280);
    expect(await texts(png)).toEqual([SAMPLE_CODES.ean13]);
  });

  test('permission denied: no grant and no auto-accept gives NotAllowedError', async ({
    launchWithCamera,
  }) => {
    const page = await launchWithCamera({
      barcode: { format: 'ean13', value: SAMPLE_CODES.ean13 },
      grantCamera: false,
    });
    await page.goto('/');
    expect(await cameraOutcome(page)).toBe('NotAllowedError');
  });

  test('no camera: no fake device gives NotFoundError', async ({ launchWithCamera }) => {
    const page = await launchWithCamera({ device: false });
    await page.goto('/');
    expect(await cameraOutcome(page)).toBe('NotFoundError');
  });
});
