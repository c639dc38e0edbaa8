import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { expect, test } from '../../fixtures';
import {
  connectApp,
  installed,
  serverSession,
  setNetwork,
  startSession,
  typeCode,
} from '../../support/app';

test.beforeEach(async ({ page, localServer, camera: _camera }) => {
  await connectApp(page, localServer);
});

test('count mode: the same product three times is one capture of quantity 3, then exported', async ({
  page,
  request,
  localServer,
}) => {
  await page.getByLabel(/Count quantities/).check();
  await page.getByRole('link', { name: /^Barcode/ }).click();
  await expect(page).toHaveURL(/\/sessions\/\w{22}\/scan$/);
  await expect(page.getByTestId('server-count')).toHaveText('0');
  const session = new URL(page.url()).pathname.split('/')[2] ?? '';
  for (let i = 0; i < 3; i++) await typeCode(page, '4006381333931');
  await expect(page.getByTestId('scan-announcement')).toHaveText('Counted: 4006381333931 ×3');
  await typeCode(page, '5012345678900');
  await expect(page.getByTestId('local-count')).toHaveText('2');
  await expect
    .poll(async () =>
      (await serverSession(request, localServer, session)).captures.map((c) => [
        c.gtin,
        c.metadata['quantity'],
      ]),
    )
    .toEqual([
      ['04006381333931', '3'],
      ['05012345678900', '1'],
    ]);

  await page.getByRole('link', { name: 'All captures and session actions' }).click();
  const totals = page.getByTestId('product-total');
  await expect(totals).toHaveCount(2);
  await expect(totals.filter({ hasText: 'STABILO' })).toContainText('×3');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const rows: Record<string, string>[] = parse(
    (await readFile(file, 'utf8')).replace(/^\uFEFF/, ''),
    {
      columns: true,
    },
  );
  expect(rows.map((r) => [r['gtin'], r['quantity'], r['format']])).toEqual([
    ['04006381333931', '3', 'ean13'],
    ['05012345678900', '1', 'ean13'],
  ]);

  // Search narrows the list.
  await page.getByLabel('Search captures').fill('5012');
  await expect(page.getByRole('list', { name: /^Captures/ }).getByRole('listitem')).toHaveCount(1);
});

test('undo before the send takes the scan back from the queue; after, from the server', async ({
  page,
  context,
  request,
  localServer,
}) => {
  await installed(page);
  const session = await startSession(page);

  await setNetwork(context, 'offline');
  await typeCode(page, '4006381333931');
  await expect(page.getByTestId('local-count')).toHaveText('1');
  await page.getByRole('button', { name: 'Undo scan' }).click();
  await expect(page.getByTestId('local-count')).toHaveText('0');
  await expect(page.getByTestId('scan-announcement')).toHaveText('Undone: 4006381333931');
  await setNetwork(context, 'online');

  await typeCode(page, '5012345678900');
  await expect(page.getByTestId('server-count')).toHaveText('1');
  await page.getByRole('button', { name: 'Undo scan' }).click();
  await expect(page.getByTestId('local-count')).toHaveText('0');
  await expect
    .poll(async () => (await serverSession(request, localServer, session)).captures.length)
    .toBe(0);
  await expect(page.getByTestId('server-count')).toHaveText('0');

  // Remove from the list: the sheet expanded, each row has Remove.
  await typeCode(page, '96385074');
  await expect(page.getByTestId('server-count')).toHaveText('1');
  await page.getByRole('button', { name: /^1 scan: show more/ }).click();
  await page.getByRole('button', { name: 'Remove 96385074' }).click();
  await expect
    .poll(async () => (await serverSession(request, localServer, session)).captures.length)
    .toBe(0);
});

test('a note and a typed quantity on a capture reach the server', async ({
  page,
  request,
  localServer,
}) => {
  const session = await startSession(page);
  await typeCode(page, '4006381333931');
  await expect(page.getByTestId('server-count')).toHaveText('1');
  await page.getByRole('link', { name: 'All captures and session actions' }).click();
  await page
    .getByRole('list', { name: /^Captures/ })
    .getByRole('link')
    .first()
    .click();
  await page.getByLabel('Quantity', { exact: true }).fill('12');
  await page.getByLabel('Note', { exact: true }).fill('Shelf 4 — ‏يمين‎');
  await page.getByRole('button', { name: 'Save note and quantity' }).click();
  await expect
    .poll(async () => (await serverSession(request, localServer, session)).captures[0]?.metadata)
    .toMatchObject({ quantity: '12', note: 'Shelf 4 — ‏يمين‎' });
});

test('outside count mode, a product back in view after the cooldown is a duplicate, not a second capture', async ({
  page,
  camera,
  request,
  localServer,
}) => {
  const session = await startSession(page);
  await camera.show({ format: 'ean13', value: '4006381333931' });
  await expect(page.getByTestId('scan-announcement')).toHaveText('Scanned: 4006381333931');
  // Out of view for longer than the 2 s cooldown, as a looping shelf video does.
  await camera.clear();
  await page.waitForTimeout(2_500);
  await camera.show({ format: 'ean13', value: '4006381333931' });
  await expect(page.getByTestId('scan-announcement')).toHaveText('Already scanned: 4006381333931');
  await expect(page.getByTestId('server-count')).toHaveText('1');
  expect((await serverSession(request, localServer, session)).captures).toHaveLength(1);
});
