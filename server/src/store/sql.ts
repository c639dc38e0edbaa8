/**
 * The one way the server's repositories reach a database, whichever engine is behind it: SQL
 * text with `?` placeholders, and a transaction that every query made inside it (however deep
 * in the call stack, through AsyncLocalStorage) joins. SQLite and PostgreSQL adapters implement
 * it; repositories are written once against it.
 */
export interface Sql {
  readonly dialect: 'sqlite' | 'postgres';
  /** Every row the query returns. */
  all<T>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** The first row, or undefined. */
  get<T>(text: string, params?: readonly unknown[]): Promise<T | undefined>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(text: string, params?: readonly unknown[]): Promise<number>;
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws.
   * Called inside another transaction, it joins that one.
   */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Inside a transaction: waits until no other transaction holds `name`, and holds it until
   * this one ends. Two instances writing the same Idempotency-Key take turns on it. (SQLite's
   * transactions already take turns on the whole file.)
   */
  lock(name: string): Promise<void>;
  /**
   * Runs `then` once the current transaction has committed (at once outside one; never if it
   * rolls back): work that must see the write, such as another instance's claim of a job.
   */
  afterCommit(then: () => void): void;
  close(): Promise<void>;
}

/** A value a row column may hold on both engines: booleans are stored as 0 and 1. */
export const flag = (value: boolean): number => (value ? 1 : 0);
