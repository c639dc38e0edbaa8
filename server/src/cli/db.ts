import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { exportRows, type ExportedRow, importRows } from '../store/transfer';
import { openForCli } from './open';

const USAGE = `Usage:
  npm run db -- export FILE.jsonl   every row of the configured database, one JSON line each
  npm run db -- import FILE.jsonl   into the configured database, which must be empty

The database is the one npm start uses: SQLite in SCANNER_DATA_DIR, or PostgreSQL when
SCANNER_DATABASE_URL is set. To move a store onto PostgreSQL: export with the variable unset,
then import with it set.`;

async function exportTo(file: string): Promise<number> {
  // Never over an earlier export: that file may be the only copy of a store.
  if (existsSync(file)) throw new Error(`${file} already exists; export to a new file.`);
  const { sql } = await openForCli();
  const out = createWriteStream(file, { flags: 'wx' });
  let count = 0;
  try {
    for await (const row of exportRows(sql)) {
      if (!out.write(`${JSON.stringify(row)}\n`)) await once(out, 'drain');
      count += 1;
    }
  } finally {
    out.end();
    await once(out, 'close');
    await sql.close();
  }
  return count;
}

async function* readRows(file: string): AsyncGenerator<ExportedRow> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n += 1;
    if (!line.trim()) continue;
    try {
      yield JSON.parse(line) as ExportedRow;
    } catch {
      throw new Error(`${file}:${n}: not a JSON line`);
    }
  }
}

async function importFrom(file: string): Promise<number> {
  const { sql } = await openForCli();
  try {
    return await importRows(sql, readRows(file));
  } finally {
    await sql.close();
  }
}

async function main([command, file]: string[]): Promise<number> {
  if ((command !== 'export' && command !== 'import') || !file) {
    console.error(USAGE);
    return 2;
  }
  try {
    const count = command === 'export' ? await exportTo(file) : await importFrom(file);
    console.log(`${command === 'export' ? 'Exported' : 'Imported'} ${count} rows (${file}).`);
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
}

process.exit(await main(process.argv.slice(2)));
