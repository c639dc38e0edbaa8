import pg from 'pg';
import { POSTGRES_MIGRATIONS } from './postgres-migrations';
import { redactUrl } from './redact';
import type { Sql } from './sql';
import { TransactionScope } from './transaction-scope';

// COUNT(*) and BIGINT columns arrive as strings (they may pass 2^53); every count and sequence
// here stays far below that, and SQLite gives numbers, so both engines give the same rows.
pg.types.setTypeParser(pg.types.builtins.INT8, Number);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, Number);

/** Any number will do, as long as nothing else in the database uses it. */
const MIGRATION_LOCK = 7_262_735_001;

/** `?` placeholders to PostgreSQL's `$1, $2, …` (the SQL here has no `?` in its literals). */
function numbered(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

/** Brings the schema up to date; instances starting at once take turns on an advisory lock. */
export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)',
    );
    const { rows } = await client.query<{ v: number }>(
      'SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations',
    );
    const current = rows[0]?.v ?? 0;
    for (const [index, ddl] of POSTGRES_MIGRATIONS.entries()) {
      const version = index + 1;
      if (version <= current) continue;
      await client.query('BEGIN');
      try {
        await client.query(ddl);
        await client.query('INSERT INTO schema_migrations (version, applied) VALUES ($1, $2)', [
          version,
          new Date().toISOString(),
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

/**
 * Connects, migrates and returns the adapter. A bad URL or a database that cannot be reached
 * fails here, at start-up, with the URL's password hidden.
 */
export async function openPostgres(url: string, poolSize = 10): Promise<Sql> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection the server dropped (a restart, a failover) is an 'error' event on the
  // pool, which would end the process unheard: the pool replaces it, the next query reconnects.
  pool.on('error', () => undefined);
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(`Cannot use the database at ${redactUrl(url)}: ${(error as Error).message}`);
  }
  return postgresSql(pool);
}

/**
 * The PostgreSQL adapter over a pool. A transaction keeps one pooled connection; queries made
 * inside it (through AsyncLocalStorage, however deep) run on that connection, and all others
 * on the pool. Each SQL text is a named prepared statement, parsed once per connection.
 */
export function postgresSql(pool: pg.Pool): Sql {
  const scope = new TransactionScope<pg.PoolClient>();
  const names = new Map<string, { name: string; text: string }>();
  const prepared = (text: string) => {
    let found = names.get(text);
    if (!found) {
      found = { name: `q${names.size}`, text: numbered(text) };
      names.set(text, found);
    }
    return found;
  };
  const query = async <T extends pg.QueryResultRow>(text: string, values?: readonly unknown[]) =>
    (scope.current() ?? pool).query<T>({ ...prepared(text), values: [...(values ?? [])] });

  return {
    dialect: 'postgres',
    all: async <T>(text: string, values?: readonly unknown[]) =>
      (await query(text, values)).rows as T[],
    get: async <T>(text: string, values?: readonly unknown[]) =>
      (await query(text, values)).rows[0] as T | undefined,
    run: async (text: string, values?: readonly unknown[]) =>
      (await query(text, values)).rowCount ?? 0,
    async transaction<T>(work: () => Promise<T>): Promise<T> {
      if (scope.current()) return work();
      const client = await pool.connect();
      // A connection that failed at BEGIN, COMMIT or ROLLBACK is closed, not handed to the
      // next request; one whose work merely threw (a 409, say) is rolled back and reused.
      let broken = false;
      // Cut while checked out (between our queries): the next query fails, and says so.
      const cut = () => (broken = true);
      client.on('error', cut);
      const control = (statement: string) =>
        client.query(statement).catch((error: unknown) => {
          broken = true;
          throw error;
        });
      return scope.run(client, work, {
        begin: () => control('BEGIN'),
        commit: () => control('COMMIT'),
        rollback: () => control('ROLLBACK').catch(() => undefined),
        end: () => {
          client.off('error', cut);
          client.release(broken);
        },
      });
    },
    afterCommit: (then) => scope.afterCommit(then),
    async lock(name: string) {
      const client = scope.current();
      if (!client) throw new Error('lock() is only meaningful inside a transaction');
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [name]);
    },
    close: () => pool.end(),
  };
}
