import { ApiError, ContractError, NetworkError } from '../../lib/api-client';
import type { WaitReason } from './outbox-types';

/**
 * What an attempt's failure means. Only a response that matches the contract is a success (the
 * caller never gets here then). Anything the app cannot read as the server's own answer (no
 * answer, a 2xx it cannot parse, a captive portal's page, a 5xx, a 429, a 409 "still being
 * processed") leaves the outcome unknown: the item is sent again under the same
 * Idempotency-Key, which the server resolves to the one capture. Only the server's error
 * envelope with a status it will repeat is a refusal.
 */
export type Failure =
  | { type: 'unknown'; reason: WaitReason; message: string; retryAfterMs: number | null }
  | { type: 'refused'; message: string; status: number | null };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function classify(error: unknown, online: boolean): Failure {
  if (error instanceof NetworkError)
    return online
      ? unknown('unconfirmed', 'The server did not answer.')
      : unknown('offline', 'This device is offline.');
  if (error instanceof ContractError)
    return unknown('unconfirmed', 'The answer could not be read (a captive portal or a proxy?).');
  if (error instanceof ApiError) {
    const retryAfterMs = error.retryAfterSeconds === null ? null : error.retryAfterSeconds * 1000;
    if (error.status === 429)
      return unknown('busy', 'The server asked to slow down.', retryAfterMs ?? 30_000);
    if (!error.enveloped)
      return unknown('unconfirmed', `HTTP ${error.status} came from something other than the API.`);
    if (error.status === 409 && retryAfterMs !== null)
      return unknown('unconfirmed', 'The server is still processing it.', retryAfterMs);
    if (error.status >= 500 || error.status === 408)
      return unknown('busy', `The server failed (HTTP ${error.status}).`, retryAfterMs);
    return { type: 'refused', message: error.message, status: error.status };
  }
  return { type: 'refused', message: messageOf(error), status: null };
}

function unknown(reason: WaitReason, message: string, retryAfterMs: number | null = null): Failure {
  return { type: 'unknown', reason, message, retryAfterMs };
}

/** Full backoff before attempt n+1: 1 s doubling to 30 s, with jitter so that devices spread out. */
export function backoffMs(failures: number, random: () => number): number {
  const ceiling = Math.min(30_000, 1_000 * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
