/** One active quota window, e.g. 300 per 60 s. */
export interface RateLimitWindow {
  limit: number;
  windowSeconds: number;
  remaining: number;
  /** Seconds until this window resets. */
  resetSeconds: number;
}

/** The window to report: the one with the fewest requests left ("most restrictive wins"). */
export function mostRestrictive(windows: readonly RateLimitWindow[]): RateLimitWindow | undefined {
  let best: RateLimitWindow | undefined;
  for (const w of windows) {
    if (!best || w.remaining < best.remaining) best = w;
  }
  return best;
}

/**
 * The headers sent on every response: the IETF draft set (Reset relative) and the legacy
 * `X-RateLimit-*` set (Reset an absolute Unix time), as Part A specifies.
 */
export function rateLimitHeaders(
  windows: readonly RateLimitWindow[],
  nowMs: number,
): Record<string, string> {
  const w = mostRestrictive(windows);
  if (!w) return {};
  const remaining = String(Math.max(0, w.remaining));
  const reset = Math.max(0, Math.ceil(w.resetSeconds));
  return {
    'RateLimit-Policy': windows.map((x) => `${x.limit};w=${x.windowSeconds}`).join(', '),
    'RateLimit-Limit': String(w.limit),
    'RateLimit-Remaining': remaining,
    'RateLimit-Reset': String(reset),
    'X-RateLimit-Limit': String(w.limit),
    'X-RateLimit-Remaining': remaining,
    'X-RateLimit-Reset': String(Math.ceil(nowMs / 1000) + reset),
  };
}

export interface RateLimitState {
  limit: number | null;
  remaining: number | null;
  /** Absolute time (ms since epoch) at which the reported window resets. */
  resetAtMs: number | null;
  policy: { limit: number; windowSeconds: number }[];
  /** From `Retry-After`: how long to wait before the next request, in seconds. */
  retryAfterSeconds: number | null;
}

const num = (v: string | null): number | null => {
  if (v === null || v.trim() === '') return null;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? n : null;
};

/** `Retry-After` is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  const seconds = num(value);
  if (seconds !== null) return seconds;
  if (value === null) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - nowMs) / 1000));
}

/** Reads whichever rate-limit headers a response carries; null when it carries none. */
export function parseRateLimitHeaders(
  get: (name: string) => string | null,
  nowMs: number,
): RateLimitState | null {
  const limit = num(get('RateLimit-Limit')) ?? num(get('X-RateLimit-Limit'));
  const remaining = num(get('RateLimit-Remaining')) ?? num(get('X-RateLimit-Remaining'));
  const relative = num(get('RateLimit-Reset'));
  const absolute = num(get('X-RateLimit-Reset'));
  const resetAtMs =
    relative !== null ? nowMs + relative * 1000 : absolute !== null ? absolute * 1000 : null;
  const policy = (get('RateLimit-Policy') ?? '')
    .split(',')
    .map((p) => /^\s*(\d+)\s*;\s*w=(\d+)/.exec(p))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ limit: Number(m[1]), windowSeconds: Number(m[2]) }));
  const retryAfterSeconds = parseRetryAfter(get('Retry-After'), nowMs);
  if (limit === null && remaining === null && retryAfterSeconds === null && !policy.length) {
    return null;
  }
  return { limit, remaining, resetAtMs, policy, retryAfterSeconds };
}
