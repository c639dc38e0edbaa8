import { describe, expect, it } from 'vitest';
import type { SessionStatusPoll } from '#contract';
import { captureStates, nextPollDelay, pollSettled, pollSignature } from './poll-policy';

const poll = (over: Partial<SessionStatusPoll> = {}): SessionStatusPoll => ({
  session_status: 'ACTIVE',
  extraction_status: 'pending',
  captures: [{ id: 'a', status: 'PENDING', proposal_count: 0 }],
  ...over,
});

describe('poll policy', () => {
  it('polls fast after a change, backs off while idle, never past 30 s', () => {
    expect(nextPollDelay({ idleMs: 0, throttleWaitMs: 0 })).toBe(2_000);
    expect(nextPollDelay({ idleMs: 40_000, throttleWaitMs: 0 })).toBe(10_000);
    expect(nextPollDelay({ idleMs: 3_600_000, throttleWaitMs: 0 })).toBe(30_000);
  });

  it('waits out a 429 however fresh the change', () => {
    expect(nextPollDelay({ idleMs: 0, throttleWaitMs: 45_000 })).toBe(45_000);
  });

  it('changes its signature with any capture status, proposal count or session state', () => {
    const base = pollSignature(poll());
    expect(pollSignature(poll())).toBe(base);
    expect(
      pollSignature(poll({ captures: [{ id: 'a', status: 'COMPLETED', proposal_count: 0 }] })),
    ).not.toBe(base);
    expect(
      pollSignature(poll({ captures: [{ id: 'a', status: 'PENDING', proposal_count: 2 }] })),
    ).not.toBe(base);
    expect(pollSignature(poll({ extraction_status: 'processing' }))).not.toBe(base);
  });

  it('settles only when the session is over, captures are final and no extraction runs', () => {
    const done = [{ id: 'a', status: 'COMPLETED' as const, proposal_count: 0 }];
    expect(pollSettled(poll({ captures: done }))).toBe(false);
    expect(pollSettled(poll({ session_status: 'COMPLETED' }))).toBe(false);
    expect(pollSettled(poll({ session_status: 'COMPLETED', captures: done }))).toBe(true);
    expect(
      pollSettled(
        poll({ session_status: 'COMPLETED', captures: done, extraction_status: 'processing' }),
      ),
    ).toBe(false);
    expect(pollSettled(poll({ session_status: 'EXPIRED', captures: [] }))).toBe(true);
  });

  it('notices a capture settling, and settles only when everything has', () => {
    const pending = poll({ session_status: 'COMPLETED' });
    const done = poll({
      session_status: 'COMPLETED',
      captures: [{ id: 'a', status: 'COMPLETED', proposal_count: 0 }],
    });
    expect(pollSignature(done)).not.toBe(pollSignature(pending));
    expect(captureStates('COMPLETED', done.captures)).not.toBe(
      captureStates('COMPLETED', pending.captures),
    );
    expect(pollSettled(pending)).toBe(false);
    expect(pollSettled(done)).toBe(true);
    expect(pollSettled({ ...done, session_status: 'ACTIVE' })).toBe(false);
    expect(pollSettled({ ...done, extraction_status: 'processing' })).toBe(false);
    expect(pollSettled({ ...done, extraction_status: 'ready' })).toBe(true);
  });

  it('polls at exactly 2 s up to 8 s idle, then a quarter of the idle time', () => {
    expect(nextPollDelay({ idleMs: 8_000, throttleWaitMs: 0 })).toBe(2_000);
    expect(nextPollDelay({ idleMs: 8_004, throttleWaitMs: 0 })).toBe(2_001);
    expect(nextPollDelay({ idleMs: 120_000, throttleWaitMs: 0 })).toBe(30_000);
    expect(nextPollDelay({ idleMs: 120_000, throttleWaitMs: 1_000 })).toBe(30_000);
  });
});
