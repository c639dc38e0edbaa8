import type { FieldError } from '#contract';

/** An expected failure with the status and message the client should see. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: FieldError[] | null = null,
    readonly headers: Record<string, string> = {},
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new HttpError(400, message);
export const invalid = (field: string, message: string) =>
  new HttpError(422, 'Invalid input.', [{ field, message }]);
