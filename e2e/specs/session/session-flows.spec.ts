import { expect, test } from '../../fixtures';
import { connectApp, serverSession, startSession } from '../../support/app';
import type { Page } from '@playwright/test';

/** Types a code into manual entry: the quickest way to make a capture with a chosen GTIN. */
async function typeCode(page: Page, code: string) {
  await page.getByLabel('Type a code').fill(code);
  await page.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByTestId('scan-announcement')).toHaveText(`Scanned: ${code}`);
}

const captureList = (page: Page) => page.getByRole('list', { name: /^Captures/ });

test.beforeEach(async ({ page, localServer, camera: _camera }) => {
  await connectApp(page, localServer);
});

test('three products, one unknown: statuses settle and both counters reach 3', async ({
  page,
  camera,
}) => {
  await startSession(page);
  // Known, unknown to the catalog, known with proposals; shown to the camera in turn.
  for (const code of ['4006381333931', '9780201379624', '5012345678900']) {
    await camera.show({ format: 'ean13', value: code });
    await expect(page.getByTestId('scan-announcement')).toHaveText(`Scanned: ${code}`);
    await camera.clear();
  }
  await expect(page.getByTestId('local-count')).toHaveText('3');
  await expect(page.getByTestId('server-count')).toHaveText('3');
  await page.getByRole('link', { name: 'All captures and session actions' }).click();
  await expect(page.getByTestId('overview-capture-count')).toHaveText('3');
  const rows = captureList(page).getByRole('listitem');
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: '9780201379624' })).toContainText('Unknown product');
  await expect(rows.filter({ hasText: 'Product found' })).toHaveCount(2);
});

test('a FAILED capture is retried from the list', async ({ page, request, localServer }) => {
  const session = await startSession(page);
  await typeCode(page, '4000000000006');
  await page.getByRole('link', { name: 'All captures and session actions' }).click();
  const row = captureList(page).getByRole('listitem').first();
  await expect(row).toContainText('Lookup failed');
  await expect(row).toContainText('Supplier catalog timed out');
  const before = (await serverSession(request, localServer, session)).captures[0]?.processed_at;
  await row.getByRole('button', { name: 'Retry 4000000000006' }).click();
  // The server ran the pipeline again (this catalog entry always fails, so it fails again).
  await expect
    .poll(
      async () => (await serverSession(request, localServer, session)).captures[0]?.processed_at,
    )
    .not.toBe(before);
  await expect(row).toContainText('Lookup failed');
});

test('an ended session is read-only, and history says so', async ({ page }) => {
  await startSession(page);
  await typeCode(page, '4006381333931');
  await page.getByRole('link', { name: 'All captures and session actions' }).click();
  await page.getByRole('button', { name: 'End session…' }).click();
  await expect(page.getByRole('heading', { name: 'End this session?' })).toBeVisible();
  await page.getByRole('button', { name: 'End session', exact: true }).click();
  await expect(page.getByText(/This session is completed and read-only/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Resume scanning' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Closient Scanner, home' }).click();
  const history = page.getByRole('list', { name: 'Sessions on this device' });
  const entry = history.getByRole('listitem').first();
  await expect(entry).toContainText('Completed');
  await expect(entry).toContainText('1 capture');
  await expect(entry.getByRole('link', { name: 'Resume' })).toHaveCount(0);
  await entry.getByRole('link', { name: /^Open/ }).click();
  await expect(page.getByText(/read-only/)).toBeVisible();
  await expect(captureList(page).getByRole('listitem')).toHaveCount(1);
});

test('submit for AI processing, review the proposals, apply the accepted one', async ({
  page,
  request,
  localServer,
}) => {
  const session = await startSession(page);
  await typeCode(page, '5012345678900');
  await page.getByRole('link', { name: 'All captures and session actions' }).click();
  await expect(captureList(page).getByRole('listitem').first()).toContainText('Product found');
  await page.getByRole('button', { name: 'Submit for AI processing…' }).click();
  await page.getByRole('button', { name: 'Submit session' }).click();
  await expect(page.getByTestId('extraction-status')).toHaveText(/Ready for review/, {
    timeout: 15_000,
  });

  await captureList(page).getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: 'Proposed changes' })).toBeVisible();
  await page.getByRole('button', { name: 'Accept Brand: Nature Valley' }).click();
  await page.getByRole('button', { name: 'Reject Category: Snacks > Cereal bars' }).click();
  const proposals = page.getByRole('list', { name: 'Proposals' });
  await expect(proposals.getByRole('listitem').filter({ hasText: 'Brand' })).toContainText(
    'Accepted',
  );
  await expect(proposals.getByRole('listitem').filter({ hasText: 'Category' })).toContainText(
    'Rejected',
  );
  await page.getByRole('button', { name: 'Apply 1 accepted change' }).click();
  await expect(page.getByText('Applied 1 to the product')).toBeVisible();

  const captureId = (await serverSession(request, localServer, session)).captures[0]?.id ?? '';
  const res = await request.get(`/scanner/api/v1/captures/${captureId}/proposals`, {
    headers: { 'X-API-Key': localServer.key },
  });
  const statuses = ((await res.json()) as { field_name: string; status: string }[]).map((p) => [
    p.field_name,
    p.status,
  ]);
  expect(statuses.sort()).toEqual([
    ['brand_name', 'ACCEPTED'],
    ['category', 'REJECTED'],
  ]);
});

test('diagnostics show what the scanner did, and attach a summary to the session', async ({
  page,
  camera,
  request,
  localServer,
}) => {
  const session = await startSession(page);
  await camera.show({ format: 'ean13', value: '4006381333931' });
  await expect(page.getByTestId('scan-announcement')).toHaveText('Scanned: 4006381333931');
  await page.getByRole('link', { name: 'All captures and session actions' }).click();
  await page.getByRole('link', { name: 'Diagnostics' }).click();
  await expect(page.getByTestId('diag-engine')).toContainText('zxing-wasm');
  await expect(page.getByTestId('diag-accepted')).toHaveText('1 / 0');
  await page.getByRole('button', { name: 'Attach to session' }).click();
  await expect(page.getByText('Attached')).toBeVisible();
  const metadata = (await serverSession(request, localServer, session)).metadata;
  expect(metadata['diagnostics']).toMatch(/^engine=zxing-wasm; decode_ms_p50=\d/);
  expect(metadata['diagnostics']).toContain('accepted=1');
  expect(metadata['diagnostics_at']).toMatch(/^\d{4}-\d\d-\d\dT/);
});
