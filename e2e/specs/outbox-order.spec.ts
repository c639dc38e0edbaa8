import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, PlaywrightWorkerArgs } from '@playwright/test';
import { expect, test } from '../fixtures';
import { injectCamera } from '../fixtures/injected-camera';
import {
  connectApp,
  createApiKey,
  installed,
  serverGtins,
  setNetwork,
  startSession,
} from '../support/app';
import { BASE_FLAGS, chromiumPathOrThrow } from '../support/chromium';
import { eans, gtin14, outOfPlace, scanInOrder } from '../support/scanning';

// A hundred scans and their sync take a while on two cores.
test.setTimeout(240_000);

/** Counts the capture POSTs that reach the network (the context also sees the service worker's). */
async function countCapturePosts(context: BrowserContext) {
  const counter = { posts: 0 };
  await context.route('**/scanner/api/v1/captures', async (route) => {
    if (route.request().method() === 'POST') counter.posts += 1;
    await route.fallback();
  });
  return counter;
}

/**
 * The app's own key for one test: a hundred scans and their sync spend a good share of a key's
 * minute window, and the tests after this one (same worker, same server) must not inherit that.
 */
const ownKey = (server: Parameters<typeof createApiKey>[0]) => createApiKey(server);

/** The server's GTINs for a session, read with the test's own key. */
const gtinsOf = (request: Parameters<typeof serverGtins>[0], key: { key: string }, id: string) =>
  serverGtins(request, key, id);

test('100 scans made offline reach the server once each, in scan order, across a reload mid-sync', async ({
  page,
  context,
  camera,
  request,
  localServer,
}) => {
  const reader = createApiKey(localServer);
  await connectApp(page, ownKey(localServer));
  await installed(page);
  const session = await startSession(page);
  await setNetwork(context, 'offline');
  const codes = eans(100);
  await scanInOrder(page, camera, codes);
  await expect(page.getByTestId('sync-state')).toContainText('100 to send');

  const started = Date.now();
  await setNetwork(context, 'online');
  await expect
    .poll(async () => (await gtinsOf(request, reader, session)).length)
    .toBeGreaterThanOrEqual(20);
  await page.reload();
  await expect
    .poll(async () => (await gtinsOf(request, reader, session)).length, { timeout: 120_000 })
    .toBe(100);
  const drained = Date.now() - started;
  const gtins = await gtinsOf(request, reader, session);
  expect(new Set(gtins).size).toBe(100);
  expect(outOfPlace(gtins, codes.map(gtin14))).toBe(0);
  await expect(page.getByTestId('sync-state')).toContainText('All sent');
  test.info().annotations.push({ type: 'drain-100-ms', description: String(drained) });
  console.log(`drained 100 queued scans (with a reload) in ${drained} ms`);
});

test('two tabs open during the sync send each scan once, in order', async ({
  page,
  context,
  camera,
  request,
  localServer,
}) => {
  const reader = createApiKey(localServer);
  await connectApp(page, ownKey(localServer));
  await installed(page);
  const session = await startSession(page);
  const other = await context.newPage();
  await other.goto(`/sessions/${session}`);
  await setNetwork(context, 'offline');
  const codes = eans(30, '21');
  await scanInOrder(page, camera, codes);

  const counter = await countCapturePosts(context);
  await setNetwork(context, 'online');
  await expect
    .poll(async () => (await gtinsOf(request, reader, session)).length, { timeout: 60_000 })
    .toBe(30);
  const gtins = await gtinsOf(request, reader, session);
  expect(outOfPlace(gtins, codes.map(gtin14))).toBe(0);
  console.log(`two tabs: ${counter.posts} capture POSTs for 30 scans`);
  expect(counter.posts).toBeLessThanOrEqual(30 + 2);
  // The other tab heard about every one of them.
  await expect(other.getByTestId('overview-capture-count')).toHaveText('30');
});

/** A browser with a profile on disk, so that what it stored outlives it, as a phone's does. */
async function launchProfile(
  playwright: PlaywrightWorkerArgs['playwright'],
  dir: string,
  baseURL: string,
) {
  const context = await playwright.chromium.launchPersistentContext(dir, {
    executablePath: chromiumPathOrThrow(),
    args: BASE_FLAGS,
    baseURL,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

/** SIGKILL for every process of the browser using this profile: a crash, with no goodbye. */
function killBrowser(dir: string) {
  const pids = execFileSync('pgrep', ['-f', '--', `user-data-dir=${dir}`], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  for (const pid of pids) {
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      // Already gone with its parent.
    }
  }
}

for (const ending of ['closed', 'killed'] as const) {
  test(`100 offline scans arrive once each and in order when the browser is ${ending} halfway through the sync`, async ({
    playwright,
    request,
    localServer,
  }) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'scanner-profile-'));
    try {
      const reader = createApiKey(localServer);
      const first = await launchProfile(playwright, dir, localServer.url);
      const camera = await injectCamera(first.page);
      await connectApp(first.page, ownKey(localServer));
      await installed(first.page);
      const session = await startSession(first.page);
      await setNetwork(first.context, 'offline');
      const codes = eans(100, '22');
      await scanInOrder(first.page, camera, codes);

      // A store's Wi-Fi: each send takes a moment, so the browser goes mid-sync, not after it.
      await first.context.route('**/scanner/api/v1/captures', async (route) => {
        await new Promise((r) => setTimeout(r, 150));
        await route.fallback();
      });
      await setNetwork(first.context, 'online');
      await expect
        .poll(async () => (await gtinsOf(request, reader, session)).length)
        .toBeGreaterThanOrEqual(10);
      if (ending === 'killed') killBrowser(dir);
      await first.context.close().catch(() => undefined);
      const partial = (await gtinsOf(request, reader, session)).length;
      expect(partial).toBeLessThan(100);

      const second = await launchProfile(playwright, dir, localServer.url);
      await second.page.goto('/');
      await expect
        .poll(async () => (await gtinsOf(request, reader, session)).length, { timeout: 90_000 })
        .toBe(100);
      const gtins = await gtinsOf(request, reader, session);
      expect(new Set(gtins).size).toBe(100);
      expect(outOfPlace(gtins, codes.map(gtin14))).toBe(0);
      await second.context.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
