import type { Page } from '@playwright/test';
import sharp from 'sharp';
import type { LocalServer } from '../../server/src/test/server-process';
import { injectCamera } from '../fixtures/injected-camera';
import { connectApp, startSession } from './app';
import { type BarcodeSpec, renderBarcode } from './barcodes';

/**
 * Twelve distinct codes of five symbologies, as on a shelf edge or a carton's labels; 1D codes
 * at 2 px a module, so that each keeps its quiet zone from its neighbours.
 */
export const SHELF_CODES: readonly BarcodeSpec[] = [
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

/** The camera frame the shelf is shown in. */
export const SHELF_FRAME = { width: 1280, height: 720 };

/** The twelve codes in a 4x3 grid on a white 1280x720 scene, each centred in its cell. */
export async function shelfScene(): Promise<Buffer> {
  const cell = { width: SHELF_FRAME.width / 4, height: SHELF_FRAME.height / 3 };
  const tiles = await Promise.all(
    SHELF_CODES.map(async (spec, i) => {
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
  return sharp({ create: { ...SHELF_FRAME, channels: 3, background: '#fff' } })
    .composite(tiles)
    .png()
    .toBuffer();
}

/**
 * A connected app in batch mode, on a new session's scanner, with a camera the shelf fits in
 * (installed before the first navigation); the shelf is not in view yet.
 */
export async function openBatchScanner(page: Page, server: Pick<LocalServer, 'key'>) {
  const camera = await injectCamera(page, SHELF_FRAME);
  await connectApp(page, server);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Every code in view at once (shelves, cartons)').check();
  const session = await startSession(page);
  return { camera, session };
}
