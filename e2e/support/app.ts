import { execFileSync } from 'node:child_process';
import path from 'node:path';
import {
  type APIRequestContext,
  type BrowserContext,
  expect,
  type Page,
  type Route,
} from '@playwright/test';
import type { CaptureMode } from '../../contract/index';
import { SessionDetail } from '../../contract/index';
import type { LocalServer } from '../../server/src/test/server-process';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** The session id in a scanner (or any session) URL. */
export function sessionIdOf(url: string): string {
  const id = /\/sessions\/([^/?#]+)/.exec(url)?.[1];
  if (!id) throw new Error(`No session id in ${url}`);
  return id;
}

/** The app's traffic to the server: the API, the storage uploads, the health check. */
const SERVER_TRAFFIC = /\/(scanner\/api|scanner\/uploads|products\/api)\/|\/healthz/;
const cut = (route: Route) => route.abort('internetdisconnected');

/**
 * Takes the device offline, or back online. Chromium's offline emulation does not reach the
 * requests a service worker lets through to the network (microsoft/playwright#2311), and an
 * installed app's every request passes its service worker; so the server's traffic is also cut
 * at the context, which in Chromium sees the service worker's requests as well.
 */
export async function setNetwork(context: BrowserContext, state: 'offline' | 'online') {
  if (state === 'offline') {
    await context.route(SERVER_TRAFFIC, cut);
    await context.setOffline(true);
    // The cut reaches a service-worker-controlled page's requests a moment later: a capture
    // sent right after going offline still reached the server in CI (seen twice: it was
    // "queued offline" in the app but stored, and replayed later). Wait until a request from
    // the page, by the same path, is really cut.
    const page = context.pages().at(-1);
    if (page && page.url().startsWith('http')) {
      await expect
        .poll(() =>
          page.evaluate(() =>
            fetch('/scanner/api/v1/openapi.json', { cache: 'no-store' }).then(
              () => 'through',
              () => 'cut',
            ),
          ),
        )
        .toBe('cut');
    }
  } else {
    await context.unroute(SERVER_TRAFFIC, cut);
    await context.setOffline(false);
  }
}

/**
 * Waits until the app is installed: its service worker has precached the app, so pages opened
 * from now on load, decode and process photos with no network, as on an operator's phone.
 */
export async function installed(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
}

/** Connects the app to the local server the way an operator does: the /connect link. */
export async function connectApp(page: Page, server: Pick<LocalServer, 'key'>): Promise<void> {
  await page.goto(`/connect#key=${encodeURIComponent(server.key)}&api=`);
  await expect(page).toHaveURL(/\/$/);
}

/** Starts a session in a mode through /scan/new and waits for the camera to be live. */
export async function startSession(page: Page, mode: CaptureMode = 'barcode_scan') {
  await page.goto(`/scan/new?mode=${mode}`);
  await expect(page).toHaveURL(/\/sessions\/\w{22}\/(scan|photos)$/);
  // The URL changes before the lazily loaded scanner renders: wait for the screen itself.
  await expect(page.getByLabel('Camera view')).toBeAttached();
  await expect(page.getByText('Starting the camera…')).toBeHidden();
  return sessionIdOf(page.url());
}

/** Types a code into the scanner's manual entry and adds it, as an operator does. */
export async function typeCode(page: Page, code: string) {
  await page.getByLabel('Type a code').fill(code);
  await page.getByRole('button', { name: 'Add' }).click();
}

/** The server's view of a session (by id, or from a page URL), read as any API client would. */
export async function serverSession(
  request: APIRequestContext,
  server: Pick<LocalServer, 'key'>,
  sessionOrUrl: string,
) {
  const id = sessionOrUrl.includes('/') ? sessionIdOf(sessionOrUrl) : sessionOrUrl;
  const res = await request.get(`/scanner/api/v1/sessions/${id}`, {
    headers: { 'X-API-Key': server.key },
  });
  expect(res.status(), await res.text()).toBe(200);
  return SessionDetail.parse(await res.json());
}

/** The GTIN-14s of a session's captures, oldest first. */
export async function serverGtins(
  request: APIRequestContext,
  server: Pick<LocalServer, 'key'>,
  sessionOrUrl: string,
) {
  return (await serverSession(request, server, sessionOrUrl)).captures.map((c) => c.gtin);
}

/** Creates a session through the API (no UI), as a kiosk or another client would. */
export async function createSession(
  request: APIRequestContext,
  server: Pick<LocalServer, 'key'>,
  mode: CaptureMode = 'barcode_scan',
): Promise<string> {
  const res = await request.post('/scanner/api/v1/sessions', {
    headers: { 'X-API-Key': server.key },
    data: { capture_mode: mode, user_agent: 'e2e', device_context: { source: 'e2e helper' } },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/**
 * Runs one of the server's CLIs (server/src/cli) on the server's data folder (and `env`, such
 * as a shared SCANNER_DATABASE_URL); its output.
 */
function serverCli(
  server: Pick<LocalServer, 'dataDir'>,
  cli: string,
  args: string[],
  env: Record<string, string> = {},
): string {
  return execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'server', 'src', 'cli', `${cli}.ts`), ...args],
    {
      cwd: ROOT,
      env: { ...process.env, SCANNER_DATA_DIR: server.dataDir, ...env },
      encoding: 'utf8',
    },
  );
}

/**
 * A second API key for the test's own reads, made with `npm run keys` on the server's data
 * folder: rate limits count per key, so the test's requests never spend the app's allowance.
 */
export function createApiKey(
  server: Pick<LocalServer, 'dataDir'>,
  options: { args?: string[]; env?: Record<string, string> } = {},
): { key: string } {
  const out = serverCli(
    server,
    'keys',
    ['create', '--label', 'e2e', ...(options.args ?? [])],
    options.env,
  );
  const key = /\b(c(?:pk|sb|su)_\w{32}_[0-9a-f]{8})\b/.exec(out)?.[1];
  if (!key) throw new Error(`npm run keys printed no key:\n${out}`);
  return { key };
}

/** A session holding `captures` settled captures, made with `npm run seed` (one transaction). */
export function seedSession(server: Pick<LocalServer, 'dataDir'>, captures: number): string {
  return serverCli(server, 'seed', ['session', '--captures', String(captures)]).trim();
}
