import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  test: {
    // The JSON report feeds CI's closing "N passed, N failed" line (scripts/summarise-results.mjs).
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'contract/**/*.test.ts',
            'server/**/*.test.ts',
            'scripts/**/*.test.ts',
            'bench/**/*.test.ts',
          ],
          exclude: ['**/node_modules/**', 'server/src/store/postgres.test.ts'],
        },
      },
      {
        // The server's suite again on PostgreSQL: a throwaway cluster for the run, a fresh
        // database per test app. Tests of things no database touches run once, above.
        test: {
          name: 'server-pg',
          environment: 'node',
          include: [
            'server/src/*.test.ts',
            'server/src/{auth,limits,pipeline,routes,store}/**/*.test.ts',
            'server/src/http/access.test.ts',
            'server/src/http/hygiene.test.ts',
          ],
          exclude: [
            '**/node_modules/**',
            // These start the server as a process, on SQLite: a PostgreSQL run is its own test.
            'server/src/process.test.ts',
            'server/src/crash.test.ts',
            'server/src/env.test.ts',
            'server/src/app.test.ts',
          ],
          env: { SCANNER_TEST_DB: 'postgres' },
          globalSetup: ['server/src/test/postgres-setup.ts'],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['src/test/setup.ts'],
        },
      },
    ],
  },
});
