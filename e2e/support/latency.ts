import type { CDPSession, Page } from '@playwright/test';
import type { InjectedCamera } from '../fixtures';
import { eans } from './scanning';

/**
 * Valid EAN-13s, all different, so that no appearance is a duplicate of an earlier one: 21, so
 * that the median and the worst are not two of a handful.
 */
export const LATENCY_CODES = eans(21, '50');

const marks = (page: Page, name: string) =>
  page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.startTime), name);

/** What the app put in its `scanner:accepted` marks: the accepting frame's time and decode. */
const acceptedDetails = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByName('scanner:accepted')
      .map((e) => (e as PerformanceMark).detail as { frameTime?: number; decodeMs?: number }),
  );

export interface Appearance {
  code: string;
  /** From the code's first frame to the scan being accepted (feedback shown). */
  acceptedMs: number;
  /** From the code's first frame to the server's 201 (null where the page does not save). */
  savedMs: number | null;
  /**
   * Where the app's time went (null for the baseline, which marks nothing more): from the code
   * drawn to the camera frame that was accepted, and that frame's time in the decoder worker.
   */
  frameMs: number | null;
  decodeMs: number | null;
}

/**
 * Shows each code in turn after a blank pause, and times from the moment it was drawn into the
 * camera to the page's `scanner:accepted` and `scanner:capture-saved` marks.
 */
export async function measureAppearances(
  page: Page,
  camera: InjectedCamera,
  options: { saves: boolean },
): Promise<Appearance[]> {
  const out: Appearance[] = [];
  for (const code of LATENCY_CODES) {
    await camera.clear();
    await page.waitForTimeout(600);
    const acceptedBefore = (await marks(page, 'scanner:accepted')).length;
    const savedBefore = (await marks(page, 'scanner:capture-saved')).length;
    await camera.show({ format: 'ean13', value: code });
    const shownAt = await camera.shownAt();
    await page.waitForFunction(
      (n) => performance.getEntriesByName('scanner:accepted').length > n,
      acceptedBefore,
      { timeout: 10_000 },
    );
    const accepted = (await marks(page, 'scanner:accepted'))[acceptedBefore] ?? Number.NaN;
    let savedMs: number | null = null;
    if (options.saves) {
      await page.waitForFunction(
        (n) => performance.getEntriesByName('scanner:capture-saved').length > n,
        savedBefore,
        { timeout: 10_000 },
      );
      savedMs = ((await marks(page, 'scanner:capture-saved'))[savedBefore] ?? Number.NaN) - shownAt;
    }
    const detail = options.saves ? (await acceptedDetails(page))[acceptedBefore] : undefined;
    out.push({
      code,
      acceptedMs: accepted - shownAt,
      savedMs,
      frameMs: detail?.frameTime === undefined ? null : detail.frameTime - shownAt,
      decodeMs: detail?.decodeMs ?? null,
    });
  }
  return out;
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

export interface LongTasks {
  seconds: number;
  count: number;
  totalMs: number;
  longestMs: number;
  /**
   * The page's main thread busy running tasks, as a percentage of wall time (Chromium's
   * TaskDuration metric over the window); the decoder worker's thread is not in it.
   */
  busyPct: number;
}

/** Chromium's running total of the page's main-thread task time, and its clock, in seconds. */
async function taskClock(cdp: CDPSession): Promise<{ busy: number; at: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  return { busy: metric('TaskDuration'), at: metric('Timestamp') };
}

/**
 * The main thread while the camera shows a new code every two seconds for `seconds`: its long
 * tasks (over 50 ms, as the Long Tasks API defines them), which the operator's taps compete
 * with, and how much of the time it was busy at all.
 */
export async function watchMainThread(
  page: Page,
  camera: InjectedCamera,
  seconds: number,
): Promise<LongTasks> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const before = await taskClock(cdp);
  const end = Date.now() + seconds * 1000;
  for (let i = 0; Date.now() < end; i++) {
    await camera.show({ format: 'ean13', value: LATENCY_CODES[i % LATENCY_CODES.length] ?? '' });
    await page.waitForTimeout(Math.min(2_000, Math.max(0, end - Date.now())));
  }
  const after = await taskClock(cdp);
  await cdp.detach();
  const tasks = await page.evaluate(
    () => (window as unknown as { __longTasks: number[] }).__longTasks,
  );
  return {
    seconds,
    count: tasks.length,
    totalMs: Math.round(tasks.reduce((a, b) => a + b, 0)),
    longestMs: Math.round(Math.max(0, ...tasks)),
    busyPct: Math.round(((after.busy - before.busy) / (after.at - before.at)) * 1000) / 10,
  };
}

/**
 * The floor for main-thread work while scanning: a page that only shows the same camera in a
 * full-screen video, decoding nothing. Served on the app's origin (a secure context, so the
 * camera opens) through page.route, as the baseline page is.
 */
export async function openPreviewOnly(page: Page): Promise<void> {
  await page.route('**/bench/preview-only.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><meta name="viewport" content="width=device-width">
<body style="margin:0;background:#000"><p id="status">starting</p>
<video autoplay muted playsinline style="width:100vw;height:100vh;object-fit:cover"></video>
<script>
navigator.mediaDevices
  .getUserMedia({ video: { facingMode: 'environment' } })
  .then((stream) => {
    const video = document.querySelector('video');
    video.srcObject = stream;
    return video.play();
  })
  .then(() => (document.getElementById('status').textContent = 'live'));
</script>`,
    }),
  );
  await page.goto('/bench/preview-only.html');
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'live');
}
