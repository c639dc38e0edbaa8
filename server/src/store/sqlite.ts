import { AsyncLocalStorage } from 'node:async_hooks';
import { type Db, openDatabase, statement } from '../db/database';
import type { Sql } from './sql';

/**
 * The SQLite adapter: better-sqlite3 is synchronous, so a query outside a transaction runs at
 * once. A transaction holds the one connection across awaits, so while it is open every other
 * query waits for it: otherwise another request's write, interleaved at an await, would land
 * inside it (and vanish with its rollback).
 */
/** Opens (or creates) the SQLite file, migrated, behind the adapter. */
export const openSqlite = (file: string): Sql => sqliteSql(openDatabase(file));

export function sqliteSql(db: Db): Sql {
  /**
   * The transaction this async context runs in. Its `live` flag matters: a timer set inside a
   * transaction keeps the context after the commit, and must then wait like anyone else.
   */
  const inside = new AsyncLocalStorage<{ live: boolean; committed: (() => void)[] }>();
  const joined = () => inside.getStore()?.live === true;
  /** Resolves when the open transaction (if any) has finished; a chain, so they take turns. */
  let open: Promise<void> | null = null;

  const params = (values: readonly unknown[] | undefined) => (values ?? []) as unknown[];
  /**
   * Runs `query` once no other context's transaction is open. The check and the query happen
   * in one synchronous step: with an await between them, a transaction could begin in the gap.
   */
  async function when<T>(query: () => T): Promise<T> {
    while (open && !joined()) await open;
    return query();
  }

  const sql: Sql = {
    dialect: 'sqlite',
    all: <T>(text: string, values?: readonly unknown[]) =>
      when(() => statement(db, text).all(...params(values)) as T[]),
    get: <T>(text: string, values?: readonly unknown[]) =>
      when(() => statement(db, text).get(...params(values)) as T | undefined),
    run: (text: string, values?: readonly unknown[]) =>
      when(() => statement(db, text).run(...params(values)).changes),
    async transaction<T>(work: () => Promise<T>): Promise<T> {
      if (joined()) return work();
      while (open) await open;
      let release = () => {};
      let committed: (() => void)[] = [];
      open = new Promise<void>((resolve) => (release = resolve));
      const tx = { live: true, committed: [] as (() => void)[] };
      try {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await inside.run(tx, work);
          db.exec('COMMIT');
          committed = tx.committed;
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      } finally {
        tx.live = false;
        open = null;
        release();
        for (const then of committed) then();
      }
    },
    afterCommit(then) {
      const tx = inside.getStore();
      if (tx?.live) tx.committed.push(then);
      else then();
    },
    // One writer at a time already: an open transaction holds the whole file.
    lock: () => Promise.resolve(),
    close() {
      db.close();
      return Promise.resolve();
    },
  };
  return sql;
}
