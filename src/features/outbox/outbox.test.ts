// The outbox on a spec-complete IndexedDB (fake-indexeddb), through lib/idb's real storage.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { errorEnvelope } from '#contract';
import { apiErrorFrom, ContractError, NetworkError } from '../../lib/api-client';
import { outboxItems } from '../../lib/idb';
import { createOutbox } from './outbox';
import { StorageFailedError } from './storage-failed';
import type {
  KindHandler,
  OriginLock,
  OutboxEvent,
  OutboxStorage,
  SendContext,
  SharedPause,
  Waiting,
} from './outbox-types';

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

interface Payload {
  value: string;
  saved?: string;
}

function setup(
  options: {
    online?: () => boolean;
    budgetWaitMs?: () => number;
    /** Runs inside each send, before it answers. */
    during?: (payload: Payload, context: SendContext<Payload>) => Promise<void>;
    keepAfterSent?: (payload: Payload) => unknown;
  } = {},
) {
  const server = `https://outbox-${++serverCount}.test`;
  const timers = fakeTimers();
  const locked: string[] = [];
  const shared = fakeOriginLock();
  const lock: OriginLock = (name, task) => {
    locked.push(name);
    return shared(name, task);
  };
  const pause = fakePause();
  const sent: string[] = [];
  const payloads: Payload[] = [];
  /** What the next sends answer, in order; then success. */
  const answers: Error[] = [];
  const handler: KindHandler<Payload> = {
    parse: (p) =>
      typeof p === 'object' && p !== null && typeof (p as { value?: unknown }).value === 'string'
        ? (p as Payload)
        : null,
    ...(options.keepAfterSent ? { keepAfterSent: options.keepAfterSent } : {}),
    send: async (payload, context) => {
      const { value } = payload;
      sent.push(value);
      payloads.push(payload);
      await new Promise((r) => setTimeout(r, 1));
      await options.during?.(payload, context);
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
  return { server, timers, sent, payloads, answers, tab, item, states, locked, pause };
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
    await outbox.whenIdle();
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
    await outbox.whenIdle();
    // One try of "a", then the queue waits: "b" and "c" were not sent ahead of it.
    expect(t.sent).toEqual(['a']);
    // The first backoff is 1 s with jitter (half fixed, half random; random is 0.5 here).
    expect(t.timers.pending()).toEqual([750]);
    t.timers.next();
    await outbox.whenIdle();
    expect(t.sent).toEqual(['a', 'a', 'b', 'c']);
  });

  it('doubles the backoff with each failure up to 30 s, and honours Retry-After on a 429', async () => {
    const t = setup();
    const { outbox } = t.tab();
    tabs.push({ outbox, events: [] });
    for (let i = 0; i < 7; i++) t.answers.push(new NetworkError('Failed to fetch'));
    await outbox.enqueue(t.item('a'));
    await outbox.whenIdle();
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      waits.push(t.timers.next());
      await outbox.whenIdle();
    }
    expect(waits).toEqual([750, 1_500, 3_000, 6_000, 12_000, 22_500]);
    t.answers.push(apiErrorFrom(errorEnvelope(429, 'Slow down.', null, 7), 429, null, 0));
    t.timers.next();
    await outbox.whenIdle();
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
    await outbox.whenIdle();
    for (let i = 0; i < 4; i++) {
      t.timers.next();
      await outbox.whenIdle();
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
    await outbox.whenIdle();
    expect(await t.states()).toEqual({ a: 'refused', b: 'refused' });
    await outbox.retry('id-a');
    await outbox.whenIdle();
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
    await outbox.whenIdle();
    outbox.online();
    await outbox.whenIdle();
    expect(t.sent).toEqual(['a', 'a']);
    t.answers.push(apiErrorFrom(errorEnvelope(429, 'Slow down.', null, 9), 429, null, 0));
    await outbox.enqueue(t.item('b'));
    await outbox.whenIdle();
    outbox.online();
    await outbox.whenIdle();
    expect(t.sent).toEqual(['a', 'a', 'b']);
  });

  it('holds off while the rate limit has nothing left, without spending a request on a 429', async () => {
    let budget = 0;
    const t = setup({ budgetWaitMs: () => budget });
    const { outbox, events } = t.tab();
    tabs.push({ outbox, events });
    await outbox.enqueue(t.item('a'));
    await outbox.whenIdle();
    budget = 4_000;
    await outbox.enqueue(t.item('b'));
    await outbox.whenIdle();
    expect(t.sent).toEqual(['a']);
    expect(t.timers.pending()).toContain(4_000);
    expect(events.filter((e) => e.type === 'waiting').at(-1)).toEqual({
      type: 'waiting',
      waiting: {
        reason: 'busy',
        message: 'The rate limit allows more soon.',
        until: t.timers.clock.now + 4_000,
      },
    });
    budget = 0;
    t.timers.next();
    await outbox.whenIdle();
    expect(t.sent).toEqual(['a', 'b']);
  });

  it('keeps a held item without sending it until it is released', async () => {
    const t = setup();
    const { outbox } = t.tab();
    tabs.push({ outbox, events: [] });
    await outbox.enqueue({ ...t.item('held'), held: true });
    await outbox.enqueue(t.item('next'));
    await outbox.whenIdle();
    expect(t.sent).toEqual(['next']);
    await outbox.update('id-held', { value: 'held-smaller' }, true);
    await outbox.whenIdle();
    expect(t.sent).toEqual(['next', 'held-smaller']);
  });

  it('refuses an item it cannot read, with the reason, and goes on', async () => {
    const t = setup();
    const { outbox } = t.tab();
    tabs.push({ outbox, events: [] });
    await outbox.enqueue({ ...t.item('odd'), payload: { value: 42 } });
    await outbox.enqueue({ ...t.item('unknown-kind'), kind: 'count' });
    await outbox.enqueue(t.item('fine'));
    await outbox.whenIdle();
    expect(await t.states()).toEqual({ odd: 'refused', 'unknown-kind': 'refused', fine: 'sent' });
    const messages = (await outboxItems.list(t.server)).map((i) => i.error?.message);
    expect(messages.slice(0, 2)).toEqual([
      'Saved by another version of the app in a form this one cannot read.',
      'Saved by another version of the app in a form this one cannot read.',
    ]);
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
    await outbox.whenIdle();
    t.answers.push(apiErrorFrom(errorEnvelope(422, 'No.'), 422, null, 0));
    await outbox.enqueue(t.item('refused'));
    await outbox.enqueue({ ...t.item('held'), held: true });
    await outbox.whenIdle();
    await outbox.forgetSent(0, 2);
    // Sent at this very moment: not before it, so kept.
    await outbox.forgetSent(t.timers.clock.now, 100);
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

  it('tells the screens each step: kept, tried, sent, with the answer', async () => {
    const t = setup();
    const { outbox, events } = t.tab();
    tabs.push({ outbox, events });
    await outbox.enqueue(t.item('a'));
    await outbox.whenIdle();
    expect(
      events.map((e) =>
        e.type === 'changed' || e.type === 'delivered'
          ? `${e.type}:${e.item.state}:${e.item.attempts}`
          : e.type,
      ),
    ).toEqual(['changed:pending:0', 'changed:sent:1', 'delivered:sent:1']);
    const delivered = events.at(-1);
    expect(delivered).toMatchObject({ result: { id: 'cap-a' }, item: { resultId: 'cap-a' } });
    expect(delivered && 'item' in delivered && 'payload' in delivered.item).toBe(false);
    expect(t.locked).toEqual([`closient-outbox:${t.server}`]);
    expect((await outbox.list()).map((i) => i.id)).toEqual(['id-a']);
  });

  it('notes why an item waits on the item itself, and clears the pause once one goes through', async () => {
    const t = setup();
    const { outbox, events } = t.tab();
    tabs.push({ outbox, events });
    t.answers.push(new NetworkError('Failed to fetch'));
    await outbox.enqueue(t.item('a'));
    await outbox.whenIdle();
    const [waiting] = await outboxItems.list(t.server);
    expect(waiting?.error).toEqual({
      message: 'The server did not answer.',
      status: null,
      at: t.timers.clock.now,
    });
    expect(t.pause.get(t.server)).toMatchObject({ reason: 'unconfirmed' });
    t.timers.next();
    await outbox.whenIdle();
    expect(t.pause.get(t.server)).toBeNull();
    expect(
      events
        .filter((e) => e.type === 'waiting')
        .map((e) => (e.type === 'waiting' && e.waiting?.reason) ?? null),
    ).toEqual(['unconfirmed', null]);
    const [sent] = await outboxItems.list(t.server);
    expect(sent?.error).toBeUndefined();
    expect(sent?.state).toBe('sent');
  });

  it('resumes an item from where its send got to, and keeps only what the kind keeps', async () => {
    let failFirst = true;
    const t = setup({
      during: async (payload, { save }) => {
        if (payload.saved) return;
        await save({ ...payload, saved: 'stored-object' });
        if (failFirst) {
          failFirst = false;
          throw new NetworkError('Failed to fetch');
        }
      },
      keepAfterSent: ({ value }) => ({ value, bytes: 'dropped' }),
    });
    const { outbox } = t.tab();
    tabs.push({ outbox, events: [] });
    await outbox.enqueue(t.item('photo'));
    await outbox.whenIdle();
    t.timers.next();
    await outbox.whenIdle();
    expect(t.payloads).toEqual([{ value: 'photo' }, { value: 'photo', saved: 'stored-object' }]);
    const [kept] = await outboxItems.list(t.server);
    expect(kept?.payload).toEqual({ value: 'photo', bytes: 'dropped' });
  });

  it('keeps the payload as last saved when the kind keeps it all', async () => {
    const t = setup({ during: (p, { save }) => save({ ...p, saved: 'yes' }) });
    const { outbox } = t.tab();
    tabs.push({ outbox, events: [] });
    await outbox.enqueue(t.item('a'));
    await outbox.whenIdle();
    expect((await outboxItems.list(t.server))[0]?.payload).toEqual({ value: 'a', saved: 'yes' });
  });

  it('sends nothing once stopped, not even the rest of a running pass, until started again', async () => {
    let outbox: ReturnType<typeof createOutbox> | null = null;
    const t = setup({
      during: ({ value }) => {
        if (value === 'a') outbox?.stop();
        return Promise.resolve();
      },
    });
    const tab = t.tab();
    outbox = tab.outbox;
    tabs.push(tab);
    tab.outbox.stop();
    for (const v of ['a', 'b', 'c']) await tab.outbox.enqueue(t.item(v));
    await tab.outbox.drain();
    // Stopped: not even the lock is asked for.
    expect(t.locked).toEqual([]);
    tab.outbox.start();
    await tab.outbox.drain();
    expect(t.sent).toEqual(['a']);
    tab.outbox.start();
    await tab.outbox.drain();
    expect(t.sent).toEqual(['a', 'b', 'c']);
  });

  it('skips an item discarded while the pass was running', async () => {
    let outbox: ReturnType<typeof createOutbox> | null = null;
    const t = setup({
      during: async ({ value }) => {
        if (value === 'a') await outbox?.discard('id-b');
      },
    });
    const tab = t.tab();
    outbox = tab.outbox;
    tabs.push(tab);
    tab.outbox.stop();
    for (const v of ['a', 'b', 'c']) await tab.outbox.enqueue(t.item(v));
    tab.outbox.start();
    await tab.outbox.drain();
    expect(t.sent).toEqual(['a', 'c']);
    expect(tab.events.filter((e) => e.type === 'removed')).toEqual([
      { type: 'removed', id: 'id-b' },
    ]);
  });

  it('does not bring back an item discarded during its own send', async () => {
    let outbox: ReturnType<typeof createOutbox> | null = null;
    const t = setup({
      during: async (payload, { save }) => {
        await outbox?.discard('id-a');
        await save({ ...payload, saved: 'late' });
      },
    });
    const tab = t.tab();
    outbox = tab.outbox;
    tabs.push(tab);
    await tab.outbox.enqueue(t.item('a'));
    await tab.outbox.whenIdle();
    // It did reach the server: the record says sent, with the payload as sent.
    const [item] = await outboxItems.list(t.server);
    expect([item?.state, item?.payload]).toEqual(['sent', { value: 'a' }]);
  });

  it('withdraws an unsent item, and says when the server has it already', async () => {
    const t = setup({ online: () => false });
    const tab = t.tab();
    tabs.push(tab);
    t.answers.push(new NetworkError('offline'));
    await tab.outbox.enqueue(t.item('a'));
    await tab.outbox.enqueue(t.item('b'));
    await tab.outbox.whenIdle();
    expect(await tab.outbox.withdraw('id-b')).toBe('withdrawn');
    expect(tab.events).toContainEqual({ type: 'removed', id: 'id-b' });
    expect(await tab.outbox.withdraw('id-b')).toBe('missing');
    t.timers.next();
    await tab.outbox.whenIdle();
    expect(t.sent).toEqual(['a', 'a']);
    expect(await tab.outbox.withdraw('id-a')).toBe('sent');
    expect(await tab.outbox.revise('id-a', (i) => i)).toBe('sent');
    expect(await t.states()).toEqual({ a: 'sent' });
    // Under the one lock the passes take, so never beside a send from another tab.
    expect(new Set(t.locked)).toEqual(new Set([`closient-outbox:${t.server}`]));
  });

  it('never withdraws or revises an item while a tab is sending it', async () => {
    let outbox: ReturnType<typeof createOutbox> | null = null;
    const verdicts: { withdrawn?: Promise<string>; revised?: Promise<string> } = {};
    const t = setup({
      during: (payload) => {
        if (payload.value === 'a' && outbox) {
          // The operator undoes a while its send is in flight: the answer waits for the send.
          verdicts.withdrawn = outbox.withdraw('id-a');
          verdicts.revised = outbox.revise('id-b', (i) => ({
            ...i,
            payload: { value: 'b', saved: '2' },
          }));
        }
        return Promise.resolve();
      },
    });
    const tab = t.tab();
    outbox = tab.outbox;
    tabs.push(tab);
    await tab.outbox.enqueue(t.item('a'));
    await tab.outbox.enqueue(t.item('b'));
    await tab.outbox.whenIdle();
    expect(await verdicts.withdrawn).toBe('sent');
    // Whichever came first, the verdict matches what the server was sent.
    const sentB = t.payloads.find((p) => p.value === 'b');
    expect(sentB?.saved).toBe((await verdicts.revised) === 'unsent' ? '2' : undefined);
    expect((await outboxItems.get('id-b'))?.payload).toEqual({ value: 'b', saved: '2' });
    expect(await t.states()).toEqual({ a: 'sent', b: 'sent' });
  });

  it('sends a payload revised before its turn', async () => {
    const t = setup({ online: () => false });
    const tab = t.tab();
    tabs.push(tab);
    t.answers.push(new NetworkError('offline'));
    await tab.outbox.enqueue(t.item('a'));
    await tab.outbox.whenIdle();
    expect(
      await tab.outbox.revise('id-a', (i) => ({ ...i, payload: { value: 'a', saved: 'x3' } })),
    ).toBe('unsent');
    expect(await tab.outbox.revise('id-zz', (i) => i)).toBe('missing');
    t.timers.next();
    await tab.outbox.whenIdle();
    expect(t.payloads.map((p) => p.saved)).toEqual([undefined, 'x3']);
  });

  it('changes a kept payload without sending it unless released; ignores unknown ids', async () => {
    const t = setup();
    const { outbox, events } = t.tab();
    tabs.push({ outbox, events });
    await outbox.enqueue({ ...t.item('held'), held: true });
    await outbox.update('id-held', { value: 'smaller' });
    await outbox.whenIdle();
    expect(t.sent).toEqual([]);
    // Neither keeping nor changing a held item starts a pass.
    expect(t.locked).toEqual([]);
    expect(await t.states()).toEqual({ held: 'held' });
    const [kept] = await outboxItems.list(t.server);
    expect(kept?.payload).toEqual({ value: 'smaller' });
    await outbox.update('id-nothing', { value: 'x' }, true);
    await outbox.retry('id-nothing');
    await outbox.whenIdle();
    expect(t.sent).toEqual([]);
    expect(events.map((e) => e.type)).toEqual(['changed', 'changed']);
  });

  it('releases a refused item with its reason cleared, and never resends a sent one', async () => {
    const t = setup();
    const { outbox } = t.tab();
    tabs.push({ outbox, events: [] });
    t.answers.push(apiErrorFrom(errorEnvelope(413, 'Too large.'), 413, null, 0));
    await outbox.enqueue(t.item('big'));
    await outbox.whenIdle();
    expect((await outboxItems.list(t.server))[0]?.error?.status).toBe(413);
    // A change alone keeps it refused, with its reason.
    await outbox.update('id-big', { value: 'smaller' });
    expect((await outboxItems.list(t.server))[0]?.error?.status).toBe(413);
    await outbox.update('id-big', { value: 'small' }, true);
    await outbox.whenIdle();
    const [item] = await outboxItems.list(t.server);
    expect([item?.state, item?.error]).toEqual(['sent', undefined]);
    await outbox.retry('id-big');
    await outbox.whenIdle();
    expect(t.sent).toEqual(['big', 'small']);
  });

  it('says plainly why an item could not be kept', async () => {
    const t = setup();
    const failing = (error: Error): OutboxStorage => ({
      ...outboxItems,
      put: () => Promise.reject(error),
    });
    const quota = t.tab(failing(new DOMException('Quota exceeded', 'QuotaExceededError'))).outbox;
    const other = t.tab(failing(new DOMException('Blocked.', 'InvalidStateError'))).outbox;
    const odd = t.tab(failing(new TypeError('no IndexedDB'))).outbox;
    tabs.push(
      { outbox: quota, events: [] },
      { outbox: other, events: [] },
      { outbox: odd, events: [] },
    );
    const error = await quota.enqueue(t.item('a')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFailedError);
    expect((error as Error).name).toBe('StorageFailedError');
    expect((error as Error).message).toBe(
      'This device is out of storage space, so the scan could not be kept. Free some space, then scan it again.',
    );
    await expect(other.enqueue(t.item('a'))).rejects.toThrow(
      "This device could not keep the scan (Blocked.). Scan it again; if this repeats, leave private browsing or check the browser's storage settings.",
    );
    await expect(odd.enqueue(t.item('a'))).rejects.toThrow('(no IndexedDB)');
  });

  it('orders items made in the same millisecond by when they were accepted', async () => {
    const t = setup();
    const { outbox } = t.tab();
    tabs.push({ outbox, events: [] });
    const made = [];
    for (const v of values(5)) made.push(await outbox.enqueue(t.item(v)));
    const times = made.map((m) => m.createdAt);
    // The device's time: the first is now, the rest a hair later each.
    expect(times[0]).toBe(t.timers.clock.now);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(new Set(times).size).toBe(5);
  });
});
