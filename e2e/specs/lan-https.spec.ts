import type { Browser } from '@playwright/test';
import { expect, test } from '../fixtures';
import { injectCamera } from '../fixtures/injected-camera';
import { connectApp, installed, setNetwork, startSession } from '../support/app';
import { SAMPLE_CODES } from '../support/barcodes';
import { BASE_FLAGS, chromiumPathOrThrow } from '../support/chromium';
import { startLocalServer, type LocalServer } from '../../server/src/test/server-process';

/**
 * A phone on the store's Wi-Fi, as `npm start -- --lan` serves it: HTTPS under the server's
 * own CA, reached by a name. Chromium trusts that CA the way a phone does once the profile is
 * installed: by its SPKI pin, not by ignoring certificate errors; `scanner.test` is mapped to
 * loopback, and the certificate names it (SCANNER_TLS_NAMES), as a store's DNS name would be.
 */
let server: LocalServer;
let browser: Browser;
let origin: string;

test.beforeAll(async ({ playwright }) => {
  server = await startLocalServer({ SCANNER_TLS_NAMES: 'scanner.test' }, { args: ['--lan'] });
  const spki = /CA fingerprint \(SPKI SHA-256\): (\S+)/.exec(server.output())?.[1];
  expect(spki).toBeTruthy();
  origin = `https://scanner.test:${new URL(server.url).port}`;
  browser = await playwright.chromium.launch({
    executablePath: chromiumPathOrThrow(),
    args: [
      ...BASE_FLAGS,
      `--ignore-certificate-errors-spki-list=${spki}`,
      '--host-resolver-rules=MAP scanner.test 127.0.0.1',
    ],
  });
});
test.afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test('over HTTPS on the LAN: a secure context, the camera scans, the app installs and reloads offline', async () => {
  const context = await browser.newContext({ baseURL: origin, permissions: ['camera'] });
  const page = await context.newPage();
  const camera = await injectCamera(page);
  await connectApp(page, server);
  expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
  expect(new URL(page.url()).origin).toBe(origin);
  // Home offers the way in for the next phone: a QR code to /trust.
  await expect(page.getByRole('heading', { name: 'Add a phone' })).toBeVisible();
  await expect(page.getByRole('img', { name: `QR code for ${origin}/trust` })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('lan-home.png'), fullPage: true });

  await installed(page);
  await page.reload();
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

  const session = await startSession(page);
  await camera.show({ format: 'ean13', value: SAMPLE_CODES.ean13 });
  await expect(page.getByTestId('scan-announcement')).toContainText(SAMPLE_CODES.ean13);
  // The server has it: read back over the same trusted HTTPS origin, with the API key.
  await expect
    .poll(() =>
      page.evaluate(
        async ([id, key]) => {
          const res = await fetch(`/scanner/api/v1/sessions/${id}`, {
            headers: { 'X-API-Key': key ?? '' },
          });
          return ((await res.json()) as { captures: { raw_value: string }[] }).captures.map(
            (c) => c.raw_value,
          );
        },
        [session, server.key],
      ),
    )
    .toEqual([SAMPLE_CODES.ean13]);

  // Offline, the installed app still opens: the service worker serves it over HTTPS.
  await setNetwork(context, 'offline');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await setNetwork(context, 'online');
  await context.close();
});

test('the trust page is reachable from the phone and plain HTTP is sent to HTTPS', async () => {
  // A phone's width: the page must read and tap well at 360 px.
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(`http://scanner.test:${new URL(server.url).port}/trust#key=${server.key}`);
  // The redirect keeps the path but not the fragment's trip to the server: the browser
  // re-applies the fragment after a redirect, so the key is carried to the HTTPS page.
  await expect(page).toHaveURL(`${origin}/trust`);
  await expect(page.getByRole('heading', { name: 'Trust this scanner server' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open the scanner' })).toHaveAttribute(
    'href',
    `/connect#key=${encodeURIComponent(server.key)}&api=`,
  );
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: test.info().outputPath('trust-360.png'), fullPage: true });
  await context.close();
});
