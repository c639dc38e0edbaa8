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

interface Counter {
  windowStart: number;
  count: number;
}

/**
 * Fixed-window counters per API key, a minute and a day. In memory: a restart forgives the
 * current windows, which is acceptable for a local server and keeps every request off the disk.
 */
export class RateLimiter {
  private readonly counters = new Map<string, Counter>();

  constructor(
    private readonly clock: Clock,
    private readonly defaults: RateLimitDefaults,
  ) {}

  /** Counts one request; returns whether it may proceed and the windows for the headers. */
  hit(
    keyId: string,
    overrides: { perMinute: number; perDay: number },
  ): { allowed: boolean; windows: RateLimitWindow[]; retryAfterSeconds: number } {
    const now = this.clock.now();
    const specs = [
      {
        name: 'm',
        seconds: this.defaults.shortWindowSeconds ?? 60,
        limit: overrides.perMinute || this.defaults.perMinute,
      },
      { name: 'd', seconds: 86_400, limit: overrides.perDay || this.defaults.perDay },
    ];
    const windows = specs.map((spec) => {
      const length = spec.seconds * 1000;
      const start = Math.floor(now / length) * length;
      const id = `${keyId}:${spec.name}`;
      let counter = this.counters.get(id);
      if (!counter || counter.windowStart !== start) {
        counter = { windowStart: start, count: 0 };
        this.counters.set(id, counter);
      }
      return { counter, spec, resetSeconds: (start + length - now) / 1000 };
    });
    const blocked = windows.filter((w) => w.counter.count >= w.spec.limit);
    const allowed = blocked.length === 0;
    if (allowed) windows.forEach((w) => (w.counter.count += 1));
    return {
      allowed,
      windows: windows.map((w) => ({
        limit: w.spec.limit,
        windowSeconds: w.spec.seconds,
        remaining: Math.max(0, w.spec.limit - w.counter.count),
        resetSeconds: w.resetSeconds,
      })),
      retryAfterSeconds: Math.ceil(Math.max(0, ...blocked.map((w) => w.resetSeconds))),
    };
  }

  headers(windows: RateLimitWindow[]): Record<string, string> {
    return rateLimitHeaders(windows, this.clock.now());
  }
}
