import { create } from 'zustand';

export interface Throttle {
  /** No request before this time (ms since epoch). */
  until: number;
  /** The daily allowance is spent: waiting minutes, not seconds. */
  daily: boolean;
}

/**
 * A minute window never asks for more than a minute's wait; anything longer is the daily
 * allowance (the server says which window is spent only through how long to wait).
 */
const DAILY_AFTER_S = 300;

/** What a 429 asks of the client, or null for any other error (ApiError, read structurally). */
export function throttleFrom(error: unknown, now: number): Throttle | null {
  const e = error as { status?: unknown; retryAfterSeconds?: unknown } | null;
  if (typeof e !== 'object' || e === null || e.status !== 429) return null;
  const seconds = typeof e.retryAfterSeconds === 'number' ? e.retryAfterSeconds : 30;
  return { until: now + seconds * 1000, daily: seconds > DAILY_AFTER_S };
}

interface ThrottleState {
  throttle: Throttle | null;
  limited: (throttle: Throttle) => void;
  cleared: () => void;
}

/**
 * The server's latest "slow down", shared by every query so that all of them wait it out and
 * the screen can say so. Cleared by the next successful request.
 */
export const useThrottleStore = create<ThrottleState>()((set) => ({
  throttle: null,
  limited: (throttle) => set({ throttle }),
  cleared: () => set((s) => (s.throttle ? { throttle: null } : s)),
}));

/** Milliseconds still to wait before asking the server anything (0 when free to). */
export function throttleWait(now: number): number {
  const t = useThrottleStore.getState().throttle;
  return t ? Math.max(0, t.until - now) : 0;
}
