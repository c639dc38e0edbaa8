import type { Sql } from '../store/sql';
import type { WindowCounts, WindowSpec } from './rate-limiter';

/**
 * Takes one request from a window unless it is spent, in one statement: the row's lock makes it
 * atomic across instances, so the last request of a window is taken once. Answers the count
 * after it, or nothing when the window was already at its limit.
 */
const TAKE = `INSERT INTO rate_limit_windows (bucket, start, count) VALUES (?, ?, 1)
  ON CONFLICT (bucket) DO UPDATE SET
    count = CASE WHEN rate_limit_windows.start = excluded.start THEN rate_limit_windows.count + 1 ELSE 1 END,
    start = excluded.start
  WHERE rate_limit_windows.start <> excluded.start OR rate_limit_windows.count < ?
  RETURNING count`;

/**
 * Rate-limit windows in the database, shared by every instance on it. The windows are taken
 * shortest first, and the first spent one stops the rest.
 */
export function storedCounts(sql: Sql): WindowCounts {
  const current = async (w: WindowSpec) => {
    const row = await sql.get<{ start: number; count: number }>(
      'SELECT start, count FROM rate_limit_windows WHERE bucket = ?',
      [w.bucket],
    );
    return row && row.start === w.start ? row.count : 0;
  };
  return {
    async count(windows) {
      const counts: number[] = [];
      for (const w of windows) {
        const taken = await sql.get<{ count: number }>(TAKE, [w.bucket, w.start, w.limit]);
        if (!taken) {
          // Refused: the windows already taken give their request back, so a refused request
          // counts nowhere, and the headers show each window as it then stands.
          for (const before of windows.slice(0, counts.length))
            await sql.run(
              'UPDATE rate_limit_windows SET count = count - 1 WHERE bucket = ? AND start = ?',
              [before.bucket, before.start],
            );
          return { allowed: false, counts: await Promise.all(windows.map(current)) };
        }
        counts.push(taken.count);
      }
      return { allowed: true, counts };
    },
  };
}

/** Forgets windows that ended more than a day ago (client addresses come and go). */
export const purgeWindows = (sql: Sql, now: number): Promise<number> =>
  sql.run('DELETE FROM rate_limit_windows WHERE start < ?', [now - 2 * 86_400_000]);
