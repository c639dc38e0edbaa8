import { z } from 'zod/mini';
import type { ErrorCode } from './enums';

export const FieldError = z.object({ field: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldError>;

/** The envelope every error response uses (Part A). */
export const ErrorEnvelope = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    status: z.int(),
    details: z.union([z.array(FieldError), z.record(z.string(), z.unknown()), z.null()]),
    retry_after_seconds: z.optional(z.number()),
  }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;

/** RFC 9457 problem details, as other Closient pages describe them. */
export const ProblemDetails = z.object({
  type: z.optional(z.string()),
  title: z.optional(z.string()),
  status: z.optional(z.int()),
  detail: z.optional(z.string()),
  error_code: z.string(),
  retryable: z.optional(z.boolean()),
  retry_after_seconds: z.optional(z.number()),
  errors: z.optional(z.array(FieldError)),
});

/** One shape for both error dialects, so callers branch on `code` and nothing else. */
export interface ApiErrorBody {
  code: string;
  message: string;
  status: number;
  fieldErrors: FieldError[];
  retryAfterSeconds: number | null;
  /**
   * The body was the API's own error (either dialect). A body in neither came from something
   * in between (a captive portal, a proxy): the request's fate is then unknown.
   */
  fromApi: boolean;
}

const FALLBACK_CODES: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'VALIDATION_ERROR',
  429: 'RATE_LIMITED',
};

export const codeForStatus = (status: number): ErrorCode =>
  FALLBACK_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST');

/**
 * Reads an error body in either dialect. A body in neither (an HTML page from a proxy, say)
 * still yields a usable error named after the HTTP status.
 */
export function parseErrorBody(body: unknown, httpStatus: number): ApiErrorBody {
  const envelope = ErrorEnvelope.safeParse(body);
  if (envelope.success) {
    const e = envelope.data.error;
    return {
      code: e.code,
      message: e.message,
      status: httpStatus,
      fieldErrors: Array.isArray(e.details) ? e.details : [],
      retryAfterSeconds: e.retry_after_seconds ?? null,
      fromApi: true,
    };
  }
  const problem = ProblemDetails.safeParse(body);
  if (problem.success) {
    const p = problem.data;
    return {
      code: p.error_code.toUpperCase(),
      message: p.detail ?? p.title ?? `HTTP ${httpStatus}`,
      status: httpStatus,
      fieldErrors: p.errors ?? [],
      retryAfterSeconds: p.retry_after_seconds ?? null,
      fromApi: true,
    };
  }
  return {
    code: codeForStatus(httpStatus),
    message: `The server answered HTTP ${httpStatus}.`,
    status: httpStatus,
    fieldErrors: [],
    retryAfterSeconds: null,
    fromApi: false,
  };
}

/** Builds the envelope the local server sends. */
export function errorEnvelope(
  status: number,
  message: string,
  details: FieldError[] | null = null,
  retryAfterSeconds?: number,
): ErrorEnvelope {
  return {
    error: {
      code: codeForStatus(status),
      message,
      status,
      details,
      ...(retryAfterSeconds === undefined ? {} : { retry_after_seconds: retryAfterSeconds }),
    },
  };
}
