import { describe, expect, it, vi } from 'vitest';
import { sendUntilDelivered, waitForOnlineOrDelay } from './send-until-delivered';

class Offline extends Error {}

/** A send that fails `failures` times with a network error, then answers. */
function flaky(failures: number) {
  let calls = 0;
  const send = () => {
    calls++;
    return calls <= failures ? Promise.reject(new Offline('down')) : Promise.resolve(`ok#${calls}`);
  };
  return { send, calls: () => calls };
}

describe('sendUntilDelivered', () => {
  it('sends once when the network is there, without queueing', async () => {
    const onQueued = vi.fn();
    const { send, calls } = flaky(0);
    await expect(
      sendUntilDelivered(send, { retryable: (e) => e instanceof Offline, onQueued }),
    ).resolves.toBe('ok#1');
    expect(calls()).toBe(1);
    expect(onQueued).not.toHaveBeenCalled();
  });

  it('queues on a network failure and keeps sending, with backoff, until it arrives', async () => {
    const onQueued = vi.fn();
    const waits: number[] = [];
    const { send } = flaky(3);
    const result = await sendUntilDelivered(send, {
      retryable: (e) => e instanceof Offline,
      onQueued,
      waitForRetry: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    });
    expect(result).toBe('ok#4');
    expect(onQueued).toHaveBeenCalledTimes(1);
    expect(waits).toEqual([1000, 2000, 4000]);
  });

  it('lets other errors through at once', async () => {
    const onQueued = vi.fn();
    await expect(
      sendUntilDelivered(() => Promise.reject(new Error('422')), {
        retryable: (e) => e instanceof Offline,
        onQueued,
      }),
    ).rejects.toThrow('422');
    expect(onQueued).not.toHaveBeenCalled();
  });

  it('stops waiting when the browser comes back online', async () => {
    vi.useFakeTimers();
    try {
      let resolved = false;
      const waiting = waitForOnlineOrDelay(60_000).then(() => (resolved = true));
      await vi.advanceTimersByTimeAsync(1_000);
      expect(resolved).toBe(false);
      window.dispatchEvent(new Event('online'));
      await waiting;
      expect(resolved).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not sleep out a backoff when the network came back while the attempt was failing', async () => {
    const since = Date.now();
    window.dispatchEvent(new Event('online'));
    // The wait starts after the event: it must still resolve at once, not in a minute.
    await expect(waitForOnlineOrDelay(60_000, undefined, since)).resolves.toBeUndefined();
    // An `online` from before the attempt started is old news: that wait is a real one.
    vi.useFakeTimers();
    try {
      let resolved = false;
      void waitForOnlineOrDelay(60_000, undefined, Date.now() + 1).then(() => (resolved = true));
      await vi.advanceTimersByTimeAsync(1_000);
      expect(resolved).toBe(false);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(resolved).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('ends a wait when its signal aborts, with the reason or a plain "Aborted"', async () => {
    const withReason = new AbortController();
    const waiting = waitForOnlineOrDelay(60_000, withReason.signal);
    withReason.abort(new Error('left the screen'));
    await expect(waiting).rejects.toThrow('left the screen');
    const bare = new AbortController();
    const plain = waitForOnlineOrDelay(60_000, bare.signal);
    bare.abort('not an error');
    await expect(plain).rejects.toThrow(/^Aborted$/);
    // A finished wait no longer listens: a late abort or online changes nothing.
    const done = new AbortController();
    vi.useFakeTimers();
    try {
      const short = waitForOnlineOrDelay(10, done.signal);
      await vi.advanceTimersByTimeAsync(10);
      await expect(short).resolves.toBeUndefined();
      done.abort();
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops retrying once its AbortSignal fires, with the last error', async () => {
    const controller = new AbortController();
    const { send, calls } = flaky(100);
    let waited = 0;
    const result = sendUntilDelivered(send, {
      retryable: (e) => e instanceof Offline,
      onQueued: () => undefined,
      signal: controller.signal,
      waitForRetry: () => {
        waited += 1;
        if (waited === 2) controller.abort();
        return Promise.resolve();
      },
    });
    await expect(result).rejects.toBeInstanceOf(Offline);
    expect(calls()).toBe(3);
  });
});
