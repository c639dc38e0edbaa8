import type { Metadata, PhotoType, ProductPhoto } from '#contract';
import type { Clock } from '../../clock';
import { iso } from '../../clock';
import { type Db, statement } from '../../db/database';
import { readMetadata } from '../../db/json';
import { notFound } from '../../http/errors';
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

export function photosRepository(db: Db, clock: Clock) {
  const repo = {
    create(input: {
      sessionId: string;
      orgId: string;
      photoType: PhotoType;
      s3Key: string;
      originalFilename: string;
      fileSize: number | null;
      captureId: string | null;
      metadata: Metadata;
    }): PhotoRow {
      const { id, uuid } = newId();
      // Appended at the end of the gallery (Part B 2.3).
      const next = db
        .prepare(
          'SELECT COALESCE(MAX(sort_order) + 1, 0) AS n FROM product_photos WHERE session_id = ?',
        )
        .get(input.sessionId) as { n: number };
      statement(
        db,
        `INSERT INTO product_photos (id, uuid, session_id, org_id, photo_type, s3_key, original_filename, sort_order, file_size, capture_id, metadata, created)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
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
      );
      return repo.get(input.sessionId, id);
    },
    get(sessionId: string, idOrUuid: string): PhotoRow {
      const row = db
        .prepare('SELECT * FROM product_photos WHERE id = ? AND session_id = ?')
        .get(toShortId(idOrUuid), sessionId) as PhotoRow | undefined;
      if (!row) throw notFound('Photo');
      return row;
    },
    /** The photo registered for a stored object, if any: each object is one photo at most. */
    byKey: (s3Key: string) =>
      statement(db, 'SELECT * FROM product_photos WHERE s3_key = ?').get(s3Key) as
        PhotoRow | undefined,
    forSession: (sessionId: string) =>
      db
        .prepare('SELECT * FROM product_photos WHERE session_id = ? ORDER BY sort_order, created')
        .all(sessionId) as PhotoRow[],
    update(id: string, photoType: PhotoType, metadata: Metadata): void {
      statement(db, 'UPDATE product_photos SET photo_type = ?, metadata = ? WHERE id = ?').run(
        photoType,
        JSON.stringify(metadata),
        id,
      );
    },
    reorder(ids: string[]): void {
      const update = statement(db, 'UPDATE product_photos SET sort_order = ? WHERE id = ?');
      db.transaction(() => ids.forEach((id, index) => update.run(index, id)))();
    },
  };
  return repo;
}

export type PhotosRepository = ReturnType<typeof photosRepository>;
