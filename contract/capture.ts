import { z } from 'zod';
import { CaptureStatus, CaptureType, ResolverType } from './enums';
import { OptionalGtinSchema } from './gtin';
import { IdParam, ShortId } from './ids';
import { MetadataPatchSchema, MetadataSchema } from './metadata';
import { boundedText, DateTime } from './text';

/** GS1 Application Identifier codes ("01", "10", "17", "21", "8200", ...) to their values. */
export const Gs1AiData = z.record(
  z.string().regex(/^\d{2,4}$/, { error: 'GS1 AI codes are 2-4 digits.' }),
  z.string().max(90),
);
export type Gs1AiData = z.infer<typeof Gs1AiData>;

export const QrHop = z.object({
  url: z.string(),
  status_code: z.number().int(),
  headers: z.record(z.string(), z.string()),
});

export const QrAnalysis = z.object({
  initial_url: z.string(),
  final_url: z.string(),
  hops: z.array(QrHop),
  hop_count: z.number().int().nonnegative(),
  resolver_domain: z.string(),
  resolver_type: ResolverType,
  is_closient_resolver: z.boolean(),
  extracted_gtin: z.string().nullable(),
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
  product_short_id: z.string().nullable(),
  product_name: z.string().nullable(),
  processed_at: DateTime.nullable(),
  uploaded_image_key: z.string().nullable(),
  qr_analysis: QrAnalysis.nullable(),
});
export type Capture = z.infer<typeof Capture>;

/**
 * The session reference: the client sends `session_short_id`; older names are accepted
 * (Part A). Exactly which one was used does not matter once parsed.
 */
const SessionRef = {
  session_short_id: IdParam.optional(),
  session_public_id: IdParam.optional(),
  session_id: IdParam.optional(),
};

export const resolveSessionRef = (body: {
  session_short_id?: string | undefined;
  session_public_id?: string | undefined;
  session_id?: string | undefined;
}): string | undefined => body.session_short_id ?? body.session_public_id ?? body.session_id;

const requireSessionRef = <T extends Parameters<typeof resolveSessionRef>[0]>(
  body: T,
  ctx: z.RefinementCtx,
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
    metadata: MetadataPatchSchema.optional(),
    gtin: OptionalGtinSchema.default(''),
    gs1_dl_data: Gs1AiData.default({}),
  })
  .superRefine(requireSessionRef);
export type CreateCaptureRequest = z.input<typeof CreateCaptureRequest>;

/** Part A extension: `PATCH /captures/{id}` writes metadata (merge rules of §1.7). */
export const UpdateCaptureRequest = z.object({ metadata: MetadataPatchSchema });
export type UpdateCaptureRequest = z.input<typeof UpdateCaptureRequest>;

/** The text fields of `POST /captures/upload-image` (multipart); the file is `image`. */
export const UploadImageFields = z
  .object({
    ...SessionRef,
    capture_type: z.enum(['BARCODE', 'IMAGE']).default('IMAGE'),
    raw_value: boundedText(0, RAW_VALUE_MAX).default(''),
    gtin: OptionalGtinSchema.default(''),
    /** Multipart cannot carry an object, so metadata travels as a JSON string. */
    metadata: z.string().optional(),
  })
  .superRefine(requireSessionRef);
