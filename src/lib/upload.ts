import { parseErrorBody } from '#contract';
import { ApiError, NetworkError } from './api-client';
import { throttleFrom, useThrottleStore } from './throttle';

export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * POSTs a multipart form to a presigned upload URL, reporting upload progress. It is the one
 * place the app uses XMLHttpRequest: fetch has no upload progress in browsers yet (request
 * streams report nothing about bytes sent). The target needs no API key: its signed fields are
 * the permission. Errors come back as the API client's typed errors, so callers treat an upload
 * and an API call alike.
 */
export function postForm(
  url: string,
  form: FormData,
  options: { onProgress?: (progress: UploadProgress) => void; signal?: AbortSignal } = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const { signal } = options;
    if (signal?.aborted) {
      reject(signal.reason instanceof Error ? signal.reason : new Error('Aborted'));
      return;
    }
    const abort = () => xhr.abort();
    signal?.addEventListener('abort', abort, { once: true });
    const done = () => signal?.removeEventListener('abort', abort);
    xhr.open('POST', url);
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable)
        options.onProgress?.({ loaded: event.loaded, total: event.total });
    };
    xhr.onload = () => {
      done();
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve();
        return;
      }
      let payload: unknown = null;
      try {
        payload = JSON.parse(xhr.responseText);
      } catch {
        // S3 answers errors in XML; the status alone then says what happened.
      }
      const e = parseErrorBody(payload, xhr.status);
      const retryAfter = Number(xhr.getResponseHeader('Retry-After'));
      const error = new ApiError(
        xhr.status,
        e.code,
        e.message,
        e.fieldErrors,
        e.retryAfterSeconds ?? (Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null),
        null,
      );
      const throttle = throttleFrom(error, Date.now());
      if (throttle) useThrottleStore.getState().limited(throttle);
      reject(error);
    };
    xhr.onerror = () => {
      done();
      reject(new NetworkError('The upload could not reach the server.'));
    };
    xhr.onabort = () => {
      done();
      reject(signal?.reason instanceof Error ? signal.reason : new Error('Aborted'));
    };
    xhr.send(form);
  });
}
