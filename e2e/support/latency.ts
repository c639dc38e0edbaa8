import type { Page } from '@playwright/test';
import type { InjectedCamera } from '../fixtures';

/** Valid EAN-13s, all different, so that no appearance is a duplicate of the one before. */
export const LATENCY_CODES = [
  '4006381333931',
  '9506000134352',
  '5012345678900',
  '0036000291452',
  '4000000000006',
  '0614141123452',
  '5901234123457',
];

const marks = (page: Page, name: string) =>
  page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.startTime), name);

export interface Appearance {
  code: string;
  /** From the code's first frame to the scan being accepted (feedback shown). */
  acceptedMs: number;
  /** From the code's first frame to the server's 201 (null where the page does not save). */
  savedMs: number | null;
}

/**
 * Shows each code in turn after a blank pause, and times from the moment it was drawn into the
 * camera to the page's `scanner:accepted` and `scanner:capture-saved` marks.
 */
export async function measureAppearances(
  page: Page,
  camera: InjectedCamera,
  options: { saves: boolean },
): Promise<Appearance[]> {
  const out: Appearance[] = [];
  for (const code of LATENCY_CODES) {
    await camera.clear();
    await page.waitForTimeout(600);
    const acceptedBefore = (await marks(page, 'scanner:accepted')).length;
    const savedBefore = (await marks(page, 'scanner:capture-saved')).length;
    await camera.show({ format: 'ean13', value: code });
    const shownAt = await camera.shownAt();
    await page.waitForFunction(
      (n) => performance.getEntriesByName('scanner:accepted').length > n,
      acceptedBefore,
      { timeout: 10_000 },
    );
    const accepted = (await marks(page, 'scanner:accepted'))[acceptedBefore] ?? Number.NaN;
    let savedMs: number | null = null;
    if (options.saves) {
      await page.waitForFunction(
        (n) => performance.getEntriesByName('scanner:capture-saved').length > n,
        savedBefore,
        { timeout: 10_000 },
      );
      savedMs = ((await marks(page, 'scanner:capture-saved'))[savedBefore] ?? Number.NaN) - shownAt;
    }
    out.push({ code, acceptedMs: accepted - shownAt, savedMs });
  }
  return out;
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
