import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3 } from '../test/s3';
import { pngBytes } from '../test/multipart';
import { startLocalServer, type LocalServer } from '../test/server-process';

let s3: Awaited<ReturnType<typeof startS3>>;
let server: LocalServer;
beforeAll(async () => {
  s3 = await startS3('chain-images');
  server = await startLocalServer({
    SCANNER_S3_BUCKET: 'chain-images',
    SCANNER_S3_PREFIX: 'store-12/',
    SCANNER_S3_ENDPOINT: s3.endpoint,
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
  });
});
afterAll(async () => {
  await server?.stop();
  await s3?.stop();
});

describe('npm start with SCANNER_S3_BUCKET', () => {
  it('keeps an uploaded image in the bucket, under the prefix, not in the data folder', async () => {
    const headers = { 'x-api-key': server.key };
    const session = (await (
      await fetch(`${server.url}/scanner/api/v1/sessions`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: '{}',
      })
    ).json()) as { id: string };
    const form = new FormData();
    form.append('session_short_id', session.id);
    form.append('capture_type', 'IMAGE');
    form.append('image', new Blob([pngBytes(8)], { type: 'image/png' }), 'shelf.png');
    const res = await fetch(`${server.url}/scanner/api/v1/captures/upload-image`, {
      method: 'POST',
      headers,
      body: form,
    });
    expect(res.status).toBe(201);
    const key = ((await res.json()) as { uploaded_image_key: string }).uploaded_image_key;
    expect(await s3.store('store-12/').get(key)).toEqual(new Uint8Array(pngBytes(8)));
    expect(existsSync(path.join(server.dataDir, 'objects', key))).toBe(false);
  });
});
