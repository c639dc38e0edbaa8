import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL cluster from Debian's `postgresql` package, in a temp folder: no
 * port (a Unix socket in that folder), no fsync, gone when stopped. PostgreSQL refuses to run
 * as root, so as root (CI) the server runs as the package's `postgres` user.
 */
export interface Cluster {
  /** A connection URL for a database in this cluster. */
  url: (database: string) => string;
  stop: () => void;
}

/** Where Debian installs the server binaries (the newest version), or null. */
export function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : null;
}

/** The uid and gid to run the server as: ours, or the `postgres` user's when we are root. */
function runAs(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  return { uid: id('-u'), gid: id('-g') };
}

export function startCluster(): Cluster {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed: apt-get install postgresql');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'scanner-pg-'));
  const data = path.join(dir, 'data');
  const user = runAs();
  if (user) {
    chownSync(dir, user.uid, user.gid);
    chmodSync(dir, 0o700);
  }
  const run = (tool: string, args: string[]) => {
    const options: SpawnSyncOptions = { encoding: 'utf8', ...(user ?? {}) };
    const result = spawnSync(path.join(bin, tool), args, options);
    if (result.status !== 0)
      throw new Error(`${tool} failed: ${String(result.stderr) || String(result.stdout)}`);
  };
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    path.join(dir, 'log'),
    '-w',
    '-o',
    `-k ${dir} -c listen_addresses= -F -c max_connections=300`,
    'start',
  ]);
  return {
    url: (database) => `postgres://postgres@/${database}?host=${encodeURIComponent(dir)}`,
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Runs statements on one database of the cluster (CREATE DATABASE cannot run in a transaction). */
export async function admin(url: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}
