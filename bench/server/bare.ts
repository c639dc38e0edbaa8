import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import Fastify from 'fastify';

/**
 * The baseline for POST /captures: Fastify and one prepared SQLite INSERT, in WAL mode as the
 * server's store is, with no auth, validation, idempotency or pipeline. What is left is the
 * floor any capture write pays. Prints "listening <port>", and removes its file on SIGTERM.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'scanner-bare-'));
const db = new Database(path.join(dir, 'bare.db'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(
  'CREATE TABLE captures (id INTEGER PRIMARY KEY, session TEXT, raw_value TEXT, created TEXT)',
);
const insert = db.prepare('INSERT INTO captures (session, raw_value, created) VALUES (?, ?, ?)');

const app = Fastify();
app.post<{ Body: { session_short_id: string; raw_value: string } }>(
  '/captures',
  (request, reply) => {
    const { lastInsertRowid } = insert.run(
      request.body.session_short_id,
      request.body.raw_value,
      new Date().toISOString(),
    );
    return reply.code(201).send({ id: Number(lastInsertRowid) });
  },
);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);
process.once('SIGTERM', () => {
  void app.close().then(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
});
