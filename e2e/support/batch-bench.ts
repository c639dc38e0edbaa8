import type { Page } from '@playwright/test';
import type { LocalServer } from '../../server/src/test/server-process';
import { openBatchScanner, SHELF_CODES, shelfScene } from './shelf';

export interface BatchFigures {
  codes: number;
  /** From the shelf drawn into the camera to the tally counting every code captured. */
  allCapturedMs: number;
  /** Frames the decoder worker answered per second while every code stayed in view. */
  decodesPerSecond: number;
}

/**
 * Batch mode on a page with a 1280x720 camera: the twelve-code shelf comes into view, and the
 * bench times it to all captured, then counts the worker's answers for `seconds` with the shelf
 * still in view. The count comes from outside the app: every Worker the page makes is wrapped,
 * and its 'result' messages counted.
 */
export async function measureBatch(
  page: Page,
  server: Pick<LocalServer, 'key'>,
  seconds: number,
): Promise<BatchFigures> {
  await page.addInitScript(() => {
    const w = window as unknown as { __decodes: number; Worker: typeof Worker };
    w.__decodes = 0;
    const Native = w.Worker;
    w.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (event: MessageEvent<{ type?: string }>) => {
          if (event.data.type === 'result') w.__decodes += 1;
        });
      }
    };
  });
  const { camera } = await openBatchScanner(page, server);
  await camera.showPicture(await shelfScene());
  const shownAt = await camera.shownAt();
  const all = `· ${SHELF_CODES.length} captured`;
  const capturedAt = await page.waitForFunction(
    (text) =>
      document.querySelector('[data-testid="batch-tally"]')?.textContent?.includes(text)
        ? performance.now()
        : false,
    all,
    { polling: 'raf', timeout: 30_000 },
  );
  const allCapturedMs = Math.round(((await capturedAt.jsonValue()) as number) - shownAt);
  const decodes = () => page.evaluate(() => (window as unknown as { __decodes: number }).__decodes);
  const before = await decodes();
  const started = Date.now();
  await page.waitForTimeout(seconds * 1000);
  const perSecond = ((await decodes()) - before) / ((Date.now() - started) / 1000);
  return {
    codes: SHELF_CODES.length,
    allCapturedMs,
    decodesPerSecond: Math.round(perSecond * 10) / 10,
  };
}
