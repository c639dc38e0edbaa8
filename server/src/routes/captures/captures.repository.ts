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
import { readJson, readMetadata } from '../../db/json';
import { notFound } from '../../store/errors';
import type { Sql } from '../../store/sql';
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

/** The capture columns the pipeline and corrections may change. */
type CaptureChanges = Partial<
  Pick<
    CaptureRow,
    'status' | 'error_message' | 'product_id' | 'processed_at' | 'qr_analysis' | 'gtin'
  >
>;
const CHANGEABLE = new Set<string>([
  'status',
  'error_message',
  'product_id',
  'processed_at',
  'qr_analysis',
  'gtin',
]);

export function capturesRepository(sql: Sql, clock: Clock) {
  const byId = (id: string) => sql.get<CaptureRow>(`${SELECT} WHERE c.id = ?`, [id]);
  const repo = {
    async create(input: NewCapture): Promise<CaptureRow> {
      const { id, uuid } = newId();
      await sql.run(
        `INSERT INTO captures (id, uuid, session_id, org_id, status, capture_type, raw_value, gtin, metadata, gs1_dl_data, uploaded_image_key, created)
         VALUES (?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?)`,
        [
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
        ],
      );
      const row = await byId(id);
      if (!row) throw new Error(`Capture ${id} was not stored`);
      return row;
    },

    async get(orgId: string, idOrUuid: string): Promise<CaptureRow> {
      const row = await byId(toShortId(idOrUuid));
      if (!row || row.org_id !== orgId) throw notFound('Capture');
      return row;
    },

    /** For the pipeline, which works across organizations. */
    find: byId,

    forSession: (sessionId: string) =>
      sql.all<CaptureRow>(`${SELECT} WHERE c.session_id = ? ORDER BY c.seq`, [sessionId]),

    statusesForSession: (sessionId: string) =>
      sql.all<{ id: string; status: CaptureStatus; proposal_count: number }>(
        `SELECT c.id, c.status, (SELECT COUNT(*) FROM proposals p WHERE p.capture_id = c.id) AS proposal_count
         FROM captures c WHERE c.session_id = ? ORDER BY c.seq`,
        [sessionId],
      ),

    unfinished: () =>
      sql.all<{ id: string }>(
        `SELECT id FROM captures WHERE status NOT IN ('COMPLETED', 'FAILED', 'NOT_FOUND') ORDER BY seq`,
      ),

    async setMetadata(id: string, metadata: Metadata): Promise<void> {
      await sql.run('UPDATE captures SET metadata = ? WHERE id = ?', [
        JSON.stringify(metadata),
        id,
      ]);
    },

    /** Removes a capture and what hangs on it; a tombstone remembers it for a repeated DELETE. */
    remove: (row: Pick<CaptureRow, 'id' | 'org_id' | 'session_id'>): Promise<void> =>
      sql.transaction(async () => {
        await sql.run('DELETE FROM proposals WHERE capture_id = ?', [row.id]);
        await sql.run('UPDATE product_photos SET capture_id = NULL WHERE capture_id = ?', [row.id]);
        await sql.run('DELETE FROM captures WHERE id = ?', [row.id]);
        await sql.run(
          `INSERT INTO deleted_captures (id, org_id, session_id, deleted) VALUES (?, ?, ?, ?)
           ON CONFLICT DO NOTHING`,
          [row.id, row.org_id, row.session_id, iso(clock)],
        );
      }),

    /** Whether this organization removed this capture (a DELETE sent again). */
    wasRemoved: async (orgId: string, idOrUuid: string) =>
      (await sql.get('SELECT 1 FROM deleted_captures WHERE id = ? AND org_id = ?', [
        toShortId(idOrUuid),
        orgId,
      ])) !== undefined,

    async update(id: string, changes: CaptureChanges): Promise<void> {
      const entries = Object.entries(changes).filter(([k]) => CHANGEABLE.has(k));
      if (!entries.length) return;
      await sql.run(
        `UPDATE captures SET ${entries.map(([k]) => `${k} = ?`).join(', ')} WHERE id = ?`,
        [...entries.map(([, v]) => v), id],
      );
    },
  };
  return repo;
}

export type CapturesRepository = ReturnType<typeof capturesRepository>;
