import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test } from '../fixtures';
import { connectApp, startSession } from '../support/app';
import { LATENCY_CODES } from '../support/latency';

const QUICK = process.env['BENCH_QUICK'] === '1';
const OUT = process.env['BENCH_OUT'] ?? 'test-results/bench-polling.json';

/** Counts the page's API requests by kind while `during` runs. */
async function countRequests(page: Page, during: () => Promise<void>) {
  const counts: Record<string, number> = {};
  const onRequest = (r: { url: () => string; method: () => string }) => {
    const path = new URL(r.url()).pathname;
    if (!path.startsWith('/scanner/api/')) return;
    const kind = `${r.method()} ${path.replace(/\/[A-Za-z0-9]{22}(?=\/|$)/g, '/{id}')}`;
    counts[kind] = (counts[kind] ?? 0) + 1;
  };
  page.on('request', onRequest);
  await during();
  page.off('request', onRequest);
  return counts;
}

test('polling cost of an ACTIVE session, idle and under scanning', async ({
  page,
  camera,
  localServer,
}) => {
  const minutes = QUICK ? 0.25 : 2;
  test.setTimeout((minutes * 2 * 60 + 60) * 1000);
  await connectApp(page, localServer);
  await startSession(page);
  // A settled start: the session exists and the first fetches are done.
  await page.waitForTimeout(1_000);
  const idle = await countRequests(page, () => page.waitForTimeout(minutes * 60_000));
  const scanning = await countRequests(page, async () => {
    const end = Date.now() + minutes * 60_000;
    for (let i = 0; Date.now() < end; i++) {
      await camera.show({ format: 'ean13', value: LATENCY_CODES[i % LATENCY_CODES.length] ?? '' });
      await page.waitForTimeout(1_500);
      await camera.clear();
      await page.waitForTimeout(500);
    }
  });
  writeFileSync(OUT, `${JSON.stringify({ minutes, idle, scanning }, null, 2)}\n`);
});
