import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

const BASELINE = path.resolve(import.meta.dirname, '..', '..', 'dist-baseline');

/**
 * Opens the @zxing/browser baseline page (bench/baseline, built by `npm run build:baseline`) on
 * the app's origin, a secure context with the same injected camera. It is a test asset served
 * from disk through page.route, so the test context must block service workers: page.route
 * cannot see requests a service worker answers, and the app's worker would answer with the
 * app shell (recipe pitfall).
 */
export async function openBaseline(page: Page): Promise<void> {
  expect(existsSync(path.join(BASELINE, 'index.html')), 'run npm run build:baseline first').toBe(
    true,
  );
  await page.route('**/baseline/**', (route) => {
    const file = path.join(
      BASELINE,
      new URL(route.request().url()).pathname.replace(/^\/baseline\//, '') || 'index.html',
    );
    return route.fulfill({
      body: readFileSync(file),
      contentType: file.endsWith('.js') ? 'text/javascript' : 'text/html',
    });
  });
  await page.goto('/baseline/index.html');
  await expect(page.locator('#status')).toHaveText('scanning');
}
