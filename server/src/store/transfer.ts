import type { Sql } from './sql';

/**
 * Every table, parents before children: the order an import must insert in for the foreign
 * keys to hold.
 */
export const TABLES = [
  'organizations',
  'api_keys',
  'products',
  'sessions',
  'captures',
  'uploads',
  'product_photos',
  'proposals',
  'redirect_rules',
  'idempotency_records',
  'product_overrides',
  'deleted_captures',
  'rate_limit_windows',
  'settings',
  'jobs',
] as const;

export type Table = (typeof TABLES)[number];

/** One exported row: the JSON-lines file holds one of these per line. */
export interface ExportedRow {
  table: Table;
  row: Record<string, unknown>;
}

/** The order rows were made in, where a table has one (so ids and order survive the move). */
const ORDER: Partial<Record<Table, { sqlite: string; postgres: string }>> = {
  captures: { sqlite: 'seq', postgres: 'seq' },
  proposals: { sqlite: 'rowid', postgres: 'seq' },
  jobs: { sqlite: 'id', postgres: 'id' },
};

/** The columns a table has in this database (the engines' schemas differ by a column or two). */
async function columnsOf(sql: Sql, table: Table): Promise<Set<string>> {
  const rows =
    sql.dialect === 'sqlite'
      ? await sql.all<{ name: string }>(`SELECT name FROM pragma_table_info('${table}')`)
      : await sql.all<{ name: string }>(
          `SELECT column_name AS name FROM information_schema.columns
           WHERE table_schema = current_schema() AND table_name = ?`,
          [table],
        );
  return new Set(rows.map((r) => r.name));
}

/** Every row of every table, in insertion order. */
export async function* exportRows(sql: Sql): AsyncGenerator<ExportedRow> {
  for (const table of TABLES) {
    const order = ORDER[table]?.[sql.dialect];
    const rows = await sql.all<Record<string, unknown>>(
      `SELECT * FROM ${table}${order ? ` ORDER BY ${order}` : ''}`,
    );
    for (const row of rows) yield { table, row };
  }
}

/**
 * Inserts exported rows into an empty database, in one transaction: all of them or none.
 * Columns the target does not have (PostgreSQL's proposal `seq`) are left out; identity
 * columns continue after the highest imported value.
 */
export async function importRows(sql: Sql, rows: AsyncIterable<ExportedRow>): Promise<number> {
  return sql.transaction(async () => {
    const existing = await sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM organizations');
    if (existing && existing.n > 0)
      throw new Error('The target database is not empty; import only into a new one.');
    // Triggers and defaults (a session's version, the presign secret) would otherwise differ.
    await sql.run('DELETE FROM settings');
    const columns = new Map<Table, Set<string>>();
    let count = 0;
    for await (const { table, row } of rows) {
      if (!TABLES.includes(table)) throw new Error(`Unknown table in the export: ${table}`);
      let known = columns.get(table);
      if (!known) {
        known = await columnsOf(sql, table);
        columns.set(table, known);
      }
      const names = Object.keys(row).filter((c) => known.has(c));
      await sql.run(
        `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
        names.map((n) => row[n]),
      );
      count += 1;
    }
    if (sql.dialect === 'postgres') {
      for (const [table, column] of [
        ['captures', 'seq'],
        ['proposals', 'seq'],
        ['jobs', 'id'],
      ] as const) {
        await sql.get(
          `SELECT setval(pg_get_serial_sequence('${table}', '${column}'),
                         GREATEST(COALESCE((SELECT MAX(${column}) FROM ${table}), 0), 1),
                         (SELECT COUNT(*) > 0 FROM ${table}))`,
        );
      }
    }
    return count;
  });
}
