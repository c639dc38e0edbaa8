import { expect, test } from '../../fixtures';
import { connectApp, startSession, typeCode } from '../../support/app';

// PRODUCT.md: touch targets of at least 44 px, for gloved hands. Seven links were smaller.
test('every control on every screen is at least 44 px, at 360 px wide', async ({
  page,
  localServer,
  camera: _camera,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await connectApp(page, localServer);
  const session = await startSession(page);
  await typeCode(page, '4006381333931');
  await page.getByRole('link', { name: 'All captures and session actions' }).click();
  await page
    .getByRole('list', { name: /^Captures/ })
    .getByRole('link')
    .first()
    .click();
  const capture = new URL(page.url()).pathname;
  for (const path of [
    '/',
    `/sessions/${session}`,
    `/sessions/${session}/scan`,
    capture,
    '/settings',
    '/diagnostics',
    '/connect',
  ]) {
    await page.goto(path);
    await expect(
      page.getByRole('heading', { level: 1 }).or(page.getByLabel('Camera view')).first(),
    ).toBeAttached();
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('a, button, input, select, textarea, summary')]
        .filter((e) => {
          const r = e.getBoundingClientRect();
          if (r.width === 0 || r.height === 0) return false;
          // A checkbox or radio is tapped through its label, which is the target.
          const target =
            e instanceof HTMLInputElement && /checkbox|radio/.test(e.type)
              ? (e.closest('label')?.getBoundingClientRect() ?? r)
              : r;
          // Links inside a sentence are exempt (WCAG 2.5.8, inline).
          const inline = e.tagName === 'A' && getComputedStyle(e).display === 'inline';
          return !inline && (target.width < 44 || target.height < 44);
        })
        .map(
          (e) =>
            `${e.tagName} ${(e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 30)}`,
        ),
    );
    expect(small, path).toEqual([]);
  }
});
