import type { Metadata, PhotoType, ProductPhoto } from '#contract';
import type { Clock } from '../../clock';
import { iso } from '../../clock';
import { readMetadata } from '../../db/json';
import type { Sql } from '../../store/sql';
import { notFound } from '../../store/errors';
import { newId, toShortId } from '../../ids';

export interface PhotoRow {
  id: string;
  uuid: string;
  session_id: string;
  org_id: string;
  photo_type: PhotoType;
  s3_key: string;
  original_filename: string;
  sort_order: number;
  file_size: number | null;
  capture_id: string | null;
  metadata: string;
  created: string;
}

export function toPhoto(row: PhotoRow): ProductPhoto {
  return {
    id: row.id,
    photo_type: row.photo_type,
    s3_key: row.s3_key,
    original_filename: row.original_filename,
    sort_order: row.sort_order,
    created: row.created,
    metadata: readMetadata(row.metadata),
    file_size: row.file_size,
    capture_short_id: row.capture_id,
  };
}

export function photosRepository(sql: Sql, clock: Clock) {
  const repo = {
    async create(input: {
      sessionId: string;
      orgId: string;
      photoType: PhotoType;
      s3Key: string;
      originalFilename: string;
      fileSize: number | null;
      captureId: string | null;
      metadata: Metadata;
    }): Promise<PhotoRow> {
      const { id, uuid } = newId();
      // Appended at the end of the gallery (Part B 2.3).
      const next = (await sql.get<{ n: number }>(
        'SELECT COALESCE(MAX(sort_order) + 1, 0) AS n FROM product_photos WHERE session_id = ?',
        [input.sessionId],
      )) ?? { n: 0 };
      await sql.run(
        `INSERT INTO product_photos (id, uuid, session_id, org_id, photo_type, s3_key, original_filename, sort_order, file_size, capture_id, metadata, created)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          id,
          uuid,
          input.sessionId,
          input.orgId,
          input.photoType,
          input.s3Key,
          input.originalFilename,
          next.n,
          input.fileSize,
          input.captureId,
          JSON.stringify(input.metadata),
          iso(clock),
        ],
      );
      return repo.get(input.sessionId, id);
    },
    async get(sessionId: string, idOrUuid: string): Promise<PhotoRow> {
      const row = await sql.get<PhotoRow>(
        'SELECT * FROM product_photos WHERE id = ? AND session_id = ?',
        [toShortId(idOrUuid), sessionId],
      );
      if (!row) throw notFound('Photo');
      return row;
    },
    /** The photo registered for a stored object, if any: each object is one photo at most. */
    byKey: (s3Key: string) =>
      sql.get<PhotoRow>('SELECT * FROM product_photos WHERE s3_key = ?', [s3Key]),
    forSession: (sessionId: string) =>
      sql.all<PhotoRow>(
        'SELECT * FROM product_photos WHERE session_id = ? ORDER BY sort_order, created',
        [sessionId],
      ),
    async update(id: string, photoType: PhotoType, metadata: Metadata): Promise<void> {
      await sql.run('UPDATE product_photos SET photo_type = ?, metadata = ? WHERE id = ?', [
        photoType,
        JSON.stringify(metadata),
        id,
      ]);
    },
    reorder: (ids: string[]) =>
      sql.transaction(async () => {
        for (const [index, id] of ids.entries())
          await sql.run('UPDATE product_photos SET sort_order = ? WHERE id = ?', [index, id]);
      }),
  };
  return repo;
}

export type PhotosRepository = ReturnType<typeof photosRepository>;
