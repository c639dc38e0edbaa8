import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '../../fixtures';
import { connectApp, serverSession, startSession } from '../../support/app';

// The local server refuses private and loopback addresses unless told otherwise (SSRF guard);
// this test's redirect chain lives on loopback, so its server allows them.
test.use({ serverEnv: { SCANNER_ALLOW_PRIVATE_URLS: '1' } });

const START = '/01/04006381333931';
let site: Server;
let origin = '';
const hits: string[] = [];
test.beforeAll(async () => {
  // A little site on loopback whose first address is a GS1 Digital Link for a catalog product:
  // /01/<gtin> -> /middle -> /product, each a real HTTP redirect.
  site = createServer((req, res) => {
    hits.push(req.url ?? '');
    const next: Record<string, string> = { [START]: '/middle', '/middle': '/product' };
    const to = next[req.url ?? ''];
    if (to) res.writeHead(302, { Location: to }).end();
    else res.writeHead(200, { 'Content-Type': 'text/html' }).end('<h1>Product page</h1>');
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => site.close(() => resolve())));

test('a QR URL is resolved through its redirect chain by the server, and nothing is opened', async ({
  page,
  context,
  camera,
  request,
  localServer,
}) => {
  await connectApp(page, localServer);
  const session = await startSession(page);
  const url = `${origin}${START}`;
  await camera.show({ format: 'qr', value: url });
  await expect(page.getByTestId('scan-announcement')).toHaveText(`Scanned: ${url}`);
  await page.getByRole('link', { name: 'All captures and session actions' }).click();
  await page
    .getByRole('list', { name: /^Captures/ })
    .getByRole('link')
    .first()
    .click();

  const chain = page.getByRole('list', { name: 'Redirect chain' });
  await expect(chain.getByRole('listitem')).toHaveText([
    url,
    `${origin}/middle`,
    `${origin}/product`,
  ]);
  await expect(page.getByText(`final address: ${origin}/product`)).toBeVisible();
  const warnings = page.getByRole('list', { name: 'Warnings about this link' });
  await expect(warnings).toContainText('not encrypted');
  await expect(warnings).toContainText('bare IP address');
  // Shown as text only: the browser never loaded it, and opening it takes two deliberate taps.
  expect(context.pages()).toHaveLength(1);
  expect(await page.getByRole('link', { name: 'Open link in a new tab' }).count()).toBe(0);
  await page.getByRole('button', { name: 'Open link anyway…' }).click();
  const open = page.getByRole('link', { name: 'Open link in a new tab' });
  await expect(open).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(open).toHaveAttribute('href', `${origin}/product`);

  // The capture's own analysis, from the server's pipeline, and the redirect can be saved.
  await expect
    .poll(async () => (await serverSession(request, localServer, session)).captures[0]?.status)
    .toBe('COMPLETED');
  await page.getByRole('button', { name: 'Save as product redirect' }).click();
  await expect(page.getByRole('button', { name: 'Saved as product redirect' })).toBeDisabled();
  // Only the server followed the chain; the page never requested the product page itself.
  expect(hits.every((h) => [START, '/middle', '/product'].includes(h))).toBe(true);
});
