/**
 * What a store says went wrong, in the domain's words. The store knows nothing of HTTP: the
 * error handler turns these into the contract's envelope (404, 409).
 */
export class NotFoundError extends Error {
  constructor(readonly resource: string) {
    super(`${resource} not found.`);
    this.name = 'NotFoundError';
  }
}

/** The write contradicts the resource's state (a finished session, a key used for another request). */
export class ConflictError extends Error {
  constructor(
    message: string,
    /** When set, the conflict is temporary: the client may try again after this many seconds. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}

export const notFound = (resource: string) => new NotFoundError(resource);
export const conflict = (message: string) => new ConflictError(message);
