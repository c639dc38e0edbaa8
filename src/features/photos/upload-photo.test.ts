import { describe, expect, it } from 'vitest';
import { ApiError, createApiClient, NetworkError } from '../../lib/api-client';
import { fakeApi, shortId } from '../../test/fake-api';
import { uploadPhoto, type PhotoToUpload, type UploadState } from './upload-photo';

const SESSION = shortId('S');
const P = `/scanner/api/v1/sessions/${SESSION}`;

function setup() {
  let presigns = 0;
  const api = fakeApi({
    [`GET ${P}/presigned-upload-url`]: () => {
      presigns++;
      return {
        upload_url: 'http://storage.test/upload',
        upload_fields: { key: `k${presigns}`, policy: `p${presigns}` },
        s3_key: `k${presigns}`,
        expires_in: 900,
      };
    },
    [`POST ${P}/photos`]: ({ body }) => ({
      id: shortId('P'),
      photo_type: 'front',
      s3_key: (body as { s3_key: string }).s3_key,
      original_filename: 'front.jpg',
      sort_order: 0,
      created: '2026-11-29T12:00:00.000Z',
      metadata: {},
      file_size: 3,
      capture_short_id: null,
    }),
  });
  const client = createApiClient({ baseUrl: '', apiKey: '', fetch: api.fetchImpl });
  return { api, client, presigns: () => presigns };
}

const photo: PhotoToUpload = {
  sessionId: SESSION,
  clientPhotoId: 'client-1',
  photoType: 'front',
  captureShortId: null,
  blob: new Blob(['abc'], { type: 'image/jpeg' }),
  filename: 'front.jpg',
};

const forbidden = () =>
  new ApiError(403, 'FORBIDDEN', 'The presigned upload has expired.', [], null, null);

describe('uploadPhoto', () => {
  it('presigns, posts every signed field and then the file, and registers the stored key', async () => {
    const { api, client } = setup();
    const posted: [string, string][][] = [];
    const state: UploadState = { s3Key: null };
    const saved = await uploadPhoto(client, photo, state, {
      post: (_url, form) => {
        posted.push([...form.entries()].map(([k, v]) => [k, typeof v === 'string' ? v : 'FILE']));
        return Promise.resolve();
      },
    });
    expect(posted).toEqual([
      [
        ['key', 'k1'],
        ['policy', 'p1'],
        ['file', 'FILE'],
      ],
    ]);
    expect(state.s3Key).toBe('k1');
    expect(saved.s3_key).toBe('k1');
    expect(api.seen.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET ${P}/presigned-upload-url`,
      `POST ${P}/photos`,
    ]);
    expect(api.seen[1]?.body).toMatchObject({
      s3_key: 'k1',
      photo_type: 'front',
      file_size: 3,
      capture_short_id: null,
      metadata: { client_photo_id: 'client-1' },
    });
  });

  it('asks for a new presign once when the storage says the old one expired', async () => {
    const { client, presigns } = setup();
    let posts = 0;
    const saved = await uploadPhoto(
      client,
      photo,
      { s3Key: null },
      {
        post: () => (++posts === 1 ? Promise.reject(forbidden()) : Promise.resolve()),
      },
    );
    expect(presigns()).toBe(2);
    expect(saved.s3_key).toBe('k2');
  });

  it('gives up after a second refusal, so a broken policy is reported, not looped on', async () => {
    const { client } = setup();
    await expect(
      uploadPhoto(client, photo, { s3Key: null }, { post: () => Promise.reject(forbidden()) }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('lets a 413 or a network failure through with nothing stored, for the caller to act on', async () => {
    const { client } = setup();
    const state: UploadState = { s3Key: null };
    const tooLarge = new ApiError(413, 'PAYLOAD_TOO_LARGE', 'Too large', [], null, null);
    await expect(
      uploadPhoto(client, photo, state, { post: () => Promise.reject(tooLarge) }),
    ).rejects.toBe(tooLarge);
    await expect(
      uploadPhoto(client, photo, state, {
        post: () => Promise.reject(new NetworkError('offline')),
      }),
    ).rejects.toBeInstanceOf(NetworkError);
    expect(state.s3Key).toBeNull();
  });

  it('registers without uploading again once the object is stored', async () => {
    const { api, client } = setup();
    let posts = 0;
    const state: UploadState = { s3Key: 'already-stored' };
    const saved = await uploadPhoto(client, photo, state, {
      post: () => {
        posts++;
        return Promise.resolve();
      },
    });
    expect(posts).toBe(0);
    expect(saved.s3_key).toBe('already-stored');
    expect(api.seen.map((r) => r.method)).toEqual(['POST']);
  });

  it('reports the stored key, and registers only once the caller has written it down', async () => {
    const { api, client } = setup();
    const events: string[] = [];
    let written: () => void = () => undefined;
    const stored = new Promise<void>((resolve) => (written = resolve));
    const upload = uploadPhoto(
      client,
      photo,
      { s3Key: null },
      {
        post: () => Promise.resolve(),
        onStored: (key) => {
          events.push(`stored ${key}`);
          return stored;
        },
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    // Not registered while the key is being written down.
    expect(api.seen.map((r) => r.method)).toEqual(['GET']);
    written();
    await upload;
    expect(events).toEqual(['stored k1']);
    expect(api.seen.map((r) => r.method)).toEqual(['GET', 'POST']);
  });
});
