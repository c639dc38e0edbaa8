import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';

const require = createRequire(import.meta.url);
const NODE_MAJOR = Number(process.versions.node.split('.')[0]);

/**
 * The SQLite driver for this runtime. better-sqlite3 12 aborts the process on Node 24: Node 24's
 * node::ObjectWrap removes an environment cleanup hook in its destructor, which asserts when a
 * statement is collected (WiseLibs/better-sqlite3#1515). 13 is built on Node-API and is fine
 * there, but needs Node 22 and crashes on 20. So both are dependencies: 12, and 13 as the
 * optional `better-sqlite3-napi`, which npm installs only where its engines allow (22+). Where
 * it is installed it is used; Node 24 cannot do without it.
 */
function loadDriver(): typeof Database {
  if (NODE_MAJOR >= 22) {
    try {
      return require('better-sqlite3-napi') as typeof Database;
    } catch (error) {
      if (NODE_MAJOR >= 24) {
        throw new Error(
          `Node ${process.version} needs better-sqlite3 13 (better-sqlite3-napi), which is not installed: run npm install. (${(error as Error).message})`,
        );
      }
    }
  }
  return require('better-sqlite3') as typeof Database;
}

const Driver = loadDriver();

/**
 * The database handle. An interface rather than a type alias so that declaration emit (project
 * references need it) can name it without importing better-sqlite3 everywhere.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- see above
export interface Db extends Database.Database {}

/**
 * Opens (or creates) the database and brings its schema up to date. WAL lets readers run beside
 * the writer; `synchronous = NORMAL` in WAL mode never loses a committed transaction when the
 * process dies (kill -9), only on power loss, which a local server can accept.
 */
export function openDatabase(file: string): Db {
  const db = new Driver(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/** Applies each migration newer than `user_version`, each in its own transaction. */
export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  MIGRATIONS.forEach((sql, index) => {
    const version = index + 1;
    if (version <= current) return;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version}`);
    })();
  });
}

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * A prepared statement, compiled once per database and SQL text. Preparing on every call cost
 * a quarter of the CPU of a capture POST in a profile.
 */
export function statement(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt;
}
