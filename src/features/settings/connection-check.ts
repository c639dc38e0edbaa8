import type { Connection } from './settings-store';
import { ENDPOINTS } from '#contract';
import { type ApiClient, ApiError, NetworkError } from '../../lib/api-client';

export type ConnectionCheck =
  | { ok: true; version: string }
  | { ok: false; problem: 'unreachable' | 'key-rejected' | 'unexpected'; message: string };

/**
 * A well-formed session id no server issues (ids are random; this is the alphabet's first
 * symbol 22 times): asking for it needs a valid key and then answers 404. The API has no
 * "who am I" endpoint, and this way nothing is created or read.
 */
const NO_SUCH_SESSION = '2'.repeat(22);

/**
 * Checks a connection before it is saved: is the server there (GET /healthz), and does it take
 * the key (a 401 or 403 on an authenticated read says no; a 404 says yes).
 */
export async function checkConnection(
  network: ApiClient,
  { apiBaseUrl, apiKey }: Connection,
  signal?: AbortSignal,
): Promise<ConnectionCheck> {
  const client = network.withConnection({
    baseUrl: apiBaseUrl.trim().replace(/\/+$/, ''),
    apiKey: apiKey.trim(),
  });
  let version: string;
  try {
    version = (await client.call(ENDPOINTS.health, {}, { signal })).version;
  } catch (error) {
    return {
      ok: false,
      problem: 'unreachable',
      message:
        error instanceof NetworkError
          ? 'The server did not answer. Check the address and that this device is online.'
          : `The server answered, but not as a Scanner API: ${String(error)}`,
    };
  }
  // The local server answers this directly; another server may not have it (404), and is then
  // asked for a session no server issues.
  try {
    await client.call(ENDPOINTS.keyInfo, {}, { signal });
    return { ok: true, version };
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) return refusal(error);
  }
  try {
    await client.call(ENDPOINTS.sessionStatus, { params: { id: NO_SUCH_SESSION } }, { signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { ok: true, version };
    return refusal(error);
  }
  return { ok: true, version };
}

function refusal(error: unknown): ConnectionCheck {
  if (error instanceof ApiError && (error.status === 401 || error.status === 403))
    return {
      ok: false,
      problem: 'key-rejected',
      message: `The server refused this key: ${error.message}`,
    };
  return { ok: false, problem: 'unexpected', message: String(error) };
}
