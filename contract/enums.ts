import { z } from 'zod/mini';

export const SessionStatus = z.enum(['ACTIVE', 'COMPLETED', 'EXPIRED']);
export type SessionStatus = z.infer<typeof SessionStatus>;

export const CaptureMode = z.enum(['barcode_scan', 'product_photography', 'both']);
export type CaptureMode = z.infer<typeof CaptureMode>;

export const ExtractionStatus = z.enum(['pending', 'processing', 'ready', 'accepted', 'rejected']);
export type ExtractionStatus = z.infer<typeof ExtractionStatus>;

export const CaptureStatus = z.enum([
  'PENDING',
  'LOOKING_UP',
  'ENRICHING',
  'RESOLVING',
  'COMPLETED',
  'FAILED',
  'NOT_FOUND',
]);
export type CaptureStatus = z.infer<typeof CaptureStatus>;
export const TERMINAL_CAPTURE_STATUSES: readonly CaptureStatus[] = [
  'COMPLETED',
  'FAILED',
  'NOT_FOUND',
];

export const CaptureType = z.enum(['BARCODE', 'IMAGE', 'MANUAL']);
export type CaptureType = z.infer<typeof CaptureType>;

export const PhotoType = z.enum([
  'front',
  'back',
  'left',
  'right',
  'top',
  'bottom',
  'nutrition',
  'ingredients',
  'barcode',
  'recycling',
  'certification',
  'other',
]);
export type PhotoType = z.infer<typeof PhotoType>;

export const ProposalStatus = z.enum(['PENDING', 'ACCEPTED', 'REJECTED']);
export type ProposalStatus = z.infer<typeof ProposalStatus>;

export const ProposalField = z.enum([
  'name',
  'description',
  'brand_name',
  'category',
  'ingredients',
  'ai_summary',
  'images',
]);
export type ProposalField = z.infer<typeof ProposalField>;

export const ResolverType = z.enum(['CLOSIENT', 'GS1_DL', 'URL_SHORTENER', 'DIRECT', 'UNKNOWN']);
export type ResolverType = z.infer<typeof ResolverType>;

export const ErrorCode = z.enum([
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'VALIDATION_ERROR',
  'RATE_LIMITED',
  'INTERNAL_ERROR',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;
