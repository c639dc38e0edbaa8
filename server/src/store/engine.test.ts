import { afterEach, expect, it } from 'vitest';
import { createTestApp, testEngine, type TestApp } from '../test/harness';

let t: TestApp | undefined;
afterEach(() => t?.close());

// The server suite runs twice (vitest.config.ts): a mix-up here would test one engine twice.
it('gives the test apps the engine the project names', async () => {
  t = await createTestApp();
  expect(t.sql.dialect).toBe(testEngine);
  const row = await t.sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM products');
  expect(row?.n).toBeGreaterThan(0);
});
