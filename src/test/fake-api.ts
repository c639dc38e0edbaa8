/** One request the fake API saw. */
export interface SeenRequest {
  method: string;
  path: string;
  body: unknown;
}

type Handler = (request: SeenRequest) => unknown;

/**
 * A fake of the network behind the real API client, for component tests: routes are
 * "METHOD /path" (path without the query), answers are JSON bodies, or `[status, body]`.
 */
export function fakeApi(routes: Record<string, Handler>) {
  const seen: SeenRequest[] = [];
  const fetchImpl = ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : input.toString(), 'http://app.test');
    const method = init?.method ?? 'GET';
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : null;
    const request = { method, path: url.pathname, body };
    seen.push(request);
    const handler = routes[`${method} ${url.pathname}`];
    const answer: unknown = handler
      ? handler(request)
      : [404, { error: { code: 'NOT_FOUND', message: 'no route', status: 404, details: null } }];
    const pair = Array.isArray(answer) && typeof answer[0] === 'number';
    const status = pair ? (answer[0] as number) : 200;
    const payload: unknown = pair ? (answer as unknown[])[1] : answer;
    return Promise.resolve(
      new Response(JSON.stringify(payload), {
        status,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
  }) as typeof fetch;
  return { fetchImpl, seen };
}

const ISO = '2026-11-29T12:00:00.000Z';
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** A valid 22-character short id, distinct per (prefix, n). */
export function shortId(prefix: 'C' | 'S' | 'P', n = 0): string {
  let digits = '';
  for (let v = n; v > 0; v = Math.floor(v / ALPHABET.length))
    digits = ALPHABET[v % ALPHABET.length] + digits;
  return (prefix + digits.padStart(21, '2')).slice(0, 22);
}

/** A capture as the API returns it, with overrides. */
export function captureBody(over: Record<string, unknown> = {}) {
  return {
    id: shortId('C'),
    status: 'COMPLETED',
    capture_type: 'BARCODE',
    raw_value: '4006381333931',
    gtin: '04006381333931',
    error_message: '',
    created: ISO,
    metadata: { format: 'ean13', engine: 'zxing-wasm' },
    gs1_dl_data: {},
    product_short_id: null,
    product_name: null,
    processed_at: ISO,
    uploaded_image_key: null,
    qr_analysis: null,
    ...over,
  };
}

/** A session detail as the API returns it. */
export function sessionBody(captures: unknown[], over: Record<string, unknown> = {}) {
  return {
    id: shortId('S'),
    status: 'ACTIVE',
    capture_mode: 'barcode_scan',
    created: ISO,
    modified: ISO,
    metadata: {},
    captures,
    product_photos: [],
    ...over,
  };
}
