import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import puppeteer, { type CDPSession, type Page } from 'puppeteer-core';
import { test } from '../fixtures';
import { createSession } from '../support/app';
import { BASE_FLAGS, chromiumPathOrThrow } from '../support/chromium';

const QUICK = process.env['BENCH_QUICK'] === '1';
const OUT = process.env['BENCH_OUT'] ?? 'test-results/bench-lighthouse.json';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/**
 * Runs of each screen and load. One run's performance score moves by up to 5 points on this
 * VM; Lighthouse's own advice is the median of several runs (bench/lighthouse.ts prints it).
 */
const RUNS = QUICK ? 1 : Number(process.env['BENCH_LH_RUNS'] ?? 5);
/** A run whose trace Lighthouse could not read (NO_NAVSTART, now and then) is run again. */
const ATTEMPTS = 3;

/**
 * The @zxing/browser baseline page (bench/baseline), as a plain static site would serve it: no
 * compression, no service worker. Its scanner row is the baseline in the same run.
 */
async function serveBaseline() {
  const root = path.resolve(import.meta.dirname, '..', '..', 'dist-baseline');
  const server = createServer((req, res) => {
    // Built for /baseline/, as the e2e specs serve it.
    const name = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/baseline\//, '/');
    const file = path.join(root, path.normalize(name));
    try {
      const body = readFileSync(file.startsWith(root) ? file : root);
      res.setHeader('Content-Type', file.endsWith('.js') ? 'text/javascript' : 'text/html');
      res.end(body);
    } catch {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/**
 * One Lighthouse run on the page; a run whose trace it could not read is run again. Cold: the
 * HTTP cache, the service worker and its caches are cleared first (the key kept, as a connected
 * phone has it).
 */
async function audit(url: string, page: Page, cdp: CDPSession, load: 'cold' | 'warm') {
  for (let attempt = 1; ; attempt++) {
    if (load === 'cold') {
      await cdp.send('Network.clearBrowserCache');
      await cdp.send('Storage.clearDataForOrigin', {
        origin: new URL(url).origin,
        storageTypes: 'service_workers,cache_storage',
      });
    }
    const result = await lighthouse(
      url,
      {
        onlyCategories: [...CATEGORIES],
        disableStorageReset: true,
        logLevel: 'error',
        output: 'json',
      },
      undefined,
      page,
    );
    const lhr = result?.lhr;
    if (!lhr?.runtimeError || attempt === ATTEMPTS) return lhr;
    console.log(`${url}: ${lhr.runtimeError.code}, run again`);
  }
}

/**
 * Lighthouse (mobile: emulated phone, simulated slow 4G and 4x CPU, its defaults) on Debian's
 * Chromium, against the production build served by the real local server. Warm: the same page
 * again after a cold run, with its cache and service worker in place.
 */
test('lighthouse scores of Home, a session and the scanner, cold and warm', async ({
  localServer,
  request,
  baseURL,
}) => {
  test.setTimeout(600_000);
  const base = baseURL ?? '';
  const session = await createSession(request, localServer);
  const baseline = await serveBaseline();
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPathOrThrow(),
    chromeFlags: [
      ...BASE_FLAGS.filter((f) => f !== '--headless'),
      '--headless=new',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
    ],
  });
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
  // Read by bench/lighthouse.ts, which declares the shape.
  const rows: object[] = [];
  try {
    const page: Page = await browser.newPage();
    await page.goto(`${base}/connect#key=${encodeURIComponent(localServer.key)}&api=`);
    await page.waitForFunction(() => document.location.pathname === '/');
    const cdp = await page.createCDPSession();
    const screens = [
      { screen: 'Home', url: `${base}/` },
      { screen: 'Session', url: `${base}/sessions/${session}` },
      { screen: 'Scanner', url: `${base}/sessions/${session}/scan` },
      { screen: 'Scanner (@zxing/browser page)', url: `${baseline.url}/baseline/index.html` },
    ];
    const runs = (QUICK ? screens.slice(0, 1) : screens).flatMap((s) =>
      Array.from({ length: RUNS }, () => s),
    );
    for (const { screen, url } of runs) {
      for (const load of ['cold', 'warm'] as const) {
        const lhr = await audit(url, page, cdp, load);
        if (!lhr) throw new Error(`Lighthouse gave no result for ${screen} (${load})`);
        const metric = (id: string) => lhr.audits[id]?.numericValue ?? null;
        rows.push({
          screen,
          load,
          scores: Object.fromEntries(
            CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
          ),
          fcpMs: metric('first-contentful-paint'),
          lcpMs: metric('largest-contentful-paint'),
          tbtMs: metric('total-blocking-time'),
          transferKb: (metric('total-byte-weight') ?? 0) / 1024,
        });
        // What kept a score from 100, for the person reading the run.
        for (const c of CATEGORIES)
          for (const ref of lhr.categories[c]?.auditRefs ?? []) {
            const a = lhr.audits[ref.id];
            if (ref.weight > 0 && a && a.score !== null && a.score < 0.9) {
              const items = (a.details as { items?: unknown[] } | undefined)?.items ?? [];
              console.log(
                `${screen} ${load} ${c}: ${a.id} (${a.displayValue ?? a.score})`,
                JSON.stringify(items.slice(0, 3)).slice(0, 400),
              );
            }
          }
      }
    }
  } finally {
    await browser.disconnect();
    chrome.kill();
    baseline.server.close();
  }
  writeFileSync(OUT, JSON.stringify(rows));
});
