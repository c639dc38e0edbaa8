import { z } from 'zod/mini';
import { Capture } from './capture';
import { CaptureMode, CaptureStatus, ExtractionStatus, SessionStatus } from './enums';
import { ShortId } from './ids';
import { MetadataPatchSchema, MetadataSchema } from './metadata';
import { boundedText, DateTime } from './text';
import { ProductPhoto } from './photo';

/** The device context is free-form, but bounded so that it cannot be used to store blobs. */
export const DEVICE_CONTEXT_MAX_BYTES = 16_384;

export const DeviceContext = z.record(z.string(), z.unknown()).check(
  z.refine((v) => new TextEncoder().encode(JSON.stringify(v)).length <= DEVICE_CONTEXT_MAX_BYTES, {
    error: `device_context must serialise to at most ${DEVICE_CONTEXT_MAX_BYTES} bytes.`,
  }),
);

export const CreateSessionRequest = z.object({
  metadata: z.optional(MetadataPatchSchema),
  organization_short_id: z._default(z.string().check(z.maxLength(64)), ''),
  user_agent: z._default(boundedText(0, 1000), ''),
  device_context: z._default(DeviceContext, {}),
  capture_mode: z._default(CaptureMode, 'barcode_scan'),
});
export type CreateSessionRequest = z.input<typeof CreateSessionRequest>;

/**
 * Part A extension (the public API has no way to change a session after creation): PATCH
 * /sessions/{id} merges metadata by the usual rules, on a session in any status, since
 * metadata is opaque notes (diagnostics) rather than session content.
 */
export const UpdateSessionRequest = z.object({ metadata: MetadataPatchSchema });
export type UpdateSessionRequest = z.input<typeof UpdateSessionRequest>;

const SessionBase = {
  id: ShortId,
  status: SessionStatus,
  capture_mode: CaptureMode,
  created: DateTime,
  modified: DateTime,
  metadata: MetadataSchema,
};

export const SessionSummary = z.object({
  ...SessionBase,
  capture_count: z._default(z.int().check(z.nonnegative()), 0),
  photo_count: z._default(z.int().check(z.nonnegative()), 0),
});
export type SessionSummary = z.infer<typeof SessionSummary>;

export const SessionDetail = z.object({
  ...SessionBase,
  captures: z.array(Capture),
  product_photos: z.array(ProductPhoto),
});
export type SessionDetail = z.infer<typeof SessionDetail>;

export const CaptureStatusItem = z.object({
  id: ShortId,
  status: CaptureStatus,
  proposal_count: z.int().check(z.nonnegative()),
});

export const SessionStatusPoll = z.object({
  session_status: SessionStatus,
  extraction_status: ExtractionStatus,
  captures: z.array(CaptureStatusItem),
});
export type SessionStatusPoll = z.infer<typeof SessionStatusPoll>;
