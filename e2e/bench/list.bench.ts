import { writeFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { connectApp, seedSession } from '../support/app';

const QUICK = process.env['BENCH_QUICK'] === '1';
const OUT = process.env['BENCH_OUT'] ?? 'test-results/bench-list.json';

/** Scrolls a box top to bottom in steps; the most rows seen in the DOM and the mean frame gap. */
async function scrollThrough(page: Page, box: Locator, rows: Locator, steps: number) {
  let most = 0;
  await page.evaluate(() => {
    const w = window as unknown as { __gaps: number[]; __last: number; __on: boolean };
    w.__gaps = [];
    w.__on = true;
    w.__last = performance.now();
    const tick = (t: number) => {
      w.__gaps.push(t - w.__last);
      w.__last = t;
      if (w.__on) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  for (let i = 1; i <= steps; i++) {
    await box.evaluate((el, f) => (el.scrollTop = el.scrollHeight * f), i / steps);
    await page.waitForTimeout(30);
    most = Math.max(most, await rows.count());
  }
  const gaps = await page.evaluate(() => {
    const w = window as unknown as { __gaps: number[]; __on: boolean };
    w.__on = false;
    return w.__gaps;
  });
  const sorted = gaps.slice(1).sort((a, b) => a - b);
  return {
    most,
    frameMsP95: Math.round(sorted[Math.floor(sorted.length * 0.95)] ?? 0),
  };
}

test('a 10,000-capture session: rows in the DOM, scrolling, opening a row', async ({
  page,
  localServer,
}) => {
  test.setTimeout(180_000);
  const count = QUICK ? 2_000 : 10_000;
  const id = seedSession(localServer, count);
  await connectApp(page, localServer);

  const started = Date.now();
  await page.goto(`/sessions/${id}`);
  const list = page.getByRole('list', { name: `Captures, ${count}` });
  await expect(list.getByRole('listitem').first()).toBeVisible({ timeout: 60_000 });
  const openMs = Date.now() - started;
  const app = await scrollThrough(page, list, list.getByRole('listitem'), 20);
  const clicked = Date.now();
  await list.getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: 'What was read' })).toBeVisible();
  const rowMs = Date.now() - clicked;

  // The baseline: the same rows, all in the DOM (a list without virtualisation).
  await page.goto('/');
  const baseStart = Date.now();
  await page.evaluate((n) => {
    const ol = document.createElement('ol');
    ol.className = 'capture-list';
    ol.style.overflow = 'auto';
    ol.style.height = '640px';
    for (let i = 0; i < n; i++) {
      const li = document.createElement('li');
      li.style.height = '76px';
      li.innerHTML = `<a href="#"><strong>code ${i}</strong><span>ean13 · ${i}</span></a><span class="badge">✓ Completed</span>`;
      ol.append(li);
    }
    document.querySelector('main')?.replaceChildren(ol);
  }, count);
  const plain = page.locator('ol.capture-list');
  await expect(plain.locator('li').first()).toBeVisible();
  const baseOpenMs = Date.now() - baseStart;
  const baseline = await scrollThrough(page, plain, plain.locator('li'), 20);

  writeFileSync(
    OUT,
    `${JSON.stringify(
      {
        captures: count,
        app: { openMs, ...app, rowMs },
        baseline: { openMs: baseOpenMs, ...baseline },
      },
      null,
      2,
    )}\n`,
  );
});
