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

const post = (body: object, headers: Record<string, string> = {}) =>
  t.call({
    method: 'POST',
    url: '/scanner/api/v1/captures',
    body: { session_short_id: sessionId, capture_type: 'BARCODE', ...body },
    headers,
  });
const settled = async (id: string) => {
  await t.app.services.pipeline.idle();
  return Capture.parse((await t.call({ url: `/scanner/api/v1/captures/${id}` })).json());
};

describe('captures', () => {
  it('records a scan as PENDING and completes it against the catalog', async () => {
    const res = await post({
      raw_value: '4006381333931',
      gtin: '4006381333931',
      metadata: { client_capture_id: 'c1', format: 'ean13' },
    });
    expect(res.statusCode).toBe(201);
    const created = Capture.parse(res.json());
    expect(created).toMatchObject({
      status: 'PENDING',
      gtin: '04006381333931',
      metadata: { client_capture_id: 'c1' },
    });
    const done = await settled(created.id);
    expect(done).toMatchObject({
      status: 'COMPLETED',
      product_name: 'STABILO BOSS Original Highlighter, yellow',
      error_message: '',
    });
    expect(done.product_short_id).toMatch(/^\w{22}$/);
    expect(done.processed_at).not.toBeNull();
  });

  it('walks PENDING -> LOOKING_UP -> ENRICHING -> RESOLVING -> COMPLETED', async () => {
    const seen: string[] = [];
    const { captures } = t.app.services;
    const update = captures.update.bind(captures);
    captures.update = (id, changes) => {
      if (changes.status) seen.push(changes.status);
      return update(id, changes);
    };
    await settled(Capture.parse((await post({ raw_value: '4006381333931' })).json()).id);
    expect(seen).toEqual(['LOOKING_UP', 'ENRICHING', 'RESOLVING', 'COMPLETED']);
  });

  it('answers NOT_FOUND for an unknown GTIN and for a value that is no GTIN', async () => {
    expect((await settled((await post({ raw_value: '5901234123457' })).json().id)).status).toBe(
      'NOT_FOUND',
    );
    expect((await settled((await post({ raw_value: 'ABC-12345-xyz' })).json().id)).status).toBe(
      'NOT_FOUND',
    );
  });

  it('fails with the reason on a lookup error, and retry runs it again', async () => {
    const id = (await post({ raw_value: '4000000000006' })).json().id;
    const failed = await settled(id);
    expect(failed).toMatchObject({
      status: 'FAILED',
      error_message: 'Supplier catalog timed out while looking up this GTIN.',
    });
    await t.app.services.products.upsertMany([
      { gtin: '04000000000006', name: 'Fixed feed product' },
    ]);
    const retry = await t.call({ method: 'POST', url: `/scanner/api/v1/captures/${id}/retry` });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({
      status: 'PENDING',
      error_message: '',
      processed_at: null,
    });
    expect(await settled(id)).toMatchObject({
      status: 'COMPLETED',
      product_name: 'Fixed feed product',
    });
    expect(
      (await t.call({ method: 'POST', url: `/scanner/api/v1/captures/${id}/retry` })).statusCode,
    ).toBe(409);
  });

  it('reads the GTIN from gs1_dl_data and from a Digital Link URL', async () => {
    const dl = await settled(
      (
        await post({
          raw_value: 'https://id.gs1.org/01/09506000134352',
          gs1_dl_data: { '01': '09506000134352' },
        })
      ).json().id,
    );
    expect(dl).toMatchObject({ gtin: '09506000134352', product_name: 'GS1 Example Product' });
  });

  it('rejects bad input with the field named, and a missing session with 404', async () => {
    const badGtin = await post({ raw_value: 'x', gtin: '4006381333932' });
    expect(badGtin.statusCode).toBe(422);
    expect(badGtin.json().error.details[0]).toEqual({
      field: 'gtin',
      message: 'GTIN check digit is wrong.',
    });
    expect((await post({ raw_value: '' })).json().error.details[0].field).toBe('raw_value');
    expect((await post({ raw_value: 'x', capture_type: 'VIDEO' })).statusCode).toBe(422);
    const missing = await t.call({
      method: 'POST',
      url: '/scanner/api/v1/captures',
      body: { session_short_id: '2222222222222222222222', capture_type: 'MANUAL', raw_value: 'x' },
    });
    expect(missing.statusCode).toBe(404);
    const noRef = await t.call({
      method: 'POST',
      url: '/scanner/api/v1/captures',
      body: { capture_type: 'MANUAL', raw_value: 'x' },
    });
    expect(noRef.json().error.details[0].field).toBe('session_short_id');
  });

  it('accepts the older session_public_id name', async () => {
    const res = await t.call({
      method: 'POST',
      url: '/scanner/api/v1/captures',
      body: { session_public_id: sessionId, capture_type: 'MANUAL', raw_value: '96385074' },
    });
    expect(res.statusCode).toBe(201);
  });

  it('lists captures in the session detail in order, with the counts and status poll', async () => {
    await post({ raw_value: '4006381333931' });
    await post({ raw_value: '96385074' });
    await t.app.services.pipeline.idle();
    const detail = SessionDetail.parse(
      (await t.call({ url: `/scanner/api/v1/sessions/${sessionId}` })).json(),
    );
    expect(detail.captures.map((c) => c.raw_value)).toEqual(['4006381333931', '96385074']);
    const poll = (await t.call({ url: `/scanner/api/v1/sessions/${sessionId}/status` })).json();
    expect(poll.captures).toHaveLength(2);
    expect(poll.captures[0]).toMatchObject({
      id: detail.captures[0]?.id,
      status: 'COMPLETED',
      proposal_count: 0,
    });
  });

  it('hides another organization\u2019s capture', async () => {
    const id = (await post({ raw_value: '96385074' })).json().id;
    const res = await t.call({
      url: `/scanner/api/v1/captures/${id}`,
      headers: { 'x-api-key': await t.otherKey() },
    });
    expect(res.statusCode).toBe(404);
  });

  it('resumes unfinished captures after a restart', async () => {
    const { captures, pipeline } = t.app.services;
    const row = await captures.create({
      sessionId,
      orgId: t.orgId,
      captureType: 'BARCODE',
      rawValue: '96385074',
      gtin: '',
      metadata: {},
      gs1DlData: {},
    });
    await pipeline.resume();
    await pipeline.idle();
    expect((await captures.find(row.id))?.status).toBe('COMPLETED');
  });
});
