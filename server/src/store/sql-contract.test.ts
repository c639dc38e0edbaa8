import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshStore, testEngine } from '../test/harness';
import { openDatabase } from '../db/database';
import type { Sql } from './sql';

/**
 * What every adapter promises the repositories (sql.ts), run on SQLite here and on PostgreSQL
 * in the server-pg project.
 */
let sql: Sql;
let dataDir: string;
beforeEach(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'scanner-sql-'));
  sql = await freshStore(dataDir);
  await sql.run('CREATE TABLE t (n INTEGER)');
});
afterEach(() => sql.close());

const count = async () => (await sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM t'))?.n;
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe(`the ${testEngine} adapter`, () => {
  it('takes ? placeholders, gives counts as numbers, and reports changed rows', async () => {
    expect(sql.dialect).toBe(testEngine);
    expect(await sql.run('INSERT INTO t (n) VALUES (?), (?)', [1, 2])).toBe(2);
    expect(await sql.all('SELECT n FROM t ORDER BY n')).toEqual([{ n: 1 }, { n: 2 }]);
    expect(await sql.get('SELECT COUNT(*) AS n FROM t WHERE n > ?', [0])).toEqual({ n: 2 });
    expect(await sql.get('SELECT n FROM t WHERE n = ?', [3])).toBeUndefined();
  });

  it('commits a transaction that resolves, and rolls back one that throws', async () => {
    await sql.transaction(() => sql.run('INSERT INTO t (n) VALUES (1)'));
    await expect(
      sql.transaction(async () => {
        await sql.run('INSERT INTO t (n) VALUES (2)');
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(await count()).toBe(1);
  });

  it("keeps another request's write out of an open transaction", async () => {
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

  it('joins a transaction called inside another: one commit, or one rollback of both', async () => {
    await expect(
      sql.transaction(async () => {
        await sql.transaction(() => sql.run('INSERT INTO t (n) VALUES (1)'));
        throw new Error('outer fails');
      }),
    ).rejects.toThrow('outer fails');
    expect(await count()).toBe(0);
  });

  it('runs afterCommit work once the transaction commits, and never for a rollback', async () => {
    const seen: string[] = [];
    await sql.transaction(async () => {
      await sql.run('INSERT INTO t (n) VALUES (1)');
      sql.afterCommit(() => seen.push(`committed, ${String(seen.length)} before`));
      seen.push('still inside');
    });
    await expect(
      sql.transaction(async () => {
        sql.afterCommit(() => seen.push('rolled back: never'));
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    sql.afterCommit(() => seen.push('outside: at once'));
    expect(seen).toEqual(['still inside', 'committed, 1 before', 'outside: at once']);
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
        await new Promise((resolve) => setTimeout(resolve, 30));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await fromTimer;
    expect(await sql.all('SELECT n FROM t ORDER BY n')).toEqual([{ n: 1 }, { n: 9 }]);
  });
});

describe.skipIf(testEngine !== 'sqlite')('the SQLite adapter, one connection', () => {
  it('runs transactions one at a time, in the order they began', async () => {
    const order: string[] = [];
    const a = sql.transaction(async () => {
      order.push('a');
      await tick();
      order.push('a done');
    });
    const b = sql.transaction(async () => {
      order.push('b');
      await sql.run('INSERT INTO t (n) VALUES (2)');
    });
    await Promise.all([a, b]);
    expect(order).toEqual(['a', 'a done', 'b']);
  });

  it('commits the transactions that queue up together at once, each told only once it is in the file', async () => {
    // Another connection to the file sees only what is committed.
    const file = openDatabase(path.join(dataDir, 'scanner.db'));
    const inFile = () => file.prepare('SELECT n FROM t ORDER BY n').all();
    const insert = (n: number, fail = false) =>
      sql.transaction(async () => {
        await sql.run('INSERT INTO t (n) VALUES (?)', [n]);
        if (fail) throw new Error(`${n} fails`);
      });
    const [a, b, c] = await Promise.allSettled([
      insert(1).then(inFile),
      insert(2, true),
      insert(3).then(inFile),
    ]);
    file.close();
    // The first is told when the third is in the file too: one commit. The second undid only
    // its own insert.
    expect(a).toEqual({ status: 'fulfilled', value: [{ n: 1 }, { n: 3 }] });
    expect(b).toMatchObject({ status: 'rejected', reason: { message: '2 fails' } });
    expect(c).toEqual({ status: 'fulfilled', value: [{ n: 1 }, { n: 3 }] });
  });

  it('keeps out of the group a timer that a finished transaction set, while the group is still open', async () => {
    let fromTimer: Promise<number> = Promise.resolve(0);
    const a = sql.transaction(async () => {
      setTimeout(() => {
        fromTimer = sql.run('INSERT INTO t (n) VALUES (9)');
      }, 5);
      await sql.run('INSERT INTO t (n) VALUES (1)');
    });
    // Joins a's group, and is still at work when a's timer fires; then it rolls back.
    const b = sql.transaction(async () => {
      await sql.run('INSERT INTO t (n) VALUES (2)');
      await new Promise((resolve) => setTimeout(resolve, 30));
      throw new Error('b fails');
    });
    const bFails = expect(b).rejects.toThrow('b fails');
    await a;
    await bFails;
    await fromTimer;
    expect(await sql.all('SELECT n FROM t ORDER BY n')).toEqual([{ n: 1 }, { n: 9 }]);
  });

  it('fails every transaction of a group whose commit fails, and runs none of their afterCommit work', async () => {
    await sql.run('CREATE TABLE parent (id INTEGER PRIMARY KEY)');
    // Checked at the commit, not at the statement: the group's COMMIT is what fails.
    await sql.run(
      'CREATE TABLE child (parent INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)',
    );
    const done: string[] = [];
    const write = (name: string, text: string) =>
      sql.transaction(async () => {
        await sql.run(text);
        sql.afterCommit(() => done.push(name));
      });
    const results = await Promise.allSettled([
      write('parent', 'INSERT INTO parent (id) VALUES (1)'),
      write('orphan', 'INSERT INTO child (parent) VALUES (9)'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(done).toEqual([]);
    expect(await sql.get('SELECT COUNT(*) AS n FROM parent')).toEqual({ n: 0 });
    // The next group starts afresh.
    await write('again', 'INSERT INTO parent (id) VALUES (2)');
    expect(done).toEqual(['again']);
  });
});
