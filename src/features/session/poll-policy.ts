import { type SessionStatusPoll, TERMINAL_CAPTURE_STATUSES } from '#contract';

/** How often to ask while things change, and the slowest rate for a session that sits idle. */
export const POLL = { fastMs: 2_000, slowMs: 30_000 } as const;

/**
 * A fingerprint of everything the poll reports: when it is unchanged, nothing on the server
 * changed, and the detail (every capture, heavy for big sessions) need not be fetched again.
 */
export function pollSignature(poll: SessionStatusPoll): string {
  return [
    poll.session_status,
    poll.extraction_status,
    ...poll.captures.map((c) => `${c.id}:${c.status}:${c.proposal_count}`),
  ].join('|');
}

/**
 * What the status poll and the detail both show (session status, each capture's status): when
 * the poll's differs from the detail's, the detail is out of date.
 */
export function captureStates(
  sessionStatus: string,
  captures: readonly { id: string; status: string }[],
): string {
  return [sessionStatus, ...captures.map((c) => `${c.id}:${c.status}`)].join('|');
}

/**
 * Nothing more can change without the operator: the session is over, every capture has
 * settled, and no extraction is running (a `ready` extraction waits for the operator's review,
 * and their actions refresh what they change).
 */
export function pollSettled(poll: SessionStatusPoll): boolean {
  return (
    poll.session_status !== 'ACTIVE' &&
    poll.extraction_status !== 'processing' &&
    poll.captures.every((c) => TERMINAL_CAPTURE_STATUSES.includes(c.status))
  );
}

/**
 * The next poll's delay: fast while something changed recently, slowing as the session sits
 * idle (a quarter of the idle time, between 2 s and 30 s), and never before a 429 said to.
 */
export function nextPollDelay(input: { idleMs: number; throttleWaitMs: number }): number {
  const idle = Math.min(POLL.slowMs, Math.max(POLL.fastMs, input.idleMs / 4));
  return Math.max(idle, input.throttleWaitMs);
}
