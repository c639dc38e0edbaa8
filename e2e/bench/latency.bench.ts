import { writeFileSync } from 'node:fs';
import { expect, test } from '../fixtures';
import { connectApp, startSession } from '../support/app';
import { measureBatch } from '../support/batch-bench';
import { openBaseline } from '../support/baseline';
import {
  measureAppearances,
  median,
  openPreviewOnly,
  watchMainThread,
  type Appearance,
} from '../support/latency';

// Run by `npm run bench -- latency` (bench/latency.ts), which sets these and reads the file.
const QUICK = process.env['BENCH_QUICK'] === '1';
const OUT = process.env['BENCH_OUT'] ?? 'test-results/bench-latency.json';

// The baseline page is served through page.route, which service workers would bypass.
test.use({ serviceWorkers: 'block' });

/** The median of a measure every appearance has, or null when some lack it. */
const medianOf = (values: (number | null)[]) => {
  const present = values.filter((v): v is number => v !== null);
  return present.length === values.length ? Math.round(median(present)) : null;
};

const summarise = (appearances: Appearance[]) => ({
  appearances: appearances.length,
  accepted_median_ms: Math.round(median(appearances.map((a) => a.acceptedMs))),
  accepted_max_ms: Math.round(Math.max(...appearances.map((a) => a.acceptedMs))),
  saved_median_ms: medianOf(appearances.map((a) => a.savedMs)),
  frame_median_ms: medianOf(appearances.map((a) => a.frameMs)),
  decode_median_ms: medianOf(appearances.map((a) => a.decodeMs)),
});

test('latency and long tasks: this app and @zxing/browser defaults on one camera', async ({
  page,
  context,
  camera,
  localServer,
}) => {
  const seconds = QUICK ? 5 : 30;
  test.setTimeout((seconds * 3 + 120) * 1000);

  await connectApp(page, localServer);
  await startSession(page);
  const app = await measureAppearances(page, camera, { saves: true });
  const appLongTasks = await watchMainThread(page, camera, seconds);

  await camera.clear();
  await openBaseline(page);
  const baseline = await measureAppearances(page, camera, { saves: false });
  const baselineLongTasks = await watchMainThread(page, camera, seconds);

  await camera.clear();
  await openPreviewOnly(page);
  const previewOnly = await watchMainThread(page, camera, seconds);

  // Batch mode on its own page, with a camera large enough for a shelf of twelve codes.
  const batch = await measureBatch(await context.newPage(), localServer, QUICK ? 3 : 10);

  expect(app.length).toBe(baseline.length);
  const result = {
    app: { ...summarise(app), long_tasks: appLongTasks, each: app },
    baseline: { ...summarise(baseline), long_tasks: baselineLongTasks },
    preview_only: { long_tasks: previewOnly },
    batch,
  };
  writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);
});
