import type {
  CaptureMode,
  ExtractionStatus,
  Metadata,
  SessionStatus,
  SessionSummary,
} from '#contract';
import type { Clock } from '../../clock';
import { iso } from '../../clock';
import { readMetadata } from '../../db/json';
import { conflict, notFound } from '../../store/errors';
import type { Sql } from '../../store/sql';
import { newId, toShortId } from '../../ids';

export interface SessionRow {
  id: string;
  uuid: string;
  org_id: string;
  status: SessionStatus;
  capture_mode: CaptureMode;
  extraction_status: ExtractionStatus;
  user_agent: string;
  device_context: string;
  metadata: string;
  created: string;
  modified: string;
  capture_count: number;
  photo_count: number;
  /** Bumped by the database on any change to what the status poll answers. */
  version: number;
}

const SELECT = `SELECT s.*,
  (SELECT COUNT(*) FROM captures c WHERE c.session_id = s.id) AS capture_count,
  (SELECT COUNT(*) FROM product_photos p WHERE p.session_id = s.id) AS photo_count
  FROM sessions s`;

export function toSessionSummary(row: SessionRow): SessionSummary {
  return {
    id: row.id,
    status: row.status,
    capture_mode: row.capture_mode,
    created: row.created,
    modified: row.modified,
    metadata: readMetadata(row.metadata),
    capture_count: row.capture_count,
    photo_count: row.photo_count,
  };
}

type ActiveSession = Omit<SessionRow, 'capture_count' | 'photo_count'>;

export function sessionsRepository(sql: Sql, clock: Clock) {
  const repo = {
    async create(input: {
      orgId: string;
      captureMode: CaptureMode;
      userAgent: string;
      deviceContext: Record<string, unknown>;
      metadata: Metadata;
    }): Promise<SessionRow> {
      const { id, uuid } = newId();
      const now = iso(clock);
      await sql.run(
        `INSERT INTO sessions (id, uuid, org_id, status, capture_mode, user_agent, device_context, metadata, created, modified)
         VALUES (?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?)`,
        [
          id,
          uuid,
          input.orgId,
          input.captureMode,
          input.userAgent,
          JSON.stringify(input.deviceContext),
          JSON.stringify(input.metadata),
          now,
          now,
        ],
      );
      return repo.get(input.orgId, id);
    },

    /** The session; NotFound when it does not exist or belongs to another organization. */
    async get(orgId: string, idOrUuid: string): Promise<SessionRow> {
      const row = await sql.get<SessionRow>(`${SELECT} WHERE s.id = ? AND s.org_id = ?`, [
        toShortId(idOrUuid),
        orgId,
      ]);
      if (!row) throw notFound('Session');
      return row;
    },

    /**
     * The session, which must be ACTIVE to accept a write (Conflict otherwise, Part A). Without
     * the counts: counting a large session's captures on every scan would make each POST O(n).
     */
    async getActive(orgId: string, idOrUuid: string): Promise<ActiveSession> {
      const row = await sql.get<ActiveSession>(
        'SELECT * FROM sessions WHERE id = ? AND org_id = ?',
        [toShortId(idOrUuid), orgId],
      );
      if (!row) throw notFound('Session');
      if (row.status !== 'ACTIVE') {
        throw conflict(`Session ${row.id} is ${row.status}; it no longer accepts changes.`);
      }
      return row;
    },

    async setMetadata(id: string, metadata: Metadata): Promise<void> {
      await sql.run('UPDATE sessions SET metadata = ? WHERE id = ?', [
        JSON.stringify(metadata),
        id,
      ]);
    },

    /** Marks activity, which is what the idle TTL is measured from. */
    async touch(id: string): Promise<void> {
      // The version moves in the same write (the trigger then has nothing left to do).
      await sql.run('UPDATE sessions SET modified = ?, version = version + 1 WHERE id = ?', [
        iso(clock),
        id,
      ]);
    },

    /** End (submitted = false) or submit: either way the session is COMPLETED. */
    async complete(id: string, submitted: boolean): Promise<void> {
      const now = iso(clock);
      await sql.run(
        `UPDATE sessions SET status = 'COMPLETED', modified = ?, submitted_at = CASE WHEN ? = 1 THEN ? ELSE submitted_at END WHERE id = ?`,
        [now, submitted ? 1 : 0, now, id],
      );
    },

    /** Submitted sessions whose extraction a restart interrupted. */
    extractionUnfinished: () =>
      sql.all<{ id: string }>(
        `SELECT id FROM sessions WHERE submitted_at IS NOT NULL AND extraction_status IN ('pending', 'processing')`,
      ),

    async setExtraction(id: string, status: ExtractionStatus): Promise<void> {
      await sql.run('UPDATE sessions SET extraction_status = ? WHERE id = ?', [status, id]);
    },

    /** The maintenance job: ACTIVE sessions idle past the TTL become EXPIRED. */
    expireIdle(ttlSeconds: number): Promise<number> {
      const cutoff = new Date(clock.now() - ttlSeconds * 1000).toISOString();
      return sql.run(
        `UPDATE sessions SET status = 'EXPIRED' WHERE status = 'ACTIVE' AND modified < ?`,
        [cutoff],
      );
    },
  };
  return repo;
}

export type SessionsRepository = ReturnType<typeof sessionsRepository>;
