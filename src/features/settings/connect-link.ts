import { checkApiKey } from '#contract';
import type { Connection } from './settings-store';

export type ConnectInput = { ok: true; connection: Connection } | { ok: false; reason: string };

/**
 * What an operator pastes or scans to connect: a bare key, or a link that carries one in its
 * fragment (`/connect#key=…&api=…`, or the local server's `/trust#key=…` QR). A link from
 * another origin points the app at that origin's API unless it names one itself.
 */
export function parseConnectInput(input: string, appOrigin: string): ConnectInput {
  const text = input.trim();
  if (!text) return { ok: false, reason: 'Paste a key or a connect link first.' };
  let key = text;
  let api = '';
  if (URL.canParse(text) && /^https?:/i.test(text)) {
    const url = new URL(text);
    const params = new URLSearchParams(url.hash.slice(1));
    key = params.get('key') ?? '';
    if (!key) return { ok: false, reason: 'That link carries no key (#key=…).' };
    api = params.get('api') ?? (url.origin === appOrigin ? '' : url.origin);
  }
  const checked = checkApiKey(key);
  if (!checked.ok) return { ok: false, reason: 'That is not an API key or a connect link.' };
  const sameOrigin = api === '' || api.replace(/\/+$/, '') === appOrigin;
  return { ok: true, connection: { apiKey: key, apiBaseUrl: sameOrigin ? '' : api } };
}
