import sharp from 'sharp';
import { expect, test } from '../fixtures';
import { injectCamera } from '../fixtures/injected-camera';
import { connectApp, serverSession, startSession } from '../support/app';
import { type BarcodeSpec, renderBarcode } from '../support/barcodes';

/**
 * Twelve distinct codes of five symbologies, as on a shelf edge or a carton's labels; 1D codes
 * at 2 px a module, so that each keeps its quiet zone from its neighbours.
 */
const CODES: BarcodeSpec[] = [
  { format: 'ean13', value: '4006381333931', scale: 2 },
  { format: 'ean13', value: '9780201379624', scale: 2 },
  { format: 'ean13', value: '5901234123457', scale: 2 },
  { format: 'upca', value: '036000291452', scale: 2 },
  { format: 'upca', value: '012345678905', scale: 2 },
  { format: 'upca', value: '042100005264', scale: 2 },
  { format: 'code128', value: 'CARTON-0001', scale: 2 },
  { format: 'code128', value: 'CARTON-0002', scale: 2 },
  { format: 'qr', value: 'PALLET-A-17', scale: 4 },
  { format: 'qr', value: 'PALLET-B-23', scale: 4 },
  { format: 'datamatrix', value: 'LOT-2026-11', scale: 5 },
  { format: 'datamatrix', value: 'LOT-2026-12', scale: 5 },
];
const SCENE = { width: 1280, height: 720 };

/** The twelve codes in a 4x3 grid on a white 1280x720 scene, each centred in its cell. */
async function shelf(): Promise<Buffer> {
  const cell = { width: SCENE.width / 4, height: SCENE.height / 3 };
  const tiles = await Promise.all(
    CODES.map(async (spec, i) => {
      const png = await renderBarcode(spec);
      const meta = await sharp(png).metadata();
      const [w, h] = [meta.width ?? 0, meta.height ?? 0];
      return {
        input: png,
        left: Math.round((i % 4) * cell.width + (cell.width - w) / 2),
        top: Math.round(Math.floor(i / 4) * cell.height + (cell.height - h) / 2),
      };
    }),
  );
  return sharp({ create: { ...SCENE, channels: 3, background: '#fff' } })
    .composite(tiles)
    .png()
    .toBuffer();
}

test('batch mode captures 12 codes in view once each, follows them, and leaves out a tapped one', async ({
  page,
  request,
  localServer,
}) => {
  test.setTimeout(90_000);
  const camera = await injectCamera(page, SCENE);
  await connectApp(page, localServer);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Every code in view at once (shelves, cartons)').check();
  const session = await startSession(page);
  const scene = await shelf();
  const shown = Date.now();
  await camera.showPicture(scene);
  await expect(page.getByTestId('batch-tally')).toHaveText(/· 12 captured/, { timeout: 30_000 });
  console.log(`batch: 12 codes in view to 12 captured in ${Date.now() - shown} ms`);

  const captured = async () => (await serverSession(request, localServer, session)).captures;
  await expect.poll(async () => (await captured()).length, { timeout: 30_000 }).toBe(12);
  await expect(page.getByTestId('batch-tally')).toHaveText('12 in view · 12 captured');
  const codes = page.getByTestId('batch-code');
  await expect(codes).toHaveCount(12);
  for (const state of await codes.evaluateAll((els) => els.map((e) => e.dataset['state'])))
    expect(state).toBe('captured');

  // Ten seconds more in view: nothing captured again.
  await page.waitForTimeout(10_000);
  expect((await captured()).length).toBe(12);

  // The scene moves down by 36 px (every code stays in the frame): every outline follows.
  const box = async () => (await codes.first().boundingBox())?.y ?? 0;
  const before = await box();
  await camera.showPicture(scene, { y: 0.55 });
  await expect.poll(box).toBeGreaterThan(before + 20);
  expect((await captured()).length).toBe(12);

  // Tapping a captured code leaves it out: its capture is taken back, and it stays out.
  const qr = page.getByRole('button', { name: /PALLET-A-17: Scanned\. Leave out/ });
  await qr.click();
  await expect(page.getByRole('button', { name: /PALLET-A-17: Left out/ })).toBeVisible();
  await expect.poll(async () => (await captured()).length, { timeout: 15_000 }).toBe(11);
  await expect(page.getByTestId('batch-tally')).toHaveText('12 in view · 11 captured');
  const values = (await captured()).map((c) => c.raw_value);
  expect(values).not.toContain('PALLET-A-17');
  expect(new Set(values).size).toBe(11);
});
