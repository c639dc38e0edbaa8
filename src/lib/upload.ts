import { parseRateLimitHeaders } from '#contract';
import { apiErrorFrom, NetworkError } from './api-client';

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
      const now = Date.now();
      const rateLimit = parseRateLimitHeaders((name) => xhr.getResponseHeader(name), now);
      reject(apiErrorFrom(payload, xhr.status, rateLimit, now));
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
