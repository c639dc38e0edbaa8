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
beforeEach(async () => {
  const name = `p_${randomUUID().replaceAll('-', '')}`;
  await admin(url('postgres'), [`CREATE DATABASE ${name}`]);
  sql = await openPostgres(url(name), 4);
  await sql.run('CREATE TABLE t (n INTEGER)');
});
afterEach(() => sql.close());

// What every adapter promises is in sql-contract.test.ts; this is PostgreSQL's own.
describe('the PostgreSQL adapter', () => {
  it('makes transactions holding one lock take turns, and others not wait', async () => {
    const order: string[] = [];
    const holder = (name: string, lock: string, wait: number) =>
      sql.transaction(async () => {
        await sql.lock(lock);
        order.push(`${name} in`);
        await new Promise((resolve) => setTimeout(resolve, wait));
        order.push(`${name} out`);
      });
    const a = holder('a', 'k', 60);
    await tick();
    const b = holder('b', 'k', 0);
    const c = holder('c', 'other', 0);
    await Promise.all([a, b, c]);
    expect(order.indexOf('b in')).toBeGreaterThan(order.indexOf('a out'));
    expect(order.indexOf('c out')).toBeLessThan(order.indexOf('a out'));
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
