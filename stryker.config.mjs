// @ts-check
/**
 * Mutation testing of the modules whose logic decides whether a scan is saved, lost or
 * duplicated (`npm run mutate`). Each mutant runs only the tests that cover it (Stryker's
 * per-test coverage with Vitest's related tests), so the whole run stays within minutes.
 * Stryker 9.6: 10 needs Node 22, and this project supports Node 20.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.config.ts', related: true },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/features/scanner/guards/scan-gate.ts',
    'src/lib/gs1/identify.ts',
    'contract/gtin.ts',
    'contract/metadata.ts',
    'server/src/limits/idempotency.ts',
    'server/src/limits/canonical-json.ts',
    'server/src/limits/rate-limiter.ts',
    'server/src/http/json-body.ts',
    'src/features/outbox/durable-outbox.ts',
    'src/features/outbox/delivery-policy.ts',
    'src/features/outbox/send-until-delivered.ts',
    'src/features/session/poll-policy.ts',
  ],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false },
  thresholds: { high: 95, low: 90, break: 90 },
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
};
