import { defineConfig, devices } from '@playwright/test';
import { BASE_FLAGS, chromiumPathOrThrow } from './e2e/support/chromium';

/**
 * One worker: on two cores the decode loop can take a whole core, and parallel browsers would
 * turn timing-sensitive waits flaky (recipe pitfall 11). The local server is a fixture
 * (e2e/fixtures), started per worker with an empty data folder, so no webServer here.
 */
export default defineConfig({
  testDir: 'e2e/specs',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env['CI'],
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  outputDir: 'test-results/e2e',
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPathOrThrow(), args: BASE_FLAGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  // The session screens run on a phone and on a landscape tablet, as operators use them; the
  // scanning and fixture specs run once, on the default desktop viewport.
  projects: [
    { name: 'chromium', testIgnore: 'session/**' },
    { name: 'phone', testMatch: 'session/**', use: { ...devices['Pixel 7'] } },
    {
      name: 'tablet',
      testMatch: 'session/**',
      use: { ...devices['Galaxy Tab S4 landscape'] },
    },
  ],
});
