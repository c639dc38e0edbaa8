import { ENDPOINTS, type PhotoType, type ProductPhoto } from '#contract';
import { ApiError, type ApiClient } from '../../lib/api-client';
import { postForm, type UploadProgress } from '../../lib/upload';

export interface PhotoToUpload {
  sessionId: string;
  /** This device's id for the photo: the Idempotency-Key and a metadata key. */
  clientPhotoId: string;
  photoType: PhotoType;
  /** The product (capture) the photo shows, in "both" mode. */
  captureShortId: string | null;
  blob: Blob;
  filename: string;
  /** Extra facts for support (quality scores, size), as metadata strings. */
  metadata?: Record<string, string>;
}

/**
 * What an upload has achieved so far, kept by the caller across attempts: once the object is
 * stored, a retry only registers it, so a lost answer never uploads or registers a photo twice.
 */
export interface UploadState {
  s3Key: string | null;
}

export const EXTENSION: Record<string, string> = {
  'image/webp': 'webp',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

/**
 * The one way a photo reaches the server: presign, the multipart POST to the storage target
 * (with progress), then the registration. An expired presign is renewed once. Every other error
 * reaches the caller as a typed error, with the photo untouched, so it can be tried again.
 */
export async function uploadPhoto(
  client: ApiClient,
  photo: PhotoToUpload,
  state: UploadState,
  options: {
    onProgress?: (progress: UploadProgress) => void;
    /** The object is stored: awaited before registering, so the caller can write that down. */
    onStored?: (s3Key: string) => Promise<void>;
    signal?: AbortSignal;
    /** The storage POST; tests pass a fake. */
    post?: typeof postForm;
  } = {},
): Promise<ProductPhoto> {
  const { signal } = options;
  const post = options.post ?? postForm;
  const params = { session_id: photo.sessionId };
  for (let attempt = 0; state.s3Key === null; attempt++) {
    const presign = await client.call(
      ENDPOINTS.presignUpload,
      { params, query: { photo_type: photo.photoType, original_filename: photo.filename } },
      { signal },
    );
    const form = new FormData();
    for (const [name, value] of Object.entries(presign.upload_fields)) form.append(name, value);
    // The file goes last: S3 ignores every field after it.
    form.append('file', photo.blob, photo.filename);
    try {
      await post(new URL(presign.upload_url, uploadBase(client)).href, form, {
        onProgress: options.onProgress,
        signal,
      });
      state.s3Key = presign.s3_key;
    } catch (error) {
      // S3 (and the local server) answer 403 to a policy that expired while the photo waited.
      if (attempt === 0 && error instanceof ApiError && error.status === 403) continue;
      throw error;
    }
    await options.onStored?.(state.s3Key);
  }
  return client.call(
    ENDPOINTS.registerPhoto,
    {
      params,
      body: {
        s3_key: state.s3Key,
        photo_type: photo.photoType,
        original_filename: photo.filename,
        file_size: photo.blob.size,
        capture_short_id: photo.captureShortId,
        metadata: { client_photo_id: photo.clientPhotoId, ...photo.metadata },
      },
    },
    // Per stored object: a resent registration replays, a re-uploaded photo registers anew.
    { headers: { 'Idempotency-Key': `photo-${photo.clientPhotoId}:${state.s3Key}` }, signal },
  );
}

/** An IMAGE capture: a product with no readable barcode, identified later from its picture. */
export function uploadImageCapture(
  client: ApiClient,
  input: { sessionId: string; clientCaptureId: string; blob: Blob; filename: string },
) {
  const form = new FormData();
  form.append('session_short_id', input.sessionId);
  form.append('capture_type', 'IMAGE');
  form.append('metadata', JSON.stringify({ client_capture_id: input.clientCaptureId }));
  form.append('image', input.blob, input.filename);
  return client.call(
    ENDPOINTS.uploadImage,
    { body: form },
    { headers: { 'Idempotency-Key': input.clientCaptureId } },
  );
}

/** Where a relative upload_url points: the API's origin, or this app's when the API is here. */
function uploadBase(client: ApiClient): string {
  return client.baseUrl ? new URL(client.baseUrl, location.href).href : location.href;
}
