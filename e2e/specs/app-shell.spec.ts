import type { Request } from '@playwright/test';
import { expect, test } from '../fixtures';
import { connectApp, createSession, setNetwork } from '../support/app';

test('the server serves the app shell and the health endpoint on one origin', async ({
  page,
  request,
}) => {
  const health = await request.get('/healthz');
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: 'ok' });

  await page.goto('/');
  await expect(page).toHaveTitle('Closient Scanner');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Scan products for Closient');
  await expect(page.getByText(/Online · v\d+\.\d+\.\d+/)).toBeVisible();
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', '/favicon.svg');
  expect((await request.get('/favicon.svg')).status()).toBe(200);
  expect((await request.get('/manifest.webmanifest')).status()).toBe(200);
});

test('a deep link loads the shell and an unknown page says so', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the home screen' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test.describe('a deep link, loaded cold from the server', () => {
  // The service worker would answer from its precache, which has the plain shell.
  test.use({ serviceWorkers: 'block' });

  test('names its screen’s and the outbox’s scripts in the shell, few of them, and uses each', async ({
    page,
    request,
    localServer,
  }) => {
    const id = await createSession(request, localServer);
    await connectApp(page, localServer);
    for (const [url, chunk, screen] of [
      [
        `/sessions/${id}`,
        /\/assets\/session-route-/,
        page.getByRole('heading', { name: 'Barcode session' }),
      ],
      [`/sessions/${id}/scan`, /\/assets\/scanner-route-/, page.getByLabel('Camera view')],
    ] as const) {
      const html = await (await request.get(url, { headers: { accept: 'text/html' } })).text();
      const hinted = [...html.matchAll(/rel="modulepreload" crossorigin href="([^"]+)"/g)].map(
        (m) => m[1],
      );
      // A phone on HTTP/1.1 fetches six files at a time, and each further six cost a round
      // trip: the screen starts from at most 10 scripts (split the default way, the scanner
      // took 19; see vite.config.ts).
      expect(
        hinted.length + [...html.matchAll(/<script type="module"/g)].length,
      ).toBeLessThanOrEqual(10);
      expect(hinted.some((h) => chunk.test(h ?? ''))).toBe(true);
      // The outbox, which the app asks for at start, and which sending screens wait for.
      expect(hinted.some((h) => /\/assets\/outbox-live-/.test(h ?? ''))).toBe(true);
      const scripts: string[] = [];
      const onRequest = (r: Request) => {
        if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
      };
      page.on('request', onRequest);
      await page.goto(url);
      await expect(screen).toBeAttached();
      // Nothing named in vain: every hint is a script the screen loads.
      await expect.poll(() => hinted.filter((h) => !scripts.includes(h ?? ''))).toEqual([]);
      page.off('request', onRequest);
    }
  });
});

for (const { name, viewport } of [
  { name: 'phone in portrait', viewport: { width: 412, height: 915 } },
  { name: 'tablet in landscape', viewport: { width: 1280, height: 800 } },
]) {
  test(`the layout fits a ${name}`, async ({ page }, testInfo) => {
    await page.setViewportSize(viewport);
    await page.goto('/');
    await expect(page.getByText(/Online/)).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const brand = page.getByRole('link', { name: 'Closient Scanner, home' });
    expect((await brand.boundingBox())?.height).toBeGreaterThanOrEqual(44);
    await page.screenshot({
      path: testInfo.outputPath(`home-${viewport.width}x${viewport.height}.png`),
    });
  });
}

test('the service worker installs and serves the shell offline', async ({ page, context }) => {
  await page.goto('/');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await setNetwork(context, 'offline');
  // Deep links get the shell from the cache, lazily loaded screens included.
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.goto('/settings');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  // A session needs the server: the screen says so instead of hanging.
  await page.goto('/sessions/2222222222222222222222');
  await expect(page.getByRole('heading', { name: 'Session not available' })).toBeVisible();
  await setNetwork(context, 'online');
});
