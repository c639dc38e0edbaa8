import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../../fixtures';
import { connectApp, startSession, typeCode } from '../../support/app';

type Box = { x: number; y: number; width: number; height: number };
const boxOf = async (locator: Locator): Promise<Box> => {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator.toString()} is not on screen`);
  return box;
};
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The scanner's controls: what a thumb reaches for while scanning. */
const controls = (page: Page) => [
  page.getByRole('button', { name: 'Torch' }),
  page.getByRole('button', { name: 'Zoom 2x' }),
  page.getByLabel('Camera', { exact: true }),
  page.getByRole('button', { name: /scans?: show/ }),
  page.getByLabel('Type a code'),
  page.getByRole('button', { name: 'Add' }),
  page.getByRole('link', { name: 'All captures and session actions' }),
];

// Phones in the phone project (touch, mobile), the tablet in the tablet project.
for (const { name, viewport, project } of [
  { name: 'a small phone', viewport: { width: 360, height: 640 }, project: 'phone' },
  { name: 'a large phone', viewport: { width: 412, height: 915 }, project: 'phone' },
  { name: 'a landscape tablet', viewport: { width: 1280, height: 800 }, project: 'tablet' },
])
  for (const hand of ['right', 'left'] as const)
    test(`on ${name}, ${hand}-handed: every control is in the thumb zone and off the viewfinder`, async ({
      page,
      camera,
      localServer,
    }, testInfo) => {
      test.skip(testInfo.project.name !== project, `runs in the ${project} project`);
      await page.setViewportSize(viewport);
      await connectApp(page, localServer);
      await camera.hardware({
        devices: [
          { deviceId: 'back', label: 'Back Camera' },
          { deviceId: 'front', label: 'Front Camera' },
        ],
        capabilities: { torch: true, zoom: { min: 1, max: 5, step: 0.1 } },
      });
      await page.goto('/settings');
      await page
        .getByRole('radio', { name: `${hand === 'right' ? 'Right' : 'Left'} hand` })
        .check();
      await startSession(page);
      await expect(page.getByRole('button', { name: 'Torch' })).toBeVisible();
      const viewfinder = await boxOf(page.locator('.viewfinder'));
      for (const control of controls(page)) {
        const box = await boxOf(control);
        // The lower 40% of the screen.
        expect(box.y, control.toString()).toBeGreaterThanOrEqual(viewport.height * 0.6);
        expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
        expect(overlaps(box, viewfinder), control.toString()).toBe(false);
      }
      // The camera controls sit on the chosen hand's side.
      const torch = await boxOf(page.getByRole('button', { name: 'Torch' }));
      const middle = torch.x + torch.width / 2;
      if (hand === 'right') expect(middle).toBeGreaterThan(viewport.width / 2);
      else expect(middle).toBeLessThan(viewport.width / 2);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );
    });

test('the sheet collapses to the last scan, and expands by tap, by keyboard and by drag', async ({
  page,
  localServer,
  camera: _camera,
}) => {
  await page.setViewportSize({ width: 412, height: 915 });
  await connectApp(page, localServer);
  await startSession(page);
  for (const code of ['4006381333931', '5012345678900', '96385074']) {
    await typeCode(page, code);
  }
  const rows = page.getByRole('list', { name: 'Recent scans' }).getByRole('listitem');
  const handle = page.getByRole('button', { name: /^3 scans: show/ });
  const sheet = page.getByRole('region', { name: 'Scans and manual entry' });
  // Collapsed by default: the last scan and its chip.
  await expect(sheet).toHaveAttribute('data-state', 'collapsed');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('96385074');
  await expect(handle).toHaveAttribute('aria-expanded', 'false');

  await handle.click();
  await expect(sheet).toHaveAttribute('data-state', 'half');
  await expect(rows).toHaveCount(3);
  await handle.press('ArrowUp');
  await expect(sheet).toHaveAttribute('data-state', 'full');
  // Full covers the picture.
  const full = await boxOf(sheet);
  expect(full.y).toBeLessThan(915 * 0.3);
  await handle.press('ArrowDown');
  await handle.press('ArrowDown');
  await expect(sheet).toHaveAttribute('data-state', 'collapsed');

  // A thumb's drag up, then down.
  const drag = async (dy: number) => {
    const box = await boxOf(handle);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + dy, { steps: 8 });
    await page.mouse.up();
  };
  await drag(-80);
  await expect(sheet).not.toHaveAttribute('data-state', 'collapsed');
  await drag(200);
  await expect(sheet).toHaveAttribute('data-state', 'collapsed');
});

for (const viewport of [
  { width: 360, height: 640 },
  { width: 412, height: 915 },
])
  test(`the photo screen at ${viewport.width}x${viewport.height}: its controls sit under the picture, in the thumb zone`, async ({
    page,
    camera,
    localServer,
  }, testInfo) => {
    test.skip(testInfo.project.name !== 'phone', 'runs in the phone project');
    await page.setViewportSize(viewport);
    await connectApp(page, localServer);
    await camera.hardware({
      devices: [{ deviceId: 'back', label: 'Back Camera' }],
      capabilities: { torch: true, zoom: { min: 1, max: 5, step: 0.1 } },
    });
    await startSession(page, 'both');
    await page.getByRole('link', { name: 'Take photos' }).click();
    // The scanner's own Torch is visible until the photo screen replaces it (a race seen in
    // CI): wait for the photo screen's shutter first.
    await expect(page).toHaveURL(/\/photos$/);
    await expect(page.getByRole('button', { name: /^Take photo/ })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Torch' })).toBeVisible();
    const viewfinder = await boxOf(page.locator('video'));
    for (const control of [
      page.getByRole('button', { name: /^Take photo/ }),
      page.getByRole('link', { name: 'Scan barcodes' }),
      page.getByRole('button', { name: 'Torch' }),
      page.getByRole('button', { name: 'Zoom 2x' }),
    ]) {
      const box = await boxOf(control);
      expect(box.y, control.toString()).toBeGreaterThanOrEqual(viewport.height * 0.6);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      expect(overlaps(box, viewfinder), control.toString()).toBe(false);
    }
  });
