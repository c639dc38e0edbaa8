import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { admin } from '../test/postgres-cluster';
import { openPostgres } from './postgres';
import type { Sql } from './sql';

// Runs in the server-pg project only (vitest.config.ts), against the run's cluster.
const url = (db: string) => inject('postgresUrl').replace('{db}', db);
const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

let sql: Sql;
let name = '';
beforeEach(async () => {
  name = `p_${randomUUID().replaceAll('-', '')}`;
  await admin(url('postgres'), [`CREATE DATABASE ${name}`]);
  sql = await openPostgres(url(name), 4);
  await sql.run('CREATE TABLE t (n INTEGER)');
});
afterEach(() => sql.close());

// What every adapter promises is in sql-contract.test.ts; this is PostgreSQL's own.
describe('the PostgreSQL adapter', () => {
  it('makes transactions holding one lock take turns, and others not wait', async () => {
    const order: string[] = [];
    let aIn = () => {};
    const aHolds = new Promise<void>((resolve) => (aIn = resolve));
    let releaseA = () => {};
    const aMayGo = new Promise<void>((resolve) => (releaseA = resolve));
    const holder = (name: string, lock: string, until: Promise<void> = Promise.resolve()) =>
      sql.transaction(async () => {
        await sql.lock(lock);
        order.push(`${name} in`);
        if (name === 'a') aIn();
        await until;
        order.push(`${name} out`);
      });
    const a = holder('a', 'k', aMayGo);
    await aHolds;
    const b = holder('b', 'k');
    // Another lock is not held up by a: c comes and goes while a holds k.
    await holder('c', 'other');
    // b is queued behind a in the server, seen there rather than guessed by a timer.
    const waiting = async () =>
      (await sql.get<{ n: number }>(
        "SELECT COUNT(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted",
      ))!.n;
    while ((await waiting()) === 0) await tick();
    expect(order).toEqual(['a in', 'c in', 'c out']);
    releaseA();
    await Promise.all([a, b]);
    expect(order).toEqual(['a in', 'c in', 'c out', 'a out', 'b in', 'b out']);
  });

  it('carries on when the server drops its connections (a restart, a failover)', async () => {
    // Idle connections in the pool, and one in a transaction, all cut by the server.
    await Promise.all([1, 2, 3].map(() => sql.get('SELECT 1 AS one')));
    // The transaction waits, between its two writes, until the cut has happened: no timing.
    let inside = () => {};
    const started = new Promise<void>((resolve) => (inside = resolve));
    let cutDone = () => {};
    const afterCut = new Promise<void>((resolve) => (cutDone = resolve));
    const cut = sql
      .transaction(async () => {
        await sql.run('INSERT INTO t (n) VALUES (1)');
        inside();
        await afterCut;
        await sql.run('INSERT INTO t (n) VALUES (2)');
      })
      .then(
        () => null,
        (error: unknown) => error,
      );
    await started;
    await admin(url('postgres'), [
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`,
    ]);
    cutDone();
    expect(await cut).toBeInstanceOf(Error);
    // The pool drops the dead connections as it hears of them; a query may meet one first.
    // Nothing crashes, and within moments every query works again.
    let recovered = false;
    for (let i = 0; i < 50 && !recovered; i++) {
      recovered = await sql.get('SELECT 1 AS one').then(
        () => true,
        () => false,
      );
      if (!recovered) await tick();
    }
    expect(recovered).toBe(true);
    expect(await sql.get('SELECT COUNT(*) AS n FROM t')).toEqual({ n: 0 });
    await sql.transaction(() => sql.run('INSERT INTO t (n) VALUES (3)'));
    expect(await sql.all('SELECT n FROM t')).toEqual([{ n: 3 }]);
  });

  it('stops start-up on a database it cannot reach, with the password hidden', async () => {
    await expect(
      openPostgres('postgres://scanner:s3cret@127.0.0.1:1/none?connect_timeout=2'),
    ).rejects.toThrow(
      /Cannot use the database at postgres:\/\/scanner:\*\*\*@127\.0\.0\.1:1\/none/,
    );
    await expect(
      openPostgres('postgres://scanner:s3cret@127.0.0.1:1/none?connect_timeout=2'),
    ).rejects.not.toThrow(/s3cret/);
  });
});
