/**
 * A promise that records how it settled in the fields React's `use()` reads (`status`, `value`,
 * `reason`; React's own types describe them). React tags a promise itself only when `use()` first
 * meets it, and then suspends once even if it has already resolved; a promise tagged here is read
 * at once by any component that mounts after it resolved, so no screen flashes its fallback.
 */
export type Settled<T> = Promise<T> &
  (
    | { status: 'pending' }
    | { status: 'fulfilled'; value: T }
    | { status: 'rejected'; reason: unknown }
  );

type Tags<T> = { status: string; value?: T; reason?: unknown };

export function settled<T>(promise: Promise<T>): Settled<T> {
  const tagged: Promise<T> & Tags<T> = Object.assign(
    promise.then(
      (value) => {
        tagged.status = 'fulfilled';
        tagged.value = value;
        return value;
      },
      (reason: unknown) => {
        tagged.status = 'rejected';
        tagged.reason = reason;
        throw reason;
      },
    ),
    { status: 'pending' },
  );
  // A rejection is read through `status` by whoever uses it; it is not an unhandled one.
  tagged.catch(() => undefined);
  return tagged as Settled<T>;
}

/** A value as an already fulfilled promise, for `use()`. */
export function fulfilled<T>(value: T): Settled<T> {
  return Object.assign(Promise.resolve(value), { status: 'fulfilled' as const, value });
}
