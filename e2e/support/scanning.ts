import { expect, type Page } from '@playwright/test';
import type { InjectedCamera } from '../fixtures';

/** `n` distinct valid EAN-13s (a 12-digit body from `prefix` and a counter, plus its check digit). */
export function eans(n: number, prefix = '20'): string[] {
  return Array.from({ length: n }, (_, i) => {
    const body = `${prefix}${String(i).padStart(12 - prefix.length, '0')}`;
    const sum = [...body].reduce((s, d, k) => s + Number(d) * (k % 2 ? 3 : 1), 0);
    return `${body}${(10 - (sum % 10)) % 10}`;
  });
}

/** The GTIN-14 the server stores for an EAN-13. */
export const gtin14 = (ean: string) => `0${ean}`;

/**
 * Shows each code to the camera in turn and waits until the scanner has kept it (this device's
 * count goes up), so that the scans are made, and numbered, in exactly this order.
 */
export async function scanInOrder(page: Page, camera: InjectedCamera, codes: string[]) {
  const count = page.getByTestId('local-count');
  const before = Number(await count.textContent());
  for (const [i, value] of codes.entries()) {
    await camera.show({ format: 'ean13', value });
    await expect(count).toHaveText(String(before + i + 1));
  }
  await camera.clear();
}

/** How many of `actual` are not where `expected` has them (0: the same order). */
export function outOfPlace(actual: string[], expected: string[]): number {
  return expected.filter((value, i) => actual[i] !== value).length;
}
