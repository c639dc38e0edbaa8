import { expect, test } from '../../fixtures';
import { connectApp, createApiKey, serverGtins, startSession, typeCode } from '../../support/app';

// A tight limit in a short window: the app meets real 429s within seconds, and they end
// within seconds too.
test.use({ serverEnv: { SCANNER_RATE_LIMIT_PER_MINUTE: '6', SCANNER_RATE_LIMIT_WINDOW_S: '4' } });

test('a 429 is shown as slowing down, waited out, and nothing is lost', async ({
  page,
  request,
  localServer,
  camera: _camera,
}) => {
  await connectApp(page, localServer);
  const session = await startSession(page);
  const codes = [
    '4006381333931',
    '9780201379624',
    '5012345678900',
    '0036000291452',
    '9506000134352',
  ];
  for (const code of codes) await typeCode(page, code);
  await expect(page.getByText(/Slowing down/)).toBeVisible();
  // Every scan arrives once the window reopens, and the banner goes. The test reads with its
  // own key, so its requests do not count against the app's; once a second, since that key has
  // the same 6 per 4 s (Playwright's first polls, 4 in a second, met a 429 in CI).
  const reader = createApiKey(localServer);
  await expect
    .poll(() => serverGtins(request, reader, session), { timeout: 30_000, intervals: [1_000] })
    .toHaveLength(codes.length);
  await expect(page.getByTestId('server-count')).toHaveText(String(codes.length), {
    timeout: 30_000,
  });
  await expect(page.getByText(/Slowing down/)).toBeHidden({ timeout: 15_000 });
});
