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
    const { products } = t.app.services;
    const shared = await products.byGtin('05012345678900');
    if (!shared) throw new Error('seeded product missing');
    expect(await products.viewFor(t.orgId, shared)).toMatchObject({
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
    const other = await t.otherKey();
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

describe('tenancy: each organization sees its own catalog', () => {
  it("one organization's apply changes its own view of a product, not another's", async () => {
    const { products } = t.app.services;
    await products.upsertMany([
      {
        gtin: '04000000000006',
        name: 'Plain name',
        pending_enrichment: [
          {
            field_name: 'name',
            proposed_value: 'Org B name',
            confidence: '0.90',
            reasoning: 'label',
            source: 'test',
          },
        ],
      },
    ]);
    const a = await scan('4000000000006');
    const bKey = await t.otherKey();
    const asB = (o: Parameters<typeof t.call>[0]) =>
      t.call({ ...o, headers: { 'x-api-key': bKey, ...(o.headers ?? {}) } });
    const bSession = (
      await asB({ method: 'POST', url: '/scanner/api/v1/sessions', body: {} })
    ).json().id as string;
    const b = (
      await asB({
        method: 'POST',
        url: '/scanner/api/v1/captures',
        body: { session_short_id: bSession, capture_type: 'BARCODE', raw_value: '4000000000006' },
      })
    ).json().id as string;
    await t.app.services.pipeline.idle();
    const [proposal] = ProposalList.parse(
      (await asB({ url: `/scanner/api/v1/captures/${b}/proposals` })).json(),
    );
    await asB({
      method: 'PATCH',
      url: `/scanner/api/v1/proposals/${proposal?.id}`,
      body: { status: 'ACCEPTED' },
    });
    expect(
      (await asB({ method: 'POST', url: `/scanner/api/v1/captures/${b}/apply` })).json()
        .applied_count,
    ).toBe(1);

    expect((await asB({ url: `/scanner/api/v1/captures/${b}` })).json().product_name).toBe(
      'Org B name',
    );
    expect((await t.call({ url: `/scanner/api/v1/captures/${a}` })).json().product_name).toBe(
      'Plain name',
    );
    expect((await products.byGtin('04000000000006'))?.name).toBe('Plain name');
    // A later scan in A is proposed against A's own (unchanged) value.
    const a2 = await scan('4000000000006');
    const [forA] = ProposalList.parse(
      (await t.call({ url: `/scanner/api/v1/captures/${a2}/proposals` })).json(),
    );
    expect(forA).toMatchObject({ field_name: 'name', current_value: 'Plain name' });

    // Redirects are per organization too: B's rule does not take A's first place.
    const save = (call: typeof t.call, id: string) =>
      call({
        method: 'POST',
        url: `/scanner/api/v1/captures/${id}/save-redirect`,
        body: { url: 'https://example.com/p' },
      });
    expect((await save(asB, b)).json().order_index).toBe(0);
    expect((await save(asB, b)).json().order_index).toBe(1);
    expect((await save(t.call, a)).json().order_index).toBe(0);
  });
});
