import { z } from 'zod/mini';
import { CaptureStatus, CaptureType, ResolverType } from './enums';
import { OptionalGtinSchema } from './gtin';
import { IdParam, ShortId } from './ids';
import { MetadataPatchSchema, MetadataSchema } from './metadata';
import { boundedText, DateTime } from './text';

/** GS1 Application Identifier codes ("01", "10", "17", "21", "8200", ...) to their values. */
export const Gs1AiData = z.record(
  z.string().check(z.regex(/^\d{2,4}$/, { error: 'GS1 AI codes are 2-4 digits.' })),
  z.string().check(z.maxLength(90)),
);
export type Gs1AiData = z.infer<typeof Gs1AiData>;

export const QrHop = z.object({
  url: z.string(),
  status_code: z.int(),
  headers: z.record(z.string(), z.string()),
});

export const QrAnalysis = z.object({
  initial_url: z.string(),
  final_url: z.string(),
  hops: z.array(QrHop),
  hop_count: z.int().check(z.nonnegative()),
  resolver_domain: z.string(),
  resolver_type: ResolverType,
  is_closient_resolver: z.boolean(),
  extracted_gtin: z.nullable(z.string()),
  error_message: z.string(),
});
export type QrAnalysis = z.infer<typeof QrAnalysis>;

export const Capture = z.object({
  id: ShortId,
  status: CaptureStatus,
  capture_type: CaptureType,
  raw_value: z.string(),
  gtin: z.string(),
  error_message: z.string(),
  created: DateTime,
  metadata: MetadataSchema,
  gs1_dl_data: Gs1AiData,
  product_short_id: z.nullable(z.string()),
  product_name: z.nullable(z.string()),
  processed_at: z.nullable(DateTime),
  uploaded_image_key: z.nullable(z.string()),
  qr_analysis: z.nullable(QrAnalysis),
});
export type Capture = z.infer<typeof Capture>;

/**
 * The session reference: the client sends `session_short_id`; older names are accepted
 * (Part A). Exactly which one was used does not matter once parsed.
 */
const SessionRef = {
  session_short_id: z.optional(IdParam),
  session_public_id: z.optional(IdParam),
  session_id: z.optional(IdParam),
};

export const resolveSessionRef = (body: {
  session_short_id?: string | undefined;
  session_public_id?: string | undefined;
  session_id?: string | undefined;
}): string | undefined => body.session_short_id ?? body.session_public_id ?? body.session_id;

const requireSessionRef = <T extends Parameters<typeof resolveSessionRef>[0]>(
  body: T,
  ctx: Pick<z.core.$RefinementCtx, 'addIssue'>,
) => {
  if (resolveSessionRef(body) === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['session_short_id'],
      message: 'session_short_id is required.',
    });
  }
};

/** The longest `raw_value` a capture may carry, in code points (the upstream's max_length). */
export const RAW_VALUE_MAX = 500;

export const CreateCaptureRequest = z
  .object({
    ...SessionRef,
    capture_type: CaptureType,
    raw_value: boundedText(1, RAW_VALUE_MAX),
    metadata: z.optional(MetadataPatchSchema),
    gtin: z._default(OptionalGtinSchema, ''),
    gs1_dl_data: z._default(Gs1AiData, {}),
  })
  .check(z.superRefine(requireSessionRef));
export type CreateCaptureRequest = z.input<typeof CreateCaptureRequest>;

/** Part A extension: `PATCH /captures/{id}` writes metadata (merge rules of §1.7). */
export const UpdateCaptureRequest = z.object({ metadata: MetadataPatchSchema });
export type UpdateCaptureRequest = z.input<typeof UpdateCaptureRequest>;

/** The text fields of `POST /captures/upload-image` (multipart); the file is `image`. */
export const UploadImageFields = z
  .object({
    ...SessionRef,
    capture_type: z._default(z.enum(['BARCODE', 'IMAGE']), 'IMAGE'),
    raw_value: z._default(boundedText(0, RAW_VALUE_MAX), ''),
    gtin: z._default(OptionalGtinSchema, ''),
    /** Multipart cannot carry an object, so metadata travels as a JSON string. */
    metadata: z.optional(z.string()),
  })
  .check(z.superRefine(requireSessionRef));
