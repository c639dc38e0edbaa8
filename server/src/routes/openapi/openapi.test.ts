import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

describe('OpenAPI', () => {
  it('describes every route from the contract schemas', async () => {
    const doc = (await t.app.inject({ url: '/scanner/api/v1/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBe('Scanner API');
    const operations = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(operations).toEqual(
      expect.arrayContaining([
        'POST /scanner/api/v1/sessions',
        'GET /scanner/api/v1/sessions/{id}',
        'GET /scanner/api/v1/sessions/{id}/status',
        'POST /scanner/api/v1/sessions/{id}/end',
        'POST /scanner/api/v1/sessions/{id}/submit',
        'POST /scanner/api/v1/captures',
        'GET /scanner/api/v1/captures/{id}',
        'POST /scanner/api/v1/captures/{id}/retry',
        'POST /scanner/api/v1/captures/upload-image',
        'GET /scanner/api/v1/sessions/{session_id}/presigned-upload-url',
        'POST /scanner/api/v1/sessions/{session_id}/photos',
        'PATCH /scanner/api/v1/sessions/{session_id}/photos/{photo_id}',
        'POST /scanner/api/v1/sessions/{session_id}/photos/reorder',
        'GET /scanner/api/v1/captures/{id}/proposals',
        'PATCH /scanner/api/v1/proposals/{proposal_id}',
        'POST /scanner/api/v1/captures/{id}/apply',
        'POST /scanner/api/v1/resolve-url',
        'POST /scanner/api/v1/captures/{id}/save-redirect',
        'POST /products/api/v1/digital-link/parse',
      ]),
    );
    const create = doc.paths['/scanner/api/v1/captures'].post;
    expect(
      create.requestBody.content['application/json'].schema.properties.capture_type.enum,
    ).toEqual(['BARCODE', 'IMAGE', 'MANUAL']);
    expect(
      create.responses['201'].content['application/json'].schema.properties.status.enum,
    ).toContain('NOT_FOUND');
    expect(doc.components.securitySchemes.ApiKey).toEqual({
      type: 'apiKey',
      in: 'header',
      name: 'X-API-Key',
    });
  });

  it('serves a readable docs page', async () => {
    const page = await t.app.inject({ url: '/scanner/api/v1/docs' });
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Submit a barcode or QR scan');
  });
});

describe('errors', () => {
  it('answers malformed JSON with a 400 envelope, and hides 5xx details', async () => {
    const res = await t.call({
      method: 'POST',
      url: '/scanner/api/v1/sessions',
      payload: '{"capture_mode":',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'BAD_REQUEST', status: 400 });
    t.app.services.sessions.get = () => {
      throw new Error('SQLITE_CORRUPT: secret internals');
    };
    const crash = await t.call({ url: '/scanner/api/v1/sessions/2222222222222222222222' });
    expect(crash.statusCode).toBe(500);
    expect(crash.body).not.toContain('SQLITE');
    expect(crash.json().error).toEqual({
      code: 'INTERNAL_ERROR',
      message: 'Something went wrong on the server.',
      status: 500,
      details: null,
    });
  });

  it('answers a wrong content type with 415', async () => {
    const res = await t.call({
      method: 'POST',
      url: '/scanner/api/v1/sessions',
      payload: 'a=b',
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('CORS', () => {
  it('lets a browser on a configured origin send the key and read the rate-limit headers', async () => {
    await t.close();
    t = await createTestApp({ origins: { corsOrigins: ['https://scanner.example'] } });
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/scanner/api/v1/sessions',
      headers: {
        origin: 'https://scanner.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'x-api-key,idempotency-key,content-type',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-headers']).toMatch(/X-API-Key/i);
    const res = await t.call({
      method: 'POST',
      url: '/scanner/api/v1/sessions',
      body: {},
      headers: { origin: 'https://scanner.example' },
    });
    expect(res.headers['access-control-expose-headers']).toMatch(
      /RateLimit-Remaining.*Retry-After/,
    );
  });
});
