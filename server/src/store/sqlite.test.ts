import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import type { Sql } from './sql';
import { sqliteSql } from './sqlite';

let sql: Sql;
beforeEach(async () => {
  sql = sqliteSql(openDatabase(':memory:'));
  await sql.run('CREATE TABLE t (n INTEGER)');
});
afterEach(() => sql.close());

const count = async () => (await sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM t'))?.n;
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('the SQLite adapter', () => {
  it('runs queries with ? placeholders and reports changed rows', async () => {
    expect(await sql.run('INSERT INTO t (n) VALUES (?), (?)', [1, 2])).toBe(2);
    expect(await sql.all<{ n: number }>('SELECT n FROM t ORDER BY n')).toEqual([
      { n: 1 },
      { n: 2 },
    ]);
    expect(await sql.get('SELECT n FROM t WHERE n = ?', [3])).toBeUndefined();
  });

  it('commits a transaction that resolves, and rolls back one that throws', async () => {
    await sql.transaction(() => sql.run('INSERT INTO t (n) VALUES (1)'));
    const failed = sql.transaction(async () => {
      await sql.run('INSERT INTO t (n) VALUES (2)');
      throw new Error('no');
    });
    await expect(failed).rejects.toThrow('no');
    expect(await count()).toBe(1);
  });

  it("keeps another request's write out of an open transaction, whatever the interleaving", async () => {
    let leave = () => {};
    const held = new Promise<void>((resolve) => (leave = resolve));
    const tx = sql.transaction(async () => {
      await sql.run('INSERT INTO t (n) VALUES (1)');
      await held;
      throw new Error('rolled back');
    });
    await tick();
    // Another context writes while the transaction waits: it must not land inside it.
    const outside = sql.run('INSERT INTO t (n) VALUES (2)');
    await tick();
    leave();
    await expect(tx).rejects.toThrow('rolled back');
    await outside;
    expect(await sql.all('SELECT n FROM t')).toEqual([{ n: 2 }]);
  });

  it('joins a transaction called inside another, and runs transactions one at a time', async () => {
    const order: string[] = [];
    const a = sql.transaction(async () => {
      await sql.transaction(() => sql.run('INSERT INTO t (n) VALUES (1)'));
      order.push('a');
      await tick();
      order.push('a done');
    });
    const b = sql.transaction(async () => {
      order.push('b');
      await sql.run('INSERT INTO t (n) VALUES (2)');
    });
    const c = sql.transaction(async () => {
      order.push('c');
      await sql.run('INSERT INTO t (n) VALUES (3)');
    });
    await Promise.all([a, b, c]);
    expect(order).toEqual(['a', 'a done', 'b', 'c']);
    expect(await count()).toBe(3);
  });

  it('makes a timer set inside a transaction wait like anyone else once it has committed', async () => {
    let fromTimer: Promise<number> = Promise.resolve(0);
    await sql.transaction(async () => {
      setTimeout(() => {
        fromTimer = sql.run('INSERT INTO t (n) VALUES (9)');
      }, 5);
      await sql.run('INSERT INTO t (n) VALUES (1)');
    });
    // A second transaction is open when the timer fires, and then rolls back.
    await expect(
      sql.transaction(async () => {
        await sql.run('INSERT INTO t (n) VALUES (2)');
        await new Promise((resolve) => setTimeout(resolve, 20));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await fromTimer;
    expect(await sql.all('SELECT n FROM t ORDER BY n')).toEqual([{ n: 1 }, { n: 9 }]);
  });
});
