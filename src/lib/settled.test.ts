import { describe, expect, it } from 'vitest';
import { fulfilled, settled } from './settled';

describe('settled', () => {
  it('is pending, then records the value it resolved with', async () => {
    let resolve = (_: number) => {};
    const tagged = settled(new Promise<number>((r) => (resolve = r)));
    expect(tagged.status).toBe('pending');
    resolve(7);
    await expect(tagged).resolves.toBe(7);
    expect(tagged).toMatchObject({ status: 'fulfilled', value: 7 });
  });

  it('records a rejection and still rejects for whoever awaits it', async () => {
    const error = new Error('chunk failed');
    const tagged = settled(Promise.reject(error));
    await expect(tagged).rejects.toBe(error);
    expect(tagged).toMatchObject({ status: 'rejected', reason: error });
  });

  it('makes a value an already fulfilled promise', async () => {
    const tagged = fulfilled('outbox');
    expect(tagged).toMatchObject({ status: 'fulfilled', value: 'outbox' });
    await expect(tagged).resolves.toBe('outbox');
  });
});
