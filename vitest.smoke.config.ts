import { defineConfig } from 'vitest/config';

/**
 * The start smoke test, kept out of `npm run test:unit` (it builds the app, which the e2e run
 * covers on the machine's Node): CI runs it on each other Node major (scripts/ci-node-leg.sh).
 */
export default defineConfig({
  test: { name: 'smoke', environment: 'node', include: ['scripts/start.smoke.ts'] },
});
