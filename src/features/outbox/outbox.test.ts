// The outbox on a spec-complete IndexedDB (fake-indexeddb), through lib/idb's real storage.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { errorEnvelope } from '#contract';
import { apiErrorFrom, ContractError, NetworkError } from '../../lib/api-client';
import { outboxItems } from '../../lib/idb';
import { createOutbox, type OutboxEvent, StorageFailedError } from './outbox';
import type { KindHandler, OriginLock, OutboxStorage, SharedPause, Waiting } from './outbox-types';

let serverCount = 0;

/** A lock shared by the outboxes of one test, as Web Locks is by the tabs of an origin. */
function fakeOriginLock(): OriginLock {
  let tail: Promise<unknown> = Promise.resolve();
  return (_name, task) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

function fakePause(): SharedPause {
  const pauses = new Map<string, Waiting | null>();
  return { get: (s) => pauses.get(s) ?? null, set: (s, w) => void pauses.set(s, w) };
}

/** Timers that run only when the test says so, with the clock moved to their time. */
function fakeTimers() {
  const clock = { now: 1_000_000 };
  let timers: { at: number; run: () => void }[] = [];
  return {
    clock,
    setTimer: (run: () => void, ms: number) => {
      const timer = { at: clock.now + ms, run };
      timers.push(timer);
      return () => (timers = timers.filter((t) => t !== timer));
    },
    pending: () => timers.map((t) => t.at - clock.now),
    /** Runs the next timer; its wait is returned. */
    next() {
      const timer = timers.sort((a, b) => a.at - b.at).shift();
      if (!timer) throw new Error('No timer is set');
      const waited = timer.at - clock.now;
      clock.now = Math.max(clock.now, timer.at);
      timer.run();
      return waited;
    },
  };
}

interface Tab {
  outbox: ReturnType<typeof createOutbox>;
  events: OutboxEvent[];
}

function setup(options: { online?: () => boolean; budgetWaitMs?: () => number } = {}) {
  const server = `https://outbox-${++serverCount}.test`;
  const timers = fakeTimers();
  const lock = fakeOriginLock();
  const pause = fakePause();
  const sent: string[] = [];
  /** What the next sends answer, in order; then success. */
  const answers: Error[] = [];
  const handler: KindHandler<{ value: string }> = {
    parse: (p) =>
      typeof p === 'object' && p !== null && typeof (p as { value?: unknown }).value === 'string'
        ? (p as { value: string })
        : null,
    send: async ({ value }) => {
      sent.push(value);
      await new Promise((r) => setTimeout(r, 1));
      const answer = answers.shift();
      if (answer) throw answer;
      return { id: `cap-${value}` };
    },
  };
  const tab = (storage: OutboxStorage = outboxItems): Tab => {
    const events: OutboxEvent[] = [];
    const outbox = createOutbox({
      server,
      storage,
      lock,
      pause,
      now: () => timers.clock.now,
      random: () => 0.5,
      online: options.online ?? (() => true),
      publish: (e) => events.push(e),
      setTimer: timers.setTimer,
      ...(options.budgetWaitMs ? { budgetWaitMs: options.budgetWaitMs } : {}),
    });
    outbox.register('scan', handler);
    return { outbox, events };
  };
  const item = (value: string, sessionId = 'session-a') => ({
    id: `id-${value}`,
    kind: 'scan',
    sessionId,
    payload: { value },
    summary: { title: value },
  });
  const states = async () =>
    Object.fromEntries((await outboxItems.list(server)).map((i) => [i.summary.title, i.state]));
  return { server, timers, sent, answers, tab, item, states };
}

const tabs: Tab[] = [];
afterEach(() => tabs.splice(0).forEach((t) => t.outbox.stop()));

const values = (n: number) => Array.from({ length: n }, (_, i) => `v${String(i).padStart(3, '0')}`);

describe('the outbox', () => {
  it('sends items oldest first, one at a time, and keeps each as sent', async () => {
    const t = setup();
    const { outbox, events } = t.tab();
    tabs.push({ outbox, events });
    for (const v of values(20)) await outbox.enqueue(t.item(v));
    await outbox.drain();
    expect(t.sent).toEqual(values(20));
    expect(new Set(Object.values(await t.states()))).toEqual(new Set(['sent']));
    const delivered = events.filter((e) => e.type === 'delivered');
    expect(delivered.map((e) => e.type === 'delivered' && e.result.id)).toEqual(
      values(20).map((v) => `cap-${v}`),
    );
  });

  it('stops at the first unknown outcome and resumes from that item after the backoff', async () => {
    const t = setup();
    const { outbox } = t.tab();
    tabs.push({ outbox, events: [] });
    t.answers.push(new NetworkError('Failed to fetch'));
    for (const v of ['a', 'b', 'c']) await outbox.enqueue(t.item(v));
    await outbox.drain();
    // One try of "a", then the queue waits: "b" and "c" were not sent ahead of it.
    expect(t.sent).toEqual(['a']);
    // The first backoff is 1 s with jitter (half fixed, half random; random is 0.5 here).
    expect(t.timers.pending()).toEqual([750]);
    t.timers.next();
    await outbox.drain();
    expect(t.sent).toEqual(['a', 'a', 'b', 'c']);
  });

  it('doubles the backoff with each failure up to 30 s, and honours Retry-After on a 429', async () => {
    const t = setup();
    const { outbox } = t.tab();
    tabs.push({ outbox, events: [] });
    for (let i = 0; i < 7; i++) t.answers.push(new NetworkError('Failed to fetch'));
    await outbox.enqueue(t.item('a'));
    await outbox.drain();
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      waits.push(t.timers.next());
      await outbox.drain();
    }
    expect(waits).toEqual([750, 1_500, 3_000, 6_000, 12_000, 22_500]);
    t.answers.push(apiErrorFrom(errorEnvelope(429, 'Slow down.', null, 7), 429, null, 0));
    t.timers.next();
    await outbox.drain();
    expect(t.timers.pending()).toEqual([7_000]);
  });

  it('retries what it cannot read as the server answer, and refuses only an API refusal', async () => {
    const t = setup();
    const { outbox } = t.tab();
    tabs.push({ outbox, events: [] });
    const portal = apiErrorFrom(null, 404, null, 0); // an HTML page: not the API's envelope
    const cut = new ContractError('Unexpected response from /captures', []);
    const busy = apiErrorFrom(errorEnvelope(503, 'Down.'), 503, null, 0);
    const processing = apiErrorFrom(errorEnvelope(409, 'In flight.', null, 1), 409, null, 0);
    const refusal = apiErrorFrom(errorEnvelope(422, 'Invalid GTIN.'), 422, null, 0);
    t.answers.push(portal, cut, busy, processing, refusal);
    await outbox.enqueue(t.item('a'));
    await outbox.enqueue(t.item('b'));
    await outbox.drain();
    for (let i = 0; i < 4; i++) {
      t.timers.next();
      await outbox.drain();
    }
    // "a" was tried five times: four unknown outcomes, then the refusal; "b" went on.
    expect(t.sent).toEqual(['a', 'a', 'a', 'a', 'a', 'b']);
    expect(await t.states()).toEqual({ a: 'refused', b: 'sent' });
    const refused = (await outboxItems.list(t.server)).find((i) => i.id === 'id-a');
    expect(refused?.error).toMatchObject({ message: 'Invalid GTIN.', status: 422 });
    expect(refused?.attempts).toBe(5);
  });

  it('sends a retried refusal again, and forgets a discarded one', async () => {
    const t = setup();
    const { outbox } = t.tab();
    tabs.push({ outbox, events: [] });
    t.answers.push(apiErrorFrom(errorEnvelope(409, 'Session ended.'), 409, null, 0));
    t.answers.push(apiErrorFrom(errorEnvelope(409, 'Session ended.'), 409, null, 0));
    await outbox.enqueue(t.item('a'));
    await outbox.enqueue(t.item('b'));
    await outbox.drain();
    expect(await t.states()).toEqual({ a: 'refused', b: 'refused' });
    await outbox.retry('id-a');
    await outbox.drain();
    await outbox.discard('id-b');
    expect(await t.states()).toEqual({ a: 'sent' });
    expect(t.sent).toEqual(['a', 'b', 'a']);
  });

  it('lets two tabs drain at once without sending any item twice, in order', async () => {
    const t = setup();
    const one = t.tab();
    const two = t.tab();
    tabs.push(one, two);
    const all = values(30);
    for (const v of all) await (Number(v.slice(1)) % 2 ? one : two).outbox.enqueue(t.item(v));
    await Promise.all([one.outbox.drain(), two.outbox.drain(), one.outbox.drain()]);
    expect(t.sent).toEqual(all);
  });

  it('shares a pause between tabs: a 429 seen by one holds the other back', async () => {
    const t = setup();
    const one = t.tab();
    const two = t.tab();
    tabs.push(one, two);
    t.answers.push(apiErrorFrom(errorEnvelope(429, 'Slow down.', null, 5), 429, null, 0));
    await one.outbox.enqueue(t.item('a'));
    await one.outbox.drain();
    await two.outbox.enqueue(t.item('b'));
    await two.outbox.drain();
    expect(t.sent).toEqual(['a']);
    t.timers.next();
    await Promise.all([one.outbox.drain(), two.outbox.drain()]);
    expect(t.sent).toEqual(['a', 'a', 'b']);
  });

  it('retries at once when the network came back while the failing attempt was in flight', async () => {
    let online = false;
    const t = setup({ online: () => online });
    const { outbox, events } = t.tab();
    tabs.push({ outbox, events });
    await outbox.enqueue(t.item('a'));
    t.answers.push(new NetworkError('Failed to fetch'));
    const draining = outbox.drain();
    online = true;
    outbox.online();
    await draining;
    // Sent again straight away, not after a backoff: no timer was needed.
    expect(t.sent).toEqual(['a', 'a']);
    expect(await t.states()).toEqual({ a: 'sent' });
  });

  it('an online event ends a wait for the network, never a wait the server asked for', async () => {
    const t = setup({ online: () => false });
    const { outbox } = t.tab();
    tabs.push({ outbox, events: [] });
    t.answers.push(new NetworkError('Failed to fetch'));
    await outbox.enqueue(t.item('a'));
    await outbox.drain();
    outbox.online();
    await outbox.drain();
    expect(t.sent).toEqual(['a', 'a']);
    t.answers.push(apiErrorFrom(errorEnvelope(429, 'Slow down.', null, 9), 429, null, 0));
    await outbox.enqueue(t.item('b'));
    await outbox.drain();
    outbox.online();
    await outbox.drain();
    expect(t.sent).toEqual(['a', 'a', 'b']);
  });

  it('holds off while the rate limit has nothing left, without spending a request on a 429', async () => {
    let budget = 0;
    const t = setup({ budgetWaitMs: () => budget });
    const { outbox, events } = t.tab();
    tabs.push({ outbox, events });
    await outbox.enqueue(t.item('a'));
    await outbox.drain();
    budget = 4_000;
    await outbox.enqueue(t.item('b'));
    await outbox.drain();
    expect(t.sent).toEqual(['a']);
    expect(t.timers.pending()).toContain(4_000);
    expect(events.filter((e) => e.type === 'waiting').at(-1)).toMatchObject({
      waiting: { reason: 'busy' },
    });
    budget = 0;
    t.timers.next();
    await outbox.drain();
    expect(t.sent).toEqual(['a', 'b']);
  });

  it('keeps a held item without sending it until it is released', async () => {
    const t = setup();
    const { outbox } = t.tab();
    tabs.push({ outbox, events: [] });
    await outbox.enqueue({ ...t.item('held'), held: true });
    await outbox.enqueue(t.item('next'));
    await outbox.drain();
    expect(t.sent).toEqual(['next']);
    await outbox.update('id-held', { value: 'held-smaller' }, true);
    await outbox.drain();
    expect(t.sent).toEqual(['next', 'held-smaller']);
  });

  it('refuses an item it cannot read, with the reason, and goes on', async () => {
    const t = setup();
    const { outbox } = t.tab();
    tabs.push({ outbox, events: [] });
    await outbox.enqueue({ ...t.item('odd'), payload: { value: 42 } });
    await outbox.enqueue({ ...t.item('unknown-kind'), kind: 'count' });
    await outbox.enqueue(t.item('fine'));
    await outbox.drain();
    expect(await t.states()).toEqual({ odd: 'refused', 'unknown-kind': 'refused', fine: 'sent' });
  });

  it('does not accept an item it could not store, and says why', async () => {
    const t = setup();
    const full: OutboxStorage = {
      ...outboxItems,
      put: () => Promise.reject(new DOMException('Quota exceeded', 'QuotaExceededError')),
    };
    const { outbox, events } = t.tab(full);
    tabs.push({ outbox, events });
    await expect(outbox.enqueue(t.item('a'))).rejects.toThrow(StorageFailedError);
    await expect(outbox.enqueue(t.item('a'))).rejects.toThrow(/out of storage space/);
    expect(events).toEqual([]);
    expect(t.sent).toEqual([]);
  });

  it('forgets sent records past their age or beyond the cap, and never an unsent item', async () => {
    const t = setup();
    const { outbox } = t.tab();
    tabs.push({ outbox, events: [] });
    for (const v of values(4)) await outbox.enqueue(t.item(v));
    await outbox.drain();
    t.answers.push(apiErrorFrom(errorEnvelope(422, 'No.'), 422, null, 0));
    await outbox.enqueue(t.item('refused'));
    await outbox.enqueue({ ...t.item('held'), held: true });
    await outbox.drain();
    await outbox.forgetSent(0, 2);
    expect(await t.states()).toEqual({
      v002: 'sent',
      v003: 'sent',
      refused: 'refused',
      held: 'held',
    });
    t.timers.clock.now += 10;
    await outbox.forgetSent(t.timers.clock.now, 100);
    expect(await t.states()).toEqual({ refused: 'refused', held: 'held' });
  });

  it('orders items made in the same millisecond by when they were accepted', async () => {
    const t = setup();
    const { outbox } = t.tab();
    tabs.push({ outbox, events: [] });
    const made = [];
    for (const v of values(5)) made.push(await outbox.enqueue(t.item(v)));
    const times = made.map((m) => m.createdAt);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(new Set(times).size).toBe(5);
  });
});
