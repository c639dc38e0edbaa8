// A database an older version of the app left, opened by this one (fake-indexeddb, spec-complete).
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { outboxItems } from './idb';

describe('the outbox store', () => {
  it('carries version 3 items over: pending stays pending, refused keeps its reason', async () => {
    const v3 = await openDB('closient-scanner', 3, {
      upgrade(database) {
        database
          .createObjectStore('sessions', { keyPath: 'id' })
          .createIndex('lastUsedAt', 'lastUsedAt');
        database
          .createObjectStore('thumbs', { keyPath: 's3Key' })
          .createIndex('savedAt', 'savedAt');
        database
          .createObjectStore('outbox', { keyPath: 'id' })
          .createIndex('createdAt', 'createdAt');
      },
    });
    const base = { kind: 'capture', server: '', sessionId: 's1' };
    await v3.put('outbox', {
      ...base,
      id: 'a',
      payload: { rawValue: '4006381333931' },
      createdAt: 1,
    });
    await v3.put('outbox', {
      ...base,
      id: 'b',
      payload: { rawValue: '9780201379624' },
      createdAt: 2,
      refused: { message: 'Session ended.', status: 409, at: 3 },
    });
    await v3.put('outbox', { ...base, kind: 'photo', id: 'c', payload: {}, createdAt: 4 });
    v3.close();

    const items = await outboxItems.list('');
    expect(items.map((i) => [i.id, i.state, i.summary.title, i.attempts])).toEqual([
      ['a', 'pending', '4006381333931', 0],
      ['b', 'refused', '9780201379624', 0],
      ['c', 'pending', 'Photo', 0],
    ]);
    expect(items[1]?.error).toEqual({ message: 'Session ended.', status: 409, at: 3 });
    expect((await outboxItems.listIn('', 'pending')).map((i) => i.id)).toEqual(['a', 'c']);
    expect(await outboxItems.listIn('https://else.test', 'pending')).toEqual([]);
  });
});
