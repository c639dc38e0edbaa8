import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../lib/api-client';
import { outboxItems } from '../../lib/idb';
import { durableOutbox, useRefusedStore } from './durable-outbox';

const SERVER = 'https://outbox.test';
const item = (id: string) => ({
  id,
  kind: 'capture' as const,
  server: SERVER,
  sessionId: 'session0000000000000000',
  payload: { rawValue: id },
});
const stored = async () => (await outboxItems.list(SERVER)).map((i) => i.id);

describe('the durable outbox', () => {
  it('keeps an item until it is delivered, even when delivery beats the write', async () => {
    await durableOutbox.keep(item('a'));
    expect(await stored()).toEqual(['a']);
    await durableOutbox.delivered('a');
    // Delivered before its write had finished (a slow disk): still forgotten, not written
    // back afterwards. The write is held back so the race really happens.
    const put = outboxItems.put.bind(outboxItems);
    const slow = vi.spyOn(outboxItems, 'put').mockImplementationOnce(async (value) => {
      await new Promise((r) => setTimeout(r, 30));
      return put(value);
    });
    void durableOutbox.keep(item('b'));
    await durableOutbox.delivered('b');
    await new Promise((r) => setTimeout(r, 50));
    expect(await stored()).toEqual([]);
    slow.mockRestore();
  });

  it('hands what an earlier page left to this page once, and never its own items', async () => {
    // An earlier page wrote these, then was reloaded.
    await outboxItems.put({ ...item('left-1'), createdAt: 1 });
    await outboxItems.put({ ...item('left-2'), createdAt: 2 });
    await outboxItems.put({ ...item('other-server'), server: 'https://else.test', createdAt: 3 });
    await durableOutbox.keep(item('mine'));
    const [first, second] = await Promise.all([
      durableOutbox.claimOrphans(SERVER),
      durableOutbox.claimOrphans(SERVER),
    ]);
    expect(first?.map((i) => i.id)).toEqual(['left-1', 'left-2']);
    expect(second).toEqual([]);
    for (const id of ['left-1', 'left-2', 'mine']) await durableOutbox.delivered(id);
    await outboxItems.delete('other-server');
  });

  it('keeps a refused item with the server’s reason, shows it, and drops it when discarded', async () => {
    await durableOutbox.keep(item('refused'));
    await durableOutbox.refused(
      'refused',
      new ApiError(400, 'bad_request', 'Session is not active.', [], null, null),
    );
    const [kept] = await outboxItems.list(SERVER);
    expect(kept?.refused).toMatchObject({ status: 400, message: 'Session is not active.' });
    expect(useRefusedStore.getState().refused.map((i) => i.id)).toEqual(['refused']);
    // A refused item is not sent again by the next page.
    expect(await durableOutbox.claimOrphans(SERVER)).toEqual([]);
    await durableOutbox.discard('refused');
    expect(await stored()).toEqual([]);
    expect(useRefusedStore.getState().refused).toEqual([]);
  });

  it('discards one refused item and keeps the others listed', async () => {
    const refuse = (id: string) =>
      durableOutbox.refused(id, new ApiError(409, 'conflict', `no ${id}`, [], null, null));
    for (const id of ['r1', 'r2', 'r3']) {
      await durableOutbox.keep(item(id));
      await refuse(id);
    }
    await durableOutbox.discard('r2');
    expect(useRefusedStore.getState().refused.map((i) => i.id)).toEqual(['r1', 'r3']);
    expect((await stored()).sort()).toEqual(['r1', 'r3']);
    // Refusing the same item again replaces its entry rather than listing it twice.
    await durableOutbox.keep(item('r1'));
    await refuse('r1');
    expect(useRefusedStore.getState().refused.map((i) => i.id)).toEqual(['r3', 'r1']);
    for (const id of ['r1', 'r3']) await durableOutbox.discard(id);
  });

  it('starts with nothing refused, and shows what an earlier page saw refused', async () => {
    expect(useRefusedStore.getInitialState()).toEqual({ refused: [] });
    await outboxItems.put({
      ...item('old-refusal'),
      createdAt: 1,
      refused: { message: 'gone', status: 409, at: 1 },
    });
    await outboxItems.put({ ...item('old-pending'), createdAt: 2 });
    const orphans = await durableOutbox.claimOrphans(SERVER);
    expect(orphans.map((i) => i.id)).toEqual(['old-pending']);
    expect(useRefusedStore.getState().refused.map((i) => i.id)).toEqual(['old-refusal']);
    await durableOutbox.delivered('old-pending');
    await durableOutbox.discard('old-refusal');
  });

  it('ignores a refusal for an item it does not hold', async () => {
    await durableOutbox.refused('never-kept', new Error('x'));
    expect(useRefusedStore.getState().refused).toEqual([]);
    expect(await stored()).toEqual([]);
  });

  it('claims nothing when storage fails, rather than failing', async () => {
    const failing = vi.spyOn(outboxItems, 'list').mockRejectedValueOnce(new Error('quota'));
    await expect(durableOutbox.claimOrphans(SERVER)).resolves.toEqual([]);
    failing.mockRestore();
  });
});
