import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import { iso } from '../clock';
import type { Sql } from '../store/sql';

export type JobKind = 'capture' | 'extraction';

export interface Job {
  id: number;
  kind: JobKind;
  target: string;
}

/**
 * How long a claimed job is this instance's without a sign of life: the runner renews it every
 * third of that, and every step checks it still holds it. A job of an instance that died waits
 * this long.
 */
export const LEASE_MS = 15_000;

/**
 * The pipeline's queue, in the database so that every instance shares it. A claim takes the
 * oldest job whose lease is free or has run out. On PostgreSQL, `FOR UPDATE SKIP LOCKED` lets
 * instances claim at once without waiting on each other or taking the same job; SQLite has one
 * writer at a time, so its claim is the same statement without it.
 */
export function jobQueue(sql: Sql, clock: Clock) {
  /** This process, as the owner of the leases it takes. */
  const owner = randomUUID();
  const skipLocked = sql.dialect === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
  return {
    owner,
    /** Adds a job unless one for the same target waits or runs. */
    async add(kind: JobKind, target: string): Promise<void> {
      await sql.run(
        `INSERT INTO jobs (kind, target, created) VALUES (?, ?, ?) ON CONFLICT (kind, target) DO NOTHING`,
        [kind, target, iso(clock)],
      );
    },
    claim: (): Promise<Job | undefined> =>
      sql.get<Job>(
        `UPDATE jobs SET owner = ?, lease_until = ?, attempts = attempts + 1
         WHERE id = (SELECT id FROM jobs WHERE lease_until IS NULL OR lease_until <= ?
                     ORDER BY id LIMIT 1 ${skipLocked})
         RETURNING id, kind, target`,
        [owner, clock.now() + LEASE_MS, clock.now()],
      ),
    /** Extends this instance's lease; false when the job is no longer its own. */
    renew: async (id: number): Promise<boolean> =>
      (await sql.run('UPDATE jobs SET lease_until = ? WHERE id = ? AND owner = ?', [
        clock.now() + LEASE_MS,
        id,
        owner,
      ])) === 1,
    /**
     * Whether the job is still this instance's, by a read: a step asks before it writes, and a
     * read costs no commit. The heartbeat is what keeps the lease alive.
     */
    holds: async (id: number): Promise<boolean> =>
      (await sql.get('SELECT 1 AS held FROM jobs WHERE id = ? AND owner = ? AND lease_until > ?', [
        id,
        owner,
        clock.now(),
      ])) !== undefined,
    done: (id: number) => sql.run('DELETE FROM jobs WHERE id = ? AND owner = ?', [id, owner]),
    /**
     * At start: a SQLite file has one server, so leases left in it are a dead process's and
     * free at once. On PostgreSQL another instance may hold them; they wait out their lease.
     */
    freeDeadLeases: async (): Promise<void> => {
      if (sql.dialect === 'sqlite')
        await sql.run('UPDATE jobs SET owner = NULL, lease_until = NULL WHERE owner <> ?', [owner]);
    },
    /** Frees this instance's leases when it stops cleanly, so another claims them at once. */
    release: () =>
      sql.run('UPDATE jobs SET owner = NULL, lease_until = NULL WHERE owner = ?', [owner]),
    /**
     * Jobs for work a database from before the queue left unfinished: captures not yet in a
     * final status, submitted sessions whose extraction had not ended.
     */
    backfill: () =>
      sql.transaction(async () => {
        const now = iso(clock);
        await sql.run(
          `INSERT INTO jobs (kind, target, created)
           SELECT 'capture', id, ? FROM captures
           WHERE status NOT IN ('COMPLETED', 'FAILED', 'NOT_FOUND') ORDER BY seq
           ON CONFLICT (kind, target) DO NOTHING`,
          [now],
        );
        await sql.run(
          `INSERT INTO jobs (kind, target, created)
           SELECT 'extraction', id, ? FROM sessions
           WHERE submitted_at IS NOT NULL AND extraction_status IN ('pending', 'processing')
           ON CONFLICT (kind, target) DO NOTHING`,
          [now],
        );
      }),
  };
}

export type JobQueue = ReturnType<typeof jobQueue>;
