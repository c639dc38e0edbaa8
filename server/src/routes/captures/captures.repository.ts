import type {
  Capture,
  CaptureStatus,
  CaptureType,
  Gs1AiData,
  Metadata,
  QrAnalysis,
} from '#contract';
import type { Clock } from '../../clock';
import { iso } from '../../clock';
import { type Db, statement } from '../../db/database';
import { readJson, readMetadata } from '../../db/json';
import { notFound } from '../../http/errors';
import { newId, toShortId } from '../../ids';

export interface CaptureRow {
  seq: number;
  id: string;
  uuid: string;
  session_id: string;
  org_id: string;
  status: CaptureStatus;
  capture_type: CaptureType;
  raw_value: string;
  gtin: string;
  error_message: string;
  metadata: string;
  gs1_dl_data: string;
  product_id: string | null;
  product_name: string | null;
  processed_at: string | null;
  uploaded_image_key: string | null;
  qr_analysis: string | null;
  created: string;
}

// The product's name as the capture's organization sees it (its own override, if any).
const SELECT = `SELECT c.*, COALESCE(o.value, p.name) AS product_name FROM captures c
  LEFT JOIN products p ON p.id = c.product_id
  LEFT JOIN product_overrides o ON o.org_id = c.org_id AND o.product_id = c.product_id AND o.field_name = 'name'`;

export function toCapture(row: CaptureRow): Capture {
  return {
    id: row.id,
    status: row.status,
    capture_type: row.capture_type,
    raw_value: row.raw_value,
    gtin: row.gtin,
    error_message: row.error_message,
    created: row.created,
    metadata: readMetadata(row.metadata),
    gs1_dl_data: readJson<Gs1AiData>(row.gs1_dl_data),
    product_short_id: row.product_id,
    product_name: row.product_name,
    processed_at: row.processed_at,
    uploaded_image_key: row.uploaded_image_key,
    // Stryker disable next-line ConditionalExpression: JSON.parse(null) is null as well.
    qr_analysis: row.qr_analysis === null ? null : readJson<QrAnalysis>(row.qr_analysis),
  };
}

export interface NewCapture {
  sessionId: string;
  orgId: string;
  captureType: CaptureType;
  rawValue: string;
  gtin: string;
  metadata: Metadata;
  gs1DlData: Gs1AiData;
  uploadedImageKey?: string | null;
}

export function capturesRepository(db: Db, clock: Clock) {
  const byId = statement(db, `${SELECT} WHERE c.id = ?`);
  const repo = {
    create(input: NewCapture): CaptureRow {
      const { id, uuid } = newId();
      statement(
        db,
        `INSERT INTO captures (id, uuid, session_id, org_id, status, capture_type, raw_value, gtin, metadata, gs1_dl_data, uploaded_image_key, created)
         VALUES (?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        uuid,
        input.sessionId,
        input.orgId,
        input.captureType,
        input.rawValue,
        input.gtin,
        JSON.stringify(input.metadata),
        JSON.stringify(input.gs1DlData),
        input.uploadedImageKey ?? null,
        iso(clock),
      );
      return byId.get(id) as CaptureRow;
    },

    get(orgId: string, idOrUuid: string): CaptureRow {
      const row = byId.get(toShortId(idOrUuid)) as CaptureRow | undefined;
      if (!row || row.org_id !== orgId) throw notFound('Capture');
      return row;
    },

    /** For the pipeline, which works across organizations. */
    find: (id: string) => byId.get(id) as CaptureRow | undefined,

    forSession: (sessionId: string) =>
      statement(db, `${SELECT} WHERE c.session_id = ? ORDER BY c.seq`).all(
        sessionId,
      ) as CaptureRow[],

    statusesForSession: (sessionId: string) =>
      db
        .prepare(
          `SELECT c.id, c.status, (SELECT COUNT(*) FROM proposals p WHERE p.capture_id = c.id) AS proposal_count
           FROM captures c WHERE c.session_id = ? ORDER BY c.seq`,
        )
        .all(sessionId) as { id: string; status: CaptureStatus; proposal_count: number }[],

    unfinished: () =>
      db
        .prepare(
          `SELECT id FROM captures WHERE status NOT IN ('COMPLETED', 'FAILED', 'NOT_FOUND') ORDER BY seq`,
        )
        .all() as { id: string }[],

    setMetadata: (id: string, metadata: Metadata) =>
      statement(db, `UPDATE captures SET metadata = ? WHERE id = ?`).run(
        JSON.stringify(metadata),
        id,
      ),

    /** Removes a capture and what hangs on it; a tombstone remembers it for a repeated DELETE. */
    remove(row: Pick<CaptureRow, 'id' | 'org_id' | 'session_id'>): void {
      statement(db, `DELETE FROM proposals WHERE capture_id = ?`).run(row.id);
      statement(db, `UPDATE product_photos SET capture_id = NULL WHERE capture_id = ?`).run(row.id);
      statement(db, `DELETE FROM captures WHERE id = ?`).run(row.id);
      statement(
        db,
        `INSERT OR IGNORE INTO deleted_captures (id, org_id, session_id, deleted) VALUES (?, ?, ?, ?)`,
      ).run(row.id, row.org_id, row.session_id, iso(clock));
    },

    /** Whether this organization removed this capture (a DELETE sent again). */
    wasRemoved: (orgId: string, idOrUuid: string) =>
      statement(db, `SELECT 1 FROM deleted_captures WHERE id = ? AND org_id = ?`).get(
        toShortId(idOrUuid),
        orgId,
      ) !== undefined,

    update(
      id: string,
      changes: Partial<
        Pick<
          CaptureRow,
          'status' | 'error_message' | 'product_id' | 'processed_at' | 'qr_analysis' | 'gtin'
        >
      >,
    ): void {
      const entries = Object.entries(changes);
      if (!entries.length) return;
      statement(
        db,
        `UPDATE captures SET ${entries.map(([k]) => `${k} = @${k}`).join(', ')} WHERE id = @id`,
      ).run({ ...changes, id });
    },
  };
  return repo;
}

export type CapturesRepository = ReturnType<typeof capturesRepository>;
