import { expect, test } from '../../fixtures';
import { connectApp, seedSession } from '../../support/app';

test('a 10,000-capture session opens and scrolls with about 100 rows in the DOM at most', async ({
  page,
  localServer,
}) => {
  test.setTimeout(120_000);
  const id = seedSession(localServer, 10_000);
  await connectApp(page, localServer);
  await page.goto(`/sessions/${id}`);
  await expect(page.getByTestId('overview-capture-count')).toHaveText('10000', { timeout: 30_000 });
  const list = page.getByRole('list', { name: 'Captures, 10000' });
  const rows = list.getByRole('listitem');
  const domRows = () => rows.count();
  expect(await domRows()).toBeGreaterThan(0);
  expect(await domRows()).toBeLessThanOrEqual(100);
  // Newest first: the last seeded capture (EAN 200000009999 + check digit) leads.
  await expect(rows.first()).toContainText(/ean13 · 200000009999\d/);
  await expect(rows.first()).toHaveAttribute('aria-posinset', '1');

  // Scroll in steps to the end, checking the DOM stays small all the way.
  let most = 0;
  for (let step = 1; step <= 10; step++) {
    await list.evaluate((el, f) => (el.scrollTop = el.scrollHeight * f), step / 10);
    await page.waitForTimeout(50);
    most = Math.max(most, await domRows());
  }
  expect(most).toBeLessThanOrEqual(100);
  // The oldest capture (the first seeded, EAN 2000000000008) is reachable at the bottom.
  await expect(list.getByText('ean13 · 2000000000008')).toBeVisible();
  await expect(rows.last()).toHaveAttribute('aria-posinset', '10000');
});

test("an unchanged session's status poll is a 304 with no body: the app sends its ETag", async ({
  page,
  localServer,
}) => {
  const id = seedSession(localServer, 2_000);
  await connectApp(page, localServer);
  const polls: { status: number; tag: string | null; bytes: number }[] = [];
  page.on('response', (response) => {
    if (!response.url().endsWith(`/sessions/${id}/status`)) return;
    void response.body().then(
      (body) =>
        polls.push({
          status: response.status(),
          tag: response.request().headers()['if-none-match'] ?? null,
          bytes: body.length,
        }),
      // A 304 has no body to read.
      () =>
        polls.push({
          status: response.status(),
          tag: response.request().headers()['if-none-match'] ?? null,
          bytes: 0,
        }),
    );
  });
  await page.goto(`/sessions/${id}`);
  await expect(page.getByTestId('overview-capture-count')).toHaveText('2000', { timeout: 30_000 });
  await expect
    .poll(() => polls.filter((p) => p.status === 304).length, { timeout: 20_000 })
    .toBeGreaterThan(0);
  const [first] = polls;
  expect(first).toMatchObject({ status: 200, tag: null });
  expect(first?.bytes).toBeGreaterThan(50_000);
  for (const later of polls.slice(1)) expect(later).toMatchObject({ status: 304, bytes: 0 });
  expect(polls.slice(1).every((p) => p.tag?.startsWith('W/"'))).toBe(true);
});
