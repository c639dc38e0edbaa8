import type { FastifyError, FastifyInstance } from 'fastify';
import { z } from 'zod/mini';
import { errorEnvelope, type FieldError } from '#contract';
import { ConflictError, NotFoundError } from '../store/errors';
import { HttpError } from './errors';

/** A store's domain error as the HTTP error the client sees; anything else unchanged. */
export function asHttp(error: unknown): unknown {
  if (error instanceof NotFoundError) return new HttpError(404, error.message);
  if (error instanceof ConflictError) {
    const retry = error.retryAfterSeconds;
    return retry === undefined
      ? new HttpError(409, error.message)
      : new HttpError(409, error.message, null, { 'Retry-After': String(retry) }, retry);
  }
  return error;
}

/** Zod issues to the contract's `{field, message}` list, with dotted paths ("metadata.key"). */
export function fieldErrors(error: z.core.$ZodError, prefix = ''): FieldError[] {
  return error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(body)',
    message: issue.message,
  }));
}

/**
 * The single place errors become responses: always the contract's envelope. 4xx say what was
 * wrong; 5xx are logged in full and answered with a generic message.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((raised: FastifyError | HttpError | z.core.$ZodError, request, reply) => {
    const error = asHttp(raised) as FastifyError | HttpError | z.core.$ZodError;
    if (error instanceof HttpError) {
      void reply.headers(error.headers);
      return reply
        .code(error.status)
        .send(errorEnvelope(error.status, error.message, error.details, error.retryAfterSeconds));
    }
    // Classic zod's errors (the server's own schemas) are $ZodErrors too.
    if (error instanceof z.core.$ZodError) {
      return reply.code(422).send(errorEnvelope(422, 'Invalid input.', fieldErrors(error)));
    }
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'unhandled error');
      return reply.code(500).send(errorEnvelope(500, 'Something went wrong on the server.'));
    }
    // Fastify's own 4xx: malformed JSON, body too large, unsupported content type.
    const message =
      status === 413
        ? 'The request body is too large.'
        : status === 415
          ? 'Unsupported content type.'
          : error.message;
    return reply.code(status).send(errorEnvelope(status, message));
  });
}
