import { type Db, openDatabase, statement } from '../db/database';
import type { Sql } from './sql';
import { TransactionScope } from './transaction-scope';

/** Opens (or creates) the SQLite file, migrated, behind the adapter. */
export const openSqlite = (file: string): Sql => sqliteSql(openDatabase(file));

/**
 * Transactions one group commits at most: past this, the ones still waiting start the next
 * group, so that reads outside transactions (which wait for a group) are never put off for long.
 */
const MAX_GROUP = 64;

/** One transaction waiting for its turn in a group. */
interface Member {
  /** Runs its work in a savepoint; calls `turnDone` once its savepoint is released or undone. */
  start: (turnDone: () => void) => void;
  /** The group could not begin: the work never runs. */
  fail: (error: unknown) => void;
}

/** The open group: whose turn is next, and the commit they all wait for. */
interface Group {
  queue: Member[];
  size: number;
  accepting: boolean;
  committed: Promise<void>;
}

/**
 * The SQLite adapter, with group commit. better-sqlite3 is synchronous and holds one connection,
 * so transactions take turns: while one is open every other query waits for it (otherwise
 * another request's write, interleaved at an await, would land inside it and vanish with its
 * rollback). The transactions that queue up while one runs share its BEGIN … COMMIT, each in a
 * savepoint of its own: one that throws undoes only its own work, and each resolves only once
 * the group has committed, so nothing is acknowledged before it is in the file. Under load, a
 * page that ten captures dirty (the session's row, the jobs table, an index) is written to the
 * WAL once, not ten times: the commit was 57% of a capture's SQL time.
 */
export function sqliteSql(db: Db): Sql {
  const scope = new TransactionScope<Db>();
  const joined = () => scope.current() !== undefined;
  /** Resolves when the open group (if any) has committed or rolled back. */
  let open: Promise<void> | null = null;
  let group: Group | null = null;

  const params = (values: readonly unknown[] | undefined) => (values ?? []) as unknown[];
  /**
   * Runs `query` once no group is open, or inside the open transaction. The check and the query
   * happen in one synchronous step: with an await between them, a group could begin in the gap.
   */
  async function when<T>(query: () => T): Promise<T> {
    while (open && !joined()) await open;
    return query();
  }

  /** One member's savepoint, committed with its group: resolves with the work's result. */
  const member = <T>(work: () => Promise<T>, result: Promise<void>) =>
    new Promise<T>((resolve, reject) => {
      const m: Member = {
        start: (turnDone) => {
          scope
            .run(db, work, {
              begin: () => statement(db, 'SAVEPOINT member').run(),
              // Released into the group; the caller hears once the group is in the file.
              commit: () => {
                statement(db, 'RELEASE member').run();
                turnDone();
                return result;
              },
              rollback: () => {
                statement(db, 'ROLLBACK TO member').run();
                statement(db, 'RELEASE member').run();
              },
              end: turnDone,
            })
            .then(resolve, reject);
        },
        fail: reject,
      };
      if (!group) throw new Error('No open group to join');
      group.queue.push(m);
      group.size += 1;
    });

  /** Runs the group's members one after another, then commits them all (or none). */
  async function runGroup(g: Group, settle: { ok: () => void; failed: (e: unknown) => void }) {
    try {
      statement(db, 'BEGIN IMMEDIATE').run();
    } catch (error) {
      // Another process held the file past the busy timeout: nobody's work ran.
      g.accepting = false;
      for (const m of g.queue.splice(0)) m.fail(error);
      return;
    }
    for (;;) {
      for (let next = g.queue.shift(); next; next = g.queue.shift()) {
        const m = next;
        await new Promise<void>((turnDone) => m.start(turnDone));
        if (g.size >= MAX_GROUP) g.accepting = false;
      }
      // A member's work is synchronous SQLite behind promises: it ends before any other request
      // is read off the network. Committing at the end of this turn of the event loop lets the
      // requests that came in it join; then the queue is empty, or the group full.
      if (!g.accepting) break;
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (!g.queue.length) break;
    }
    g.accepting = false;
    try {
      statement(db, 'COMMIT').run();
      settle.ok();
    } catch (error) {
      if (db.inTransaction) statement(db, 'ROLLBACK').run();
      settle.failed(error);
    }
  }

  async function transaction<T>(work: () => Promise<T>): Promise<T> {
    if (joined()) return work();
    // Joins the open group while it takes members; else waits for it to commit, and starts one.
    while (open) {
      if (group?.accepting) return member(work, group.committed);
      await open;
    }
    let settle = { ok: () => {}, failed: (_e: unknown) => {} };
    const committed = new Promise<void>((ok, failed) => (settle = { ok, failed }));
    // Every member's caller awaits this; a failed commit is theirs to see, not an orphan.
    committed.catch(() => undefined);
    const g: Group = { queue: [], size: 0, accepting: true, committed };
    group = g;
    const result = member(work, committed);
    open = runGroup(g, settle).finally(() => {
      group = null;
      open = null;
    });
    return result;
  }

  return {
    dialect: 'sqlite',
    all: <T>(text: string, values?: readonly unknown[]) =>
      when(() => statement(db, text).all(...params(values)) as T[]),
    get: <T>(text: string, values?: readonly unknown[]) =>
      when(() => statement(db, text).get(...params(values)) as T | undefined),
    run: (text: string, values?: readonly unknown[]) =>
      when(() => statement(db, text).run(...params(values)).changes),
    transaction,
    afterCommit: (then) => scope.afterCommit(then),
    // One writer at a time already: an open transaction holds the whole file.
    lock: () => Promise.resolve(),
    close() {
      db.close();
      return Promise.resolve();
    },
  };
}
