import { expect, test } from '../fixtures';
import { serverSession } from '../support/app';
import { openBatchScanner, shelfScene } from '../support/shelf';

test('batch mode captures 12 codes in view once each, follows them, and leaves out a tapped one', async ({
  page,
  request,
  localServer,
}) => {
  test.setTimeout(90_000);
  const { camera, session } = await openBatchScanner(page, localServer);
  const scene = await shelfScene();
  const shown = Date.now();
  await camera.showPicture(scene);
  await expect(page.getByTestId('batch-tally')).toHaveText(/· 12 captured/, { timeout: 30_000 });
  console.log(`batch: 12 codes in view to 12 captured in ${Date.now() - shown} ms`);

  const captured = async () => (await serverSession(request, localServer, session)).captures;
  await expect.poll(async () => (await captured()).length, { timeout: 30_000 }).toBe(12);
  await expect(page.getByTestId('batch-tally')).toHaveText('12 in view · 12 captured');
  const codes = page.getByTestId('batch-code');
  await expect(codes).toHaveCount(12);
  for (const state of await codes.evaluateAll((els) => els.map((e) => e.dataset['state'])))
    expect(state).toBe('captured');

  // Ten seconds more in view: nothing captured again.
  await page.waitForTimeout(10_000);
  expect((await captured()).length).toBe(12);

  // The scene moves down by 36 px (every code stays in the frame): every outline follows.
  const box = async () => (await codes.first().boundingBox())?.y ?? 0;
  const before = await box();
  await camera.showPicture(scene, { y: 0.55 });
  await expect.poll(box).toBeGreaterThan(before + 20);
  expect((await captured()).length).toBe(12);

  // Tapping a captured code leaves it out: its capture is taken back, and it stays out.
  const qr = page.getByRole('button', { name: /PALLET-A-17: Scanned\. Leave out/ });
  await qr.click();
  await expect(page.getByRole('button', { name: /PALLET-A-17: Left out/ })).toBeVisible();
  await expect.poll(async () => (await captured()).length, { timeout: 15_000 }).toBe(11);
  await expect(page.getByTestId('batch-tally')).toHaveText('12 in view · 11 captured');
  const values = (await captured()).map((c) => c.raw_value);
  expect(values).not.toContain('PALLET-A-17');
  expect(new Set(values).size).toBe(11);
});
