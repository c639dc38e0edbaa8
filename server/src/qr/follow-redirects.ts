import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { BlockedAddressError, isPrivateAddress, safeLookup } from './safe-lookup';

export const MAX_HOPS = 10;
export const TIMEOUT_MS = 5_000;
const REDIRECT_CODES = new Set([301, 302, 303, 307, 308]);

export interface Hop {
  url: string;
  status_code: number;
  headers: Record<string, string>;
}

export interface RedirectResult {
  initialUrl: string;
  finalUrl: string;
  hops: Hop[];
  /** Redirects followed. */
  redirects: number;
  error: string;
}

function requestOnce(url: URL, allowPrivate: boolean, signal: AbortSignal): Promise<Hop> {
  // Node skips the lookup function for literal IPs, so those are checked here.
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && isIP(literal) && isPrivateAddress(literal)) {
    return Promise.reject(new BlockedAddressError(`${literal} is a private address`));
  }
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: 'GET',
        lookup: safeLookup(allowPrivate),
        signal,
        headers: { 'User-Agent': 'ClosientScanner/1.0 (+qr-resolve)' },
      },
      (res) => {
        const headers: Record<string, string> = {};
        for (const name of ['location', 'content-type', 'server']) {
          const value = res.headers[name];
          if (typeof value === 'string') headers[name] = value;
        }
        // Only the status and headers matter; do not download the page.
        res.destroy();
        resolve({ url: url.href, status_code: res.statusCode ?? 0, headers });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function describe(error: unknown): string {
  if (error instanceof BlockedAddressError) return 'Refused: the address is private or local.';
  const e = error as NodeJS.ErrnoException;
  if (e.name === 'AbortError' || e.name === 'TimeoutError')
    return `Timed out after ${TIMEOUT_MS / 1000} s.`;
  if (e.code === 'ECONNREFUSED') return 'Connection refused.';
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN')
    return 'The host name could not be resolved.';
  if (e.code?.startsWith('ERR_TLS') || e.code?.includes('CERT'))
    return 'The TLS certificate was not accepted.';
  return `Could not connect: ${e.message}`;
}

/**
 * Follows HTTP redirects the way the API documents: 301/302/303/307/308 only, at most 10, 5 s in
 * all, http and https only, no meta refresh, tracking parameters kept.
 */
export async function followRedirects(
  input: string,
  allowPrivate: boolean,
): Promise<RedirectResult> {
  const result: RedirectResult = {
    initialUrl: input,
    finalUrl: input,
    hops: [],
    redirects: 0,
    error: '',
  };
  // On any error the chain stopped early, and final_url is the initial URL (Part B 2.5).
  const fail = (error: string): RedirectResult => ({ ...result, finalUrl: input, error });
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return fail('Malformed URL.');
  }
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  for (;;) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return fail(
        `Unsupported scheme ${url.protocol.replace(':', '')}; only http and https are followed.`,
      );
    }
    let hop: Hop;
    try {
      hop = await requestOnce(url, allowPrivate, signal);
    } catch (error) {
      return fail(describe(error));
    }
    result.hops.push(hop);
    result.finalUrl = url.href;
    const location = hop.headers['location'];
    if (!REDIRECT_CODES.has(hop.status_code) || !location) return result;
    if (result.redirects >= MAX_HOPS) {
      return fail(`Too many redirects (more than ${MAX_HOPS}).`);
    }
    result.redirects += 1;
    try {
      url = new URL(location, url);
    } catch {
      return fail('A redirect pointed at a malformed URL.');
    }
  }
}
