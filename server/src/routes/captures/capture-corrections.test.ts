import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Capture, SessionDetail } from '#contract';
import { createTestApp, type TestApp } from '../../test/harness';

let t: TestApp;
let sessionId: string;
beforeEach(async () => {
  t = await createTestApp();
  sessionId = (await t.call({ method: 'POST', url: '/scanner/api/v1/sessions', body: {} })).json()
    .id;
});
afterEach(() => t.close());

const create = async (raw_value: string, metadata: Record<string, string> = {}) =>
  Capture.parse(
    (
      await t.call({
        method: 'POST',
        url: '/scanner/api/v1/captures',
        body: { session_short_id: sessionId, capture_type: 'BARCODE', raw_value, metadata },
      })
    ).json(),
  );
const session = async () =>
  SessionDetail.parse((await t.call({ url: `/scanner/api/v1/sessions/${sessionId}` })).json());
const remove = (id: string) => t.call({ method: 'DELETE', url: `/scanner/api/v1/captures/${id}` });
const patch = (id: string, metadata: Record<string, string>) =>
  t.call({ method: 'PATCH', url: `/scanner/api/v1/captures/${id}`, body: { metadata } });

describe('DELETE /captures/{id} (Part A extension)', () => {
  it('removes the capture and its proposals, updates the counters, and is idempotent', async () => {
    const kept = await create('4006381333931');
    const gone = await create('5012345678900');
    await t.app.services.pipeline.idle();
    expect((await remove(gone.id)).statusCode).toBe(204);
    // A DELETE sent again, its first answer lost, answers the same.
    expect((await remove(gone.id)).statusCode).toBe(204);
    expect((await session()).captures.map((c) => c.id)).toEqual([kept.id]);
    expect((await t.call({ url: `/scanner/api/v1/captures/${gone.id}` })).statusCode).toBe(404);
    const poll = (await t.call({ url: `/scanner/api/v1/sessions/${sessionId}/status` })).json();
    expect(poll.captures.map((c: { id: string }) => c.id)).toEqual([kept.id]);
    // The counters: the session's summary counts what is left.
    const ended = await t.call({
      method: 'POST',
      url: `/scanner/api/v1/sessions/${sessionId}/end`,
    });
    expect(ended.json().capture_count).toBe(1);
  });

  it('answers 404 for a capture no one removed, and 409 once the session has ended', async () => {
    expect((await remove('2'.repeat(22))).statusCode).toBe(404);
    const capture = await create('4006381333931');
    await t.call({ method: 'POST', url: `/scanner/api/v1/sessions/${sessionId}/end` });
    const res = await remove(capture.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CONFLICT');
    expect((await session()).captures).toHaveLength(1);
  });

  it('does not let another organization remove a capture, or learn it exists', async () => {
    const capture = await create('4006381333931');
    const other = await t.otherKey();
    const res = await t.call({
      method: 'DELETE',
      url: `/scanner/api/v1/captures/${capture.id}`,
      headers: { 'X-API-Key': other },
    });
    expect(res.statusCode).toBe(404);
    expect((await session()).captures).toHaveLength(1);
  });
});

describe('PATCH /captures/{id} (Part A extension)', () => {
  it('merges metadata: a quantity and a note are set, kept and deleted by the rules of §1.7', async () => {
    const capture = await create('4006381333931', { client_capture_id: 'c1', quantity: '1' });
    const res = await patch(capture.id, { quantity: '3', note: 'Shelf 4, ‏يمين‎' });
    expect(res.statusCode).toBe(200);
    expect(Capture.parse(res.json()).metadata).toEqual({
      client_capture_id: 'c1',
      quantity: '3',
      note: 'Shelf 4, ‏يمين‎',
    });
    const cleared = Capture.parse((await patch(capture.id, { note: '' })).json());
    expect(cleared.metadata).toEqual({ client_capture_id: 'c1', quantity: '3' });
  });

  it('refuses a value past the limits with 422, and a write to an ended session with 409', async () => {
    const capture = await create('4006381333931');
    const tooLong = await patch(capture.id, { note: 'x'.repeat(501) });
    expect(tooLong.statusCode).toBe(422);
    await t.call({ method: 'POST', url: `/scanner/api/v1/sessions/${sessionId}/end` });
    expect((await patch(capture.id, { note: 'late' })).statusCode).toBe(409);
  });
});
