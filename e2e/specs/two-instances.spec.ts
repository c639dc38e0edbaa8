import type { Browser } from '@playwright/test';
import { expect, test } from '../fixtures';
import { connectApp, createApiKey, sessionIdOf, startSession } from '../support/app';
import { admin, startCluster, type Cluster } from '../../server/src/test/postgres-cluster';
import { startLocalServer, type LocalServer } from '../../server/src/test/server-process';

/**
 * A chain's deployment: two instances of the server on one PostgreSQL database (a throwaway
 * cluster from Debian's postgresql), as behind a load balancer. The phone talks to A, the
 * overview on a tablet polls B; whichever instance runs a capture's pipeline, both see it.
 */
interface Chain {
  a: LocalServer;
  b: LocalServer;
  databaseUrl: string;
}

const chainTest = test.extend<object, { chain: Chain }>({
  chain: [
    // Playwright reads a fixture's needs from its first parameter's pattern: none here.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const cluster: Cluster = startCluster();
      await admin(cluster.url('postgres'), ['CREATE DATABASE chain']);
      const env = {
        SCANNER_DATABASE_URL: cluster.url('chain'),
        SCANNER_PRESIGN_SECRET: 'e2e-shared-secret-'.padEnd(64, 'x'),
        SCANNER_PIPELINE_DELAY_MS: '300',
      };
      const a = await startLocalServer(env);
      // B finds the organization and key A made in the shared database: no new key printed.
      const b = await startLocalServer(env);
      expect(b.output()).not.toContain('API key (shown once');
      await use({ a, b, databaseUrl: env.SCANNER_DATABASE_URL });
      await Promise.all([a.stop(), b.stop()]);
      cluster.stop();
    },
    { scope: 'worker' },
  ],
  // The phone's app is A's.
  baseURL: async ({ chain }, use) => use(chain.a.url),
});

chainTest(
  'the app scans against A while the overview on another device polls B',
  async ({ page, camera, browser, chain: { a, b } }) => {
    await connectApp(page, a);
    const url = await startSession(page).then(() => page.url());
    const session = sessionIdOf(url);

    const tablet = await openOn(browser, b, a.key);
    const polled = new Set<string>();
    tablet.on('request', (r) => {
      if (r.url().includes('/scanner/api/')) polled.add(new URL(r.url()).origin);
    });
    await tablet.goto(`${b.url}/sessions/${session}`);
    await expect(tablet.getByTestId('overview-capture-count')).toHaveText('0');

    for (const code of ['4006381333931', '9780201379624']) {
      await camera.show({ format: 'ean13', value: code });
      await expect(page.getByTestId('scan-announcement')).toHaveText(`Scanned: ${code}`);
      await camera.clear();
    }
    // B's answers show what was written through A, and the pipeline (run by one of the two)
    // settles both: a known product and an unknown one.
    await expect(tablet.getByTestId('overview-capture-count')).toHaveText('2');
    const rows = tablet.getByRole('list', { name: /^Captures/ }).getByRole('listitem');
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: '9780201379624' })).toContainText('Unknown product');
    await expect(rows.filter({ hasText: 'Product found' })).toHaveCount(1);
    expect([...polled]).toEqual([new URL(b.url).origin]);
    await tablet.context().close();
  },
);

chainTest(
  'one Idempotency-Key sent to A and to B at once makes one capture',
  async ({ request, chain: { a, b } }) => {
    const headers = { 'x-api-key': a.key };
    const created = await request.post(`${a.url}/scanner/api/v1/sessions`, { headers, data: {} });
    const session = ((await created.json()) as { id: string }).id;
    const send = (server: LocalServer) =>
      request.post(`${server.url}/scanner/api/v1/captures`, {
        headers: { ...headers, 'idempotency-key': `e2e-${session}` },
        data: { session_short_id: session, capture_type: 'MANUAL', raw_value: 'aisle 7' },
      });
    const answers = await Promise.all([send(a), send(b), send(a), send(b)]);
    const ids = await Promise.all(
      answers.map(async (r) => ((await r.json()) as { id: string }).id),
    );
    expect(answers.map((r) => r.status())).toEqual([201, 201, 201, 201]);
    expect(new Set(ids).size).toBe(1);
    const detail = await request.get(`${b.url}/scanner/api/v1/sessions/${session}`, { headers });
    expect(((await detail.json()) as { captures: unknown[] }).captures).toHaveLength(1);
  },
);

chainTest(
  'a key limited to 3 requests a minute gets 3 in all, whichever instance counts',
  async ({ request, chain: { a, b, databaseUrl } }) => {
    // `npm run keys` on the shared database, as an operator gives a kiosk its own limit.
    const { key } = createApiKey(a, {
      args: ['--per-minute', '3'],
      env: { SCANNER_DATABASE_URL: databaseUrl },
    });
    const statuses: number[] = [];
    for (const server of [a, b, a, b])
      statuses.push(
        (
          await request.get(`${server.url}/scanner/api/v1/key`, { headers: { 'x-api-key': key } })
        ).status(),
      );
    expect(statuses).toEqual([200, 200, 200, 429]);
  },
);

/** A second device (its own browser context) connected to `server` with `key`. */
async function openOn(browser: Browser, server: LocalServer, key: string) {
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  await connectApp(page, { key });
  return page;
}
