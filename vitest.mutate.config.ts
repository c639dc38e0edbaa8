import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * The tests one mutated module is judged by (scripts/mutate.ts sets MUTATE_TESTS): only those,
 * so each mutant runs in a second rather than under the whole suite.
 */
const tests = (process.env['MUTATE_TESTS'] ?? '').split(',').filter(Boolean);
const node = tests.filter((t) => !t.startsWith('src/'));
const dom = tests.filter((t) => t.startsWith('src/'));

export default defineConfig({
  test: {
    projects: [
      ...(node.length ? [{ test: { name: 'node', environment: 'node', include: node } }] : []),
      ...(dom.length
        ? [
            {
              plugins: [react()],
              test: {
                name: 'dom',
                environment: 'happy-dom',
                include: dom,
                setupFiles: ['src/test/setup.ts'],
              },
            },
          ]
        : []),
    ],
  },
});
