import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ENDPOINTS, errorEnvelope, rateLimitHeaders } from '#contract';
import { ApiError, ContractError, createApiClient, NetworkError } from './api-client';

const NOW = Date.UTC(2026, 10, 29);
const Thing = z.object({ id: z.string() });

function fakeFetch(respond: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return respond(url, init);
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });

describe('createApiClient', () => {
  it('sends the key and a JSON body, and returns the parsed result', async () => {
    const { fetch, calls } = fakeFetch(() => json(201, { id: 'a', extra: 1 }));
    const client = createApiClient({
      baseUrl: 'https://api.example/',
      apiKey: 'cpk_k',
      fetch,
      now: () => NOW,
    });
    await expect(client.request(Thing, '/x', { method: 'POST', body: { a: 1 } })).resolves.toEqual({
      id: 'a',
    });
    expect(calls[0]?.url).toBe('https://api.example/x');
    const headers = calls[0]?.init.headers as Record<string, string>;
    expect(headers['X-API-Key']).toBe('cpk_k');
    expect(headers['Content-Type']).toBe('application/json');
    expect(calls[0]?.init.body).toBe('{"a":1}');
  });

  it('turns an error envelope into an ApiError with field errors and rate-limit state', async () => {
    const { fetch } = fakeFetch(() =>
      json(429, errorEnvelope(429, 'Too many requests.', null, 30), {
        ...rateLimitHeaders(
          [{ limit: 300, windowSeconds: 60, remaining: 0, resetSeconds: 30 }],
          NOW,
        ),
        'Retry-After': '30',
      }),
    );
    const client = createApiClient({ baseUrl: '', apiKey: '', fetch, now: () => NOW });
    const error = await client.request(Thing, '/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: 'RATE_LIMITED', retryAfterSeconds: 30 });
    expect((error as ApiError).rateLimit?.remaining).toBe(0);
    expect(client.lastRateLimit()?.resetAtMs).toBe(NOW + 30_000);
  });

  it('takes only a 204 for an answer without content: a portal page is no success', async () => {
    const { fetch: noContent } = fakeFetch(() => new Response(null, { status: 204 }));
    const ok = createApiClient({ baseUrl: '', apiKey: '', fetch: noContent });
    await expect(ok.request(z.null(), '/x', { method: 'DELETE', noContent: true })).resolves.toBe(
      null,
    );
    const { fetch: portal } = fakeFetch(
      () => new Response('<html>Sign in to the Wi-Fi</html>', { status: 200 }),
    );
    const client = createApiClient({ baseUrl: '', apiKey: '', fetch: portal });
    await expect(
      client.request(z.null(), '/x', { method: 'DELETE', noContent: true }),
    ).rejects.toBeInstanceOf(ContractError);
  });

  it('revalidates a polled GET with its ETag, and takes a 304 as the same answer', async () => {
    let version = 1;
    const { fetch, calls } = fakeFetch((_url, init) => {
      const asked = (init.headers as Record<string, string>)['If-None-Match'];
      if (asked === `W/"${version}"`) return new Response(null, { status: 304 });
      return json(200, { id: `v${version}` }, { ETag: `W/"${version}"` });
    });
    const client = createApiClient({ baseUrl: '', apiKey: '', fetch, now: () => NOW });
    const first = await client.request(Thing, '/poll', { revalidate: true });
    const again = await client.request(Thing, '/poll', { revalidate: true });
    expect(again).toBe(first);
    version = 2;
    expect(await client.request(Thing, '/poll', { revalidate: true })).toEqual({ id: 'v2' });
    const sent = calls.map((c) => (c.init.headers as Record<string, string>)['If-None-Match']);
    expect(sent).toEqual([undefined, 'W/"1"', 'W/"1"']);
    // Without `revalidate`, no tag goes out, and a 304 it did not ask for is an error.
    await client.request(Thing, '/poll');
    expect((calls.at(-1)?.init.headers as Record<string, string>)['If-None-Match']).toBeUndefined();
  });

  it('reports a failed connection as a NetworkError', async () => {
    const { fetch } = fakeFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const client = createApiClient({ baseUrl: '', apiKey: '', fetch });
    await expect(client.request(Thing, '/x')).rejects.toBeInstanceOf(NetworkError);
  });

  it('lets an abort through as an abort, not a network failure', async () => {
    const controller = new AbortController();
    const { fetch } = fakeFetch(() => {
      controller.abort();
      throw new DOMException('aborted', 'AbortError');
    });
    const client = createApiClient({ baseUrl: '', apiKey: '', fetch });
    const error = await client
      .request(Thing, '/x', { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(NetworkError);
    expect((error as DOMException).name).toBe('AbortError');
  });

  it('rejects a 2xx body that breaks the contract', async () => {
    const { fetch } = fakeFetch(() => json(200, { nope: true }));
    const client = createApiClient({ baseUrl: '', apiKey: '', fetch });
    const error = await client.request(Thing, '/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).issues[0]?.path).toEqual(['id']);
  });
});

describe('client.call (the contract table)', () => {
  const client = (respond: (url: string, init: RequestInit) => Response) => {
    const fake = fakeFetch(respond);
    return {
      api: createApiClient({ baseUrl: '', apiKey: 'k', fetch: fake.fetch }),
      calls: fake.calls,
    };
  };
  const ID = 'AbCdEfGhJkMnPqRsTuVwXy';
  const capture = {
    id: ID,
    status: 'PENDING',
    capture_type: 'MANUAL',
    raw_value: 'x',
    gtin: '',
    error_message: '',
    created: '2026-11-29T12:00:00.000Z',
    metadata: {},
    gs1_dl_data: {},
    product_short_id: null,
    product_name: null,
    processed_at: null,
    uploaded_image_key: null,
    qr_analysis: null,
  };

  it("takes the endpoint's method, encodes its params, and checks its answer", async () => {
    const { api, calls } = client(() => json(200, capture));
    const id = '../c 1/%?#مرحبا';
    await expect(
      api.call(ENDPOINTS.updateCapture, { params: { id }, body: { metadata: { note: 'n' } } }),
    ).resolves.toMatchObject({ id: ID });
    expect(calls[0]?.init.method).toBe('PATCH');
    expect(calls[0]?.url).toBe(`/scanner/api/v1/captures/${encodeURIComponent(id)}`);
    expect(calls[0]?.init.body).toBe('{"metadata":{"note":"n"}}');
  });

  it('puts the query on the URL, and takes the legacy short_id as the id', async () => {
    const { api, calls } = client(() =>
      json(200, {
        upload_url: '/scanner/uploads',
        upload_fields: {},
        s3_key: 'k',
        expires_in: 900,
      }),
    );
    await api.call(ENDPOINTS.presignUpload, {
      params: { session_id: 's' },
      query: { photo_type: 'front', original_filename: 'a b&c.png' },
    });
    expect(calls[0]?.url).toBe(
      '/scanner/api/v1/sessions/s/presigned-upload-url?photo_type=front&original_filename=a+b%26c.png',
    );
    const legacy = client(() => json(200, { ...capture, id: undefined, short_id: ID }));
    await expect(
      legacy.api.call(ENDPOINTS.getCapture, { params: { id: ID } }),
    ).resolves.toMatchObject({ id: ID });
  });

  it('resolves a 204 endpoint with null, and refuses a 200 page in its place', async () => {
    const ok = client(() => new Response(null, { status: 204 }));
    await expect(
      ok.api.call(ENDPOINTS.deleteCapture, { params: { id: 'c1' } }),
    ).resolves.toBeNull();
    expect(ok.calls[0]?.init.method).toBe('DELETE');
    const portal = client(() => new Response('<html>Sign in</html>', { status: 200 }));
    await expect(
      portal.api.call(ENDPOINTS.deleteCapture, { params: { id: 'c1' } }),
    ).rejects.toBeInstanceOf(ContractError);
  });
});
