import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/** The browser benchmarks (`npm run bench -- latency`): the e2e setup, other specs, no retries. */
export default defineConfig({
  ...base,
  testDir: 'e2e/bench',
  testMatch: '**/*.bench.ts',
  timeout: 300_000,
  reporter: [['list']],
  outputDir: 'test-results/bench',
  projects: [{ name: 'chromium' }],
});
