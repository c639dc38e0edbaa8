import type { FastifyRequest } from 'fastify';
import { checkApiKey } from '#contract';
import type { Clock } from '../clock';
import { HttpError } from '../http/errors';
import type { ApiKeyRow, KeysRepository } from './keys.repository';

export interface AuthContext {
  orgId: string;
  key: ApiKeyRow;
}

const unauthorized = (message: string) => new HttpError(401, message);

/**
 * Resolves `X-API-Key` to its organization. Malformed, bad checksum, unknown, revoked and expired
 * keys are all 401 (Part A); the message says which, without echoing the key.
 */
export async function authenticate(
  request: FastifyRequest,
  keys: KeysRepository,
  clock: Clock,
): Promise<AuthContext> {
  const header = request.headers['x-api-key'];
  const key = Array.isArray(header) ? header[0] : header;
  if (!key) throw unauthorized('Send your API key in the X-API-Key header.');
  const check = checkApiKey(key);
  if (!check.ok) {
    throw unauthorized(
      check.reason === 'checksum'
        ? 'The API key checksum does not match; check for a typo.'
        : 'The API key is malformed; expected <csb|csu|cpk>_<32 characters>_<checksum>.',
    );
  }
  const row = await keys.byKey(key);
  if (!row) throw unauthorized('The API key is not known to this server.');
  if (row.revoked_at) throw unauthorized('The API key has been revoked.');
  if (row.expires_at && Date.parse(row.expires_at) <= clock.now()) {
    throw unauthorized('The API key has expired.');
  }
  return { orgId: row.org_id, key: row };
}
