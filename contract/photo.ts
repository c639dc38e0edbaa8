import { z } from 'zod';
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
  sort_order: z.number().int(),
  created: DateTime,
  metadata: MetadataSchema,
  file_size: z.number().int().nonnegative().nullable(),
  capture_short_id: z.string().nullable(),
});
export type ProductPhoto = z.infer<typeof ProductPhoto>;

export const PresignQuery = z.object({
  photo_type: PhotoType.default('other'),
  original_filename: boundedText(1, 255).default('photo.jpg'),
});

export const PresignResponse = z.object({
  upload_url: z.string(),
  upload_fields: z.record(z.string(), z.string()),
  s3_key: z.string(),
  expires_in: z.number().int().positive(),
});
export type PresignResponse = z.infer<typeof PresignResponse>;

export const RegisterPhotoRequest = z.object({
  s3_key: boundedText(1, 512),
  metadata: MetadataPatchSchema.optional(),
  photo_type: PhotoType.default('other'),
  capture_short_id: z.string().max(64).nullable().optional(),
  /** The older revision's name for `capture_short_id`. */
  capture_public_id: z.string().max(64).nullable().optional(),
  original_filename: boundedText(0, 255).default(''),
  file_size: z.number().int().nonnegative().nullable().optional(),
});
export type RegisterPhotoRequest = z.input<typeof RegisterPhotoRequest>;

export const UpdatePhotoRequest = z.object({
  photo_type: PhotoType,
  metadata: MetadataPatchSchema.optional(),
});
export type UpdatePhotoRequest = z.input<typeof UpdatePhotoRequest>;

export const ReorderPhotosRequest = z.object({
  photo_short_ids: z
    .array(z.string().max(64))
    .min(1)
    .refine((ids) => new Set(ids).size === ids.length, 'photo_short_ids must not repeat an id.'),
});
export type ReorderPhotosRequest = z.input<typeof ReorderPhotosRequest>;

export const ProductPhotoList = z.array(ProductPhoto);
