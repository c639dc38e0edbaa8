import { type RateLimitWindow, rateLimitHeaders } from '#contract';
import type { Clock } from '../clock';

export interface RateLimitDefaults {
  /** Requests per short window (a minute unless `shortWindowSeconds` says otherwise). */
  perMinute: number;
  perDay: number;
  /**
   * Length of the short window, 60 s by default. Shorter windows exist for tests that must see
   * a 429 end without waiting a minute; headers report the real length either way.
   */
  shortWindowSeconds?: number;
}

/** One window to count in: its bucket's id, where the current window started, its limit. */
export interface WindowSpec {
  bucket: string;
  start: number;
  limit: number;
}

/**
 * Where the counts live. Each call counts one request in every window, unless one of them is
 * already at its limit (then none), and returns the counts after it: atomically, so two
 * instances counting the same key at once cannot both take the last request.
 */
export interface WindowCounts {
  count(windows: WindowSpec[]): Promise<{ allowed: boolean; counts: number[] }>;
}

/** In this process's memory: one instance (SQLite), where a restart forgives the windows. */
export function memoryCounts(): WindowCounts {
  const counters = new Map<string, { start: number; count: number }>();
  return {
    count(windows) {
      const current = windows.map((w) => {
        const c = counters.get(w.bucket);
        return c && c.start === w.start ? c.count : 0;
      });
      const allowed = windows.every((w, i) => (current[i] ?? 0) < w.limit);
      if (allowed)
        windows.forEach((w, i) =>
          counters.set(w.bucket, { start: w.start, count: (current[i] ?? 0) + 1 }),
        );
      return Promise.resolve({ allowed, counts: allowed ? current.map((c) => c + 1) : current });
    },
  };
}

/**
 * Fixed-window counters per API key (or client address), a minute and a day, counted in
 * `counts`: memory for one instance, the database for several.
 */
export class RateLimiter {
  constructor(
    private readonly clock: Clock,
    private readonly defaults: RateLimitDefaults,
    private readonly counts: WindowCounts = memoryCounts(),
  ) {}

  /** Counts one request; returns whether it may proceed and the windows for the headers. */
  async hit(
    keyId: string,
    overrides: { perMinute: number; perDay: number },
  ): Promise<{ allowed: boolean; windows: RateLimitWindow[]; retryAfterSeconds: number }> {
    const now = this.clock.now();
    const specs = [
      {
        name: 'm',
        seconds: this.defaults.shortWindowSeconds ?? 60,
        limit: overrides.perMinute || this.defaults.perMinute,
      },
      { name: 'd', seconds: 86_400, limit: overrides.perDay || this.defaults.perDay },
    ].map((spec) => {
      const length = spec.seconds * 1000;
      const start = Math.floor(now / length) * length;
      return {
        ...spec,
        start,
        bucket: `${keyId}:${spec.name}`,
        resetSeconds: (start + length - now) / 1000,
      };
    });
    const { allowed, counts } = await this.counts.count(specs);
    const blocked = specs.filter((w, i) => (counts[i] ?? 0) >= w.limit && !allowed);
    return {
      allowed,
      windows: specs.map((w, i) => ({
        limit: w.limit,
        windowSeconds: w.seconds,
        remaining: Math.max(0, w.limit - (counts[i] ?? 0)),
        resetSeconds: w.resetSeconds,
      })),
      retryAfterSeconds: Math.ceil(Math.max(0, ...blocked.map((w) => w.resetSeconds))),
    };
  }

  headers(windows: RateLimitWindow[]): Record<string, string> {
    return rateLimitHeaders(windows, this.clock.now());
  }
}
