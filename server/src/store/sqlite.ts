import { type Db, openDatabase, statement } from '../db/database';
import type { Sql } from './sql';
import { TransactionScope } from './transaction-scope';

/**
 * The SQLite adapter: better-sqlite3 is synchronous, so a query outside a transaction runs at
 * once. A transaction holds the one connection across awaits, so while it is open every other
 * query waits for it: otherwise another request's write, interleaved at an await, would land
 * inside it (and vanish with its rollback).
 */
/** Opens (or creates) the SQLite file, migrated, behind the adapter. */
export const openSqlite = (file: string): Sql => sqliteSql(openDatabase(file));

export function sqliteSql(db: Db): Sql {
  const scope = new TransactionScope<Db>();
  const joined = () => scope.current() !== undefined;
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
      open = new Promise<void>((resolve) => (release = resolve));
      return scope.run(db, work, {
        // Prepared once, like every other statement: exec would parse them on every write.
        begin: () => statement(db, 'BEGIN IMMEDIATE').run(),
        commit: () => statement(db, 'COMMIT').run(),
        rollback: () => db.inTransaction && statement(db, 'ROLLBACK').run(),
        end: () => {
          open = null;
          release();
        },
      });
    },
    afterCommit: (then) => scope.afterCommit(then),
    // One writer at a time already: an open transaction holds the whole file.
    lock: () => Promise.resolve(),
    close() {
      db.close();
      return Promise.resolve();
    },
  };
  return sql;
}
