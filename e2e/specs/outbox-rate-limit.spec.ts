import { expect, test } from '../fixtures';
import { connectApp, createApiKey, installed, serverSession, startSession } from '../support/app';
import { eans, gtin14, outOfPlace, scanInOrder } from '../support/scanning';

// A server that allows 5 requests per 5 s: the queue meets its limit again and again.
test.use({ serverEnv: { SCANNER_RATE_LIMIT_PER_MINUTE: '5', SCANNER_RATE_LIMIT_WINDOW_S: '5' } });
test.setTimeout(180_000);

test.beforeEach(async ({ page, localServer, camera: _camera }) => {
  await connectApp(page, localServer);
  await installed(page);
});

test('30 scans all arrive, once, in order, with few capture POSTs spent on 429s', async ({
  page,
  context,
  camera,
  request,
  localServer,
}) => {
  const reader = createApiKey(localServer);
  const session = await startSession(page);
  const answers: number[] = [];
  await context.route('**/scanner/api/v1/captures', async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    const response = await route.fetch();
    answers.push(response.status());
    return route.fulfill({ response });
  });
  const codes = eans(30, '27');
  const started = Date.now();
  await scanInOrder(page, camera, codes);
  // The test's own key has the same limit: one read every 2 s stays well within it.
  await expect
    .poll(async () => (await serverSession(request, reader, session)).captures.length, {
      timeout: 150_000,
      intervals: [2_000],
    })
    .toBe(30);
  const drained = Date.now() - started;
  const gtins = (await serverSession(request, reader, session)).captures.map((c) => c.gtin);
  expect(new Set(gtins).size).toBe(30);
  expect(outOfPlace(gtins, codes.map(gtin14))).toBe(0);
  const limited = answers.filter((s) => s === 429).length;
  console.log(
    `30 scans at 5 requests per 5 s: ${answers.length} capture POSTs, ${limited} answered 429, all saved in ${drained} ms`,
  );
  expect(limited / answers.length).toBeLessThan(0.3);
});
