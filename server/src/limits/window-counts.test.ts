import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sql } from '../store/sql';
import { freshStore } from '../test/harness';
import { memoryCounts, type WindowCounts } from './rate-limiter';
import { purgeWindows, storedCounts } from './window-counts';

let sql: Sql;
beforeEach(async () => {
  sql = await freshStore(mkdtempSync(path.join(os.tmpdir(), 'scanner-windows-')));
});
afterEach(() => sql.close());

const windows = (start: number, minute = 2, day = 3) => [
  { bucket: 'k:m', start, limit: minute },
  { bucket: 'k:d', start: 0, limit: day },
];

describe.each([
  ['in the database', () => storedCounts(sql)],
  ['in memory', () => memoryCounts()],
])('rate-limit windows %s', (_where, make: () => WindowCounts) => {
  it('takes requests until a window is spent, and refuses without counting then', async () => {
    const counts = make();
    expect(await counts.count(windows(0))).toEqual({ allowed: true, counts: [1, 1] });
    expect(await counts.count(windows(0))).toEqual({ allowed: true, counts: [2, 2] });
    expect(await counts.count(windows(0))).toEqual({ allowed: false, counts: [2, 2] });
    // A new minute: the minute's window starts again, the day's goes on to its limit.
    expect(await counts.count(windows(60_000))).toEqual({ allowed: true, counts: [1, 3] });
    expect(await counts.count(windows(60_000))).toEqual({ allowed: false, counts: [1, 3] });
  });

  it('takes the last request of a window once, however many ask at the same moment', async () => {
    const counts = make();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => counts.count(windows(0, 5, 100))),
    );
    expect(answers.filter((a) => a.allowed)).toHaveLength(5);
  });
});

it('forgets windows that ended long ago', async () => {
  const counts = storedCounts(sql);
  await counts.count(windows(0));
  expect(await purgeWindows(sql, 3 * 86_400_000)).toBe(2);
  expect(await sql.get('SELECT COUNT(*) AS n FROM rate_limit_windows')).toEqual({ n: 0 });
});
