import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PresignResponse, ProductPhoto } from '#contract';
import { multipart, pngBytes } from '../../test/multipart';
import { createTestApp, type TestApp } from '../../test/harness';
import type { ObjectStore } from '../../storage/object-store';

let t: TestApp;
let sessionId: string;
beforeEach(async () => {
  t = await createTestApp();
  sessionId = (
    await t.call({
      method: 'POST',
      url: '/scanner/api/v1/sessions',
      body: { capture_mode: 'both' },
    })
  ).json().id;
});
afterEach(() => t.close());

const presign = async (photoType = 'front', filename = 'shot.png') =>
  PresignResponse.parse(
    (
      await t.call({
        url: `/scanner/api/v1/sessions/${sessionId}/presigned-upload-url?photo_type=${photoType}&original_filename=${filename}`,
      })
    ).json(),
  );

async function upload(
  p: PresignResponse,
  bytes: Uint8Array,
  fields: Record<string, string> = p.upload_fields,
) {
  const body = await multipart(fields, { file: { bytes, name: 'shot.png' } });
  return t.app.inject({ method: 'POST', url: new URL(p.upload_url).pathname, ...body });
}

async function addPhoto(photoType = 'front', extra: object = {}) {
  const p = await presign(photoType);
  expect((await upload(p, pngBytes())).statusCode).toBe(204);
  const res = await t.call({
    method: 'POST',
    url: `/scanner/api/v1/sessions/${sessionId}/photos`,
    body: { s3_key: p.s3_key, photo_type: photoType, original_filename: 'shot.png', ...extra },
  });
  expect(res.statusCode).toBe(201);
  return ProductPhoto.parse(res.json());
}

describe('photos', () => {
  it('presigns, uploads to the data folder, registers and counts', async () => {
    const p = await presign('nutrition');
    expect(p.upload_url).toMatch(/\/scanner\/uploads$/);
    expect(p.s3_key).toMatch(new RegExp(`^sessions/${sessionId}/nutrition/[0-9a-f-]{36}\\.png$`));
    expect(p.expires_in).toBe(900);
    const bytes = pngBytes(16);
    expect((await upload(p, bytes)).statusCode).toBe(204);
    expect(readFileSync(path.join(t.dataDir, 'objects', p.s3_key))).toEqual(bytes);
    const res = await t.call({
      method: 'POST',
      url: `/scanner/api/v1/sessions/${sessionId}/photos`,
      body: { s3_key: p.s3_key, photo_type: 'nutrition', original_filename: 'n.png' },
    });
    expect(res.json()).toMatchObject({
      photo_type: 'nutrition',
      sort_order: 0,
      file_size: bytes.length,
      capture_short_id: null,
    });
    const summary = await t.call({
      method: 'POST',
      url: `/scanner/api/v1/sessions/${sessionId}/end`,
    });
    expect(summary.json().photo_count).toBe(1);
  });

  it('refuses a tampered, reused-for-another-key or expired upload policy', async () => {
    const p = await presign();
    expect(
      (await upload(p, pngBytes(), { ...p.upload_fields, 'x-amz-signature': '0'.repeat(64) }))
        .statusCode,
    ).toBe(403);
    expect(
      (await upload(p, pngBytes(), { ...p.upload_fields, key: 'sessions/other/front/x.png' }))
        .statusCode,
    ).toBe(403);
    t.clock.advance(901_000);
    const expired = await upload(p, pngBytes());
    expect(expired.statusCode).toBe(403);
    expect(expired.json().error.message).toMatch(/expired/);
  });

  it('answers 415 for a file that is not JPEG, PNG or WebP whatever its name, and keeps nothing', async () => {
    const p = await presign();
    const res = await upload(p, Buffer.from('GIF89a not really'));
    expect(res.statusCode).toBe(415);
    expect(existsSync(path.join(t.dataDir, 'objects', p.s3_key))).toBe(false);
  });

  it('answers 413 for a file over 15 MB', async () => {
    const p = await presign();
    const big = Buffer.concat([pngBytes(), Buffer.alloc(15 * 1024 * 1024 + 10)]);
    const res = await upload(p, big);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('honours a configured lower upload limit, and names it in the 413', async () => {
    await t.close();
    t = await createTestApp({ uploadMaxBytes: 2048 });
    sessionId = (
      await t.call({
        method: 'POST',
        url: '/scanner/api/v1/sessions',
        body: { capture_mode: 'both' },
      })
    ).json().id;
    const p = await presign();
    expect((await upload(p, pngBytes(8))).statusCode).toBe(204);
    const big = Buffer.concat([pngBytes(), Buffer.alloc(4096)]);
    const res = await upload(await presign(), big);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toBe('Files may be at most 2 kB.');
  });

  it('will not register a key that was never uploaded, or link a capture of another session', async () => {
    const p = await presign();
    const res = await t.call({
      method: 'POST',
      url: `/scanner/api/v1/sessions/${sessionId}/photos`,
      body: { s3_key: p.s3_key },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].field).toBe('s3_key');
    const traversal = await t.call({
      method: 'POST',
      url: `/scanner/api/v1/sessions/${sessionId}/photos`,
      body: { s3_key: '../../etc/passwd' },
    });
    expect(traversal.statusCode).toBe(422);
    expect(
      await addPhoto('front', { capture_short_id: '2222222222222222222222' }).catch(() => null),
    ).toBeNull();
  });

  it('links a photo to a capture of the same session', async () => {
    const capture = (
      await t.call({
        method: 'POST',
        url: '/scanner/api/v1/captures',
        body: { session_short_id: sessionId, capture_type: 'BARCODE', raw_value: '96385074' },
      })
    ).json();
    const photo = await addPhoto('front', {
      capture_short_id: capture.id,
      original_filename: '../../etc/evil\u0000.png',
    });
    expect(photo.capture_short_id).toBe(capture.id);
    expect(photo.original_filename).toBe('evil.png');
  });

  it('reclassifies, merges metadata, and reorders the whole gallery', async () => {
    const a = await addPhoto('front');
    const b = await addPhoto('back');
    const c = await addPhoto('other');
    expect([a, b, c].map((p) => p.sort_order)).toEqual([0, 1, 2]);
    const patched = await t.call({
      method: 'PATCH',
      url: `/scanner/api/v1/sessions/${sessionId}/photos/${c.id}`,
      body: { photo_type: 'ingredients', metadata: { blur: '0.1' } },
    });
    expect(patched.json()).toMatchObject({ photo_type: 'ingredients', metadata: { blur: '0.1' } });
    // The session's answer carries each photo change under a new ETag (its 304 stops there).
    const detail = await t.call({ url: `/scanner/api/v1/sessions/${sessionId}` });
    expect(detail.json().product_photos.map((p: { id: string }) => p.id)).toEqual([
      a.id,
      b.id,
      c.id,
    ]);
    const tag = String(detail.headers['etag']);
    const reordered = await t.call({
      method: 'POST',
      url: `/scanner/api/v1/sessions/${sessionId}/photos/reorder`,
      body: { photo_short_ids: [c.id, a.id, b.id] },
    });
    expect(reordered.statusCode).toBe(200);
    const after = await t.call({
      url: `/scanner/api/v1/sessions/${sessionId}`,
      headers: { 'if-none-match': tag },
    });
    expect(after.statusCode).toBe(200);
    expect(after.json().product_photos.map((p: { id: string }) => p.id)).toEqual([
      c.id,
      a.id,
      b.id,
    ]);
    expect(
      reordered.json().map((p: { id: string; sort_order: number }) => [p.id, p.sort_order]),
    ).toEqual([
      [c.id, 0],
      [a.id, 1],
      [b.id, 2],
    ]);
    const partial = await t.call({
      method: 'POST',
      url: `/scanner/api/v1/sessions/${sessionId}/photos/reorder`,
      body: { photo_short_ids: [a.id] },
    });
    expect(partial.statusCode).toBe(422);
    expect(partial.json().error.details[0].message).toMatch(/missing/);
  });

  it('creates an IMAGE capture from upload-image, and refuses non-images', async () => {
    const form = await multipart(
      { session_short_id: sessionId, metadata: '{"source":"shelf"}' },
      { image: { bytes: pngBytes(), name: 'p.png' } },
    );
    const res = await t.call({
      method: 'POST',
      url: '/scanner/api/v1/captures/upload-image',
      payload: form.payload,
      headers: form.headers,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ capture_type: 'IMAGE', metadata: { source: 'shelf' } });
    expect(res.json().uploaded_image_key).toMatch(/^captures\//);
    await t.app.services.pipeline.idle();
    expect((await t.call({ url: `/scanner/api/v1/captures/${res.json().id}` })).json().status).toBe(
      'COMPLETED',
    );
    const bad = await multipart(
      { session_short_id: sessionId },
      { image: { bytes: Buffer.from('%PDF-1.7'), name: 'p.jpg' } },
    );
    expect(
      (
        await t.call({
          method: 'POST',
          url: '/scanner/api/v1/captures/upload-image',
          payload: bad.payload,
          headers: bad.headers,
        })
      ).statusCode,
    ).toBe(415);
  });
});

describe('the upload target refuses what it cannot trust, before reading it', () => {
  it('wants the signed fields before the file', async () => {
    const p = await presign();
    const form = new FormData();
    form.append('file', new Blob([pngBytes()]), 'shot.png');
    for (const [k, v] of Object.entries(p.upload_fields)) form.append(k, v);
    const response = new Response(form);
    const res = await t.app.inject({
      method: 'POST',
      url: '/scanner/uploads',
      payload: Buffer.from(await response.arrayBuffer()),
      headers: { 'content-type': response.headers.get('content-type') ?? '' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/signed upload fields before the file/);
  });

  it('answers 403, not 500, for a signature with non-ASCII bytes', async () => {
    const p = await presign();
    const good = p.upload_fields['x-amz-signature'] ?? '';
    const res = await upload(p, pngBytes(), {
      ...p.upload_fields,
      'x-amz-signature': `é${good.slice(1)}`,
    });
    expect(res.statusCode).toBe(403);
  });

  it('refuses a body declared larger than the limit without reading it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/scanner/uploads',
      payload: 'x',
      headers: {
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(16 * 1024 * 1024),
      },
    });
    expect(res.statusCode).toBe(413);
  });

  it('never lets a registered photo be overwritten or registered twice', async () => {
    const p = await presign();
    expect((await upload(p, pngBytes(8))).statusCode).toBe(204);
    const register = () =>
      t.call({
        method: 'POST',
        url: `/scanner/api/v1/sessions/${sessionId}/photos`,
        body: { s3_key: p.s3_key, photo_type: 'front' },
      });
    expect((await register()).statusCode).toBe(201);
    expect((await register()).statusCode).toBe(409);
    const overwrite = await upload(p, pngBytes(16));
    expect(overwrite.statusCode).toBe(409);
    expect(await t.app.services.objects.get(p.s3_key)).toEqual(new Uint8Array(pngBytes(8)));
  });

  it('names the limit a form broke: fields, files, or size', async () => {
    const p = await presign();
    const many = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`f${i}`, 'x']));
    const fields = await upload(p, pngBytes(), { ...p.upload_fields, ...many });
    expect(fields.statusCode).toBe(413);
    expect(fields.json().error.message).toMatch(/at most 20 text fields/);
    const body = await multipart(p.upload_fields, {
      file: { bytes: pngBytes(), name: 'a.png' },
      other: { bytes: pngBytes(), name: 'b.png' },
    });
    const files = await t.app.inject({ method: 'POST', url: '/scanner/uploads', ...body });
    expect(files.statusCode).toBe(413);
    expect(files.json().error.message).toMatch(/at most 1 file/);
  });
});

describe('the object store seam', () => {
  it('keeps uploads in the store the app is given (a bucket, a shared folder)', async () => {
    const kept = new Map<string, Uint8Array>();
    const bucket: ObjectStore = {
      isValidKey: (key) => /^[\w/.-]+$/.test(key),
      put: (key, bytes) => Promise.resolve(void kept.set(key, bytes)),
      get: (key) => Promise.resolve(kept.get(key) ?? null),
      remove: (key) => Promise.resolve(void kept.delete(key)),
    };
    const other = await createTestApp({ objects: bucket });
    try {
      const session = await other.createSession({ capture_mode: 'both' });
      const p = PresignResponse.parse(
        (
          await other.call({
            url: `/scanner/api/v1/sessions/${session}/presigned-upload-url?photo_type=front&original_filename=a.png`,
          })
        ).json(),
      );
      const body = await multipart(p.upload_fields, {
        file: { bytes: pngBytes(4), name: 'a.png' },
      });
      const res = await other.app.inject({ method: 'POST', url: '/scanner/uploads', ...body });
      expect(res.statusCode).toBe(204);
      expect([...kept.keys()]).toEqual([p.s3_key]);
      expect(existsSync(path.join(other.dataDir, 'objects', p.s3_key))).toBe(false);
    } finally {
      await other.close();
    }
  });
});
