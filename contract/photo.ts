import { z } from 'zod/mini';
import { PhotoType } from './enums';
import { ShortId } from './ids';
import { MetadataPatchSchema, MetadataSchema } from './metadata';
import { boundedText, DateTime } from './text';

/** Part A: the upload limits, shared so the client can refuse before it uploads. */
export const PHOTO_UPLOAD_LIMITS = {
  maxBytes: 15 * 1024 * 1024,
  mimeTypes: ['image/jpeg', 'image/png', 'image/webp'],
} as const;

export const ProductPhoto = z.object({
  id: ShortId,
  photo_type: PhotoType,
  s3_key: z.string(),
  original_filename: z.string(),
  sort_order: z.int(),
  created: DateTime,
  metadata: MetadataSchema,
  file_size: z.nullable(z.int().check(z.nonnegative())),
  capture_short_id: z.nullable(z.string()),
});
export type ProductPhoto = z.infer<typeof ProductPhoto>;

export const PresignQuery = z.object({
  photo_type: z._default(PhotoType, 'other'),
  original_filename: z._default(boundedText(1, 255), 'photo.jpg'),
});

export const PresignResponse = z.object({
  upload_url: z.string(),
  upload_fields: z.record(z.string(), z.string()),
  s3_key: z.string(),
  expires_in: z.int().check(z.positive()),
});
export type PresignResponse = z.infer<typeof PresignResponse>;

export const RegisterPhotoRequest = z.object({
  s3_key: boundedText(1, 512),
  metadata: z.optional(MetadataPatchSchema),
  photo_type: z._default(PhotoType, 'other'),
  capture_short_id: z.optional(z.nullable(z.string().check(z.maxLength(64)))),
  /** The older revision's name for `capture_short_id`. */
  capture_public_id: z.optional(z.nullable(z.string().check(z.maxLength(64)))),
  original_filename: z._default(boundedText(0, 255), ''),
  file_size: z.optional(z.nullable(z.int().check(z.nonnegative()))),
});
export type RegisterPhotoRequest = z.input<typeof RegisterPhotoRequest>;

export const UpdatePhotoRequest = z.object({
  photo_type: PhotoType,
  metadata: z.optional(MetadataPatchSchema),
});
export type UpdatePhotoRequest = z.input<typeof UpdatePhotoRequest>;

export const ReorderPhotosRequest = z.object({
  photo_short_ids: z.array(z.string().check(z.maxLength(64))).check(
    z.minLength(1),
    z.refine((ids) => new Set(ids).size === ids.length, 'photo_short_ids must not repeat an id.'),
  ),
});
export type ReorderPhotosRequest = z.input<typeof ReorderPhotosRequest>;

export const ProductPhotoList = z.array(ProductPhoto);
