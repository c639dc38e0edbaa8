import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProposalList } from '#contract';
import { createTestApp, type TestApp } from '../../test/harness';

let t: TestApp;
let sessionId: string;
beforeEach(async () => {
  t = await createTestApp();
  sessionId = await t.createSession();
});
afterEach(() => t.close());

const scan = (raw: string) => t.scan(sessionId, raw);

describe('enrichment proposals', () => {
  it('proposes values for a product with gaps, reviews them and applies the accepted one', async () => {
    const id = await scan('5012345678900');
    const proposals = ProposalList.parse(
      (await t.call({ url: `/scanner/api/v1/captures/${id}/proposals` })).json(),
    );
    expect(
      proposals.map((p) => [p.field_name, p.current_value, p.proposed_value, p.status]),
    ).toEqual([
      ['brand_name', '', 'Nature Valley', 'PENDING'],
      ['category', '', 'Snacks > Cereal bars', 'PENDING'],
    ]);
    const poll = (await t.call({ url: `/scanner/api/v1/sessions/${sessionId}/status` })).json();
    expect(poll.captures[0].proposal_count).toBe(2);

    await t.call({ method: 'POST', url: `/scanner/api/v1/sessions/${sessionId}/submit` });
    await t.app.services.pipeline.idle();
    const [brand, category] = proposals;
    const accepted = await t.call({
      method: 'PATCH',
      url: `/scanner/api/v1/proposals/${brand?.id}`,
      body: { status: 'ACCEPTED' },
    });
    expect(accepted.json()).toMatchObject({ status: 'ACCEPTED', reviewed_at: expect.any(String) });
    expect(
      (await t.call({ url: `/scanner/api/v1/sessions/${sessionId}/status` })).json()
        .extraction_status,
    ).toBe('ready');
    await t.call({
      method: 'PATCH',
      url: `/scanner/api/v1/proposals/${category?.id}`,
      body: { status: 'REJECTED' },
    });
    expect(
      (await t.call({ url: `/scanner/api/v1/sessions/${sessionId}/status` })).json()
        .extraction_status,
    ).toBe('accepted');

    const applied = await t.call({ method: 'POST', url: `/scanner/api/v1/captures/${id}/apply` });
    expect(applied.statusCode).toBe(200);
    expect(applied.json().applied_count).toBe(1);
    expect(t.app.services.products.byGtin('05012345678900')).toMatchObject({
      brand_name: 'Nature Valley',
      category: '',
    });
    expect(
      (await t.call({ method: 'POST', url: `/scanner/api/v1/captures/${id}/apply` })).json()
        .applied_count,
    ).toBe(0);
    expect(
      (
        await t.call({
          method: 'PATCH',
          url: `/scanner/api/v1/proposals/${brand?.id}`,
          body: { status: 'REJECTED' },
        })
      ).statusCode,
    ).toBe(409);
  });

  it('refuses PENDING as a review, an unknown proposal, and apply without a product', async () => {
    const id = await scan('5012345678900');
    const [p] = ProposalList.parse(
      (await t.call({ url: `/scanner/api/v1/captures/${id}/proposals` })).json(),
    );
    expect(
      (
        await t.call({
          method: 'PATCH',
          url: `/scanner/api/v1/proposals/${p?.id}`,
          body: { status: 'PENDING' },
        })
      ).statusCode,
    ).toBe(422);
    expect(
      (
        await t.call({
          method: 'PATCH',
          url: '/scanner/api/v1/proposals/3c90c3cc-0d44-4b50-8888-8dd25736052a',
          body: { status: 'ACCEPTED' },
        })
      ).statusCode,
    ).toBe(404);
    const unknown = await scan('5901234123457');
    expect(
      (await t.call({ method: 'POST', url: `/scanner/api/v1/captures/${unknown}/apply` }))
        .statusCode,
    ).toBe(400);
  });

  it('keeps other organizations out of proposals', async () => {
    const id = await scan('5012345678900');
    const [p] = ProposalList.parse(
      (await t.call({ url: `/scanner/api/v1/captures/${id}/proposals` })).json(),
    );
    const other = t.otherKey();
    expect(
      (
        await t.call({
          method: 'PATCH',
          url: `/scanner/api/v1/proposals/${p?.id}`,
          body: { status: 'ACCEPTED' },
          headers: { 'x-api-key': other },
        })
      ).statusCode,
    ).toBe(404);
  });
});
