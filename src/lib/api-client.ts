import { z } from 'zod/mini';
import { throttleFrom, useThrottleStore } from './throttle';
import {
  type Endpoint,
  type FieldError,
  pathTo,
  type SuccessOf,
  successStatus,
  withLegacyId,
  parseErrorBody,
  parseRateLimitHeaders,
  type RateLimitState,
} from '#contract';

/** The server answered with an error envelope (or something we read as one). */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: FieldError[],
    readonly retryAfterSeconds: number | null,
    readonly rateLimit: RateLimitState | null,
    /** The body was the API's error envelope, not a page from a portal or a proxy. */
    readonly enveloped = true,
  ) {
    super(message);
  }
}

/** The request never got an HTTP answer: offline, DNS, CORS, or a reset connection. */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

/** The server answered 2xx with a body that does not match the contract. */
export class ContractError extends Error {
  override name = 'ContractError';
  constructor(
    message: string,
    readonly issues: readonly z.core.$ZodIssue[],
  ) {
    super(message);
  }
}

export interface ApiClientConfig {
  /** Origin (and optional path prefix) of the API; '' means this app's own origin. */
  baseUrl: string;
  apiKey: string;
  fetch?: typeof fetch;
  now?: () => number;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  /**
   * The answer is 204 No Content. Only a 204 counts then: a captive portal's 200 page has no
   * JSON either, and must not pass for one.
   */
  noContent?: boolean;
  /**
   * A GET polled again and again: the last answer's ETag goes with the next request, and a 304
   * returns that same answer (the same object) without a body on the wire.
   */
  revalidate?: boolean;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** What a call of one endpoint sends: its path's params, its query, its body. */
export interface CallInput<E extends Endpoint> {
  params?: z.input<NonNullable<E['params']>>;
  query?: Record<string, string>;
  body?: z.input<NonNullable<E['body']>> | FormData;
}

export type CallOptions = Pick<RequestOptions, 'headers' | 'signal' | 'revalidate'>;

export interface ApiClient {
  /**
   * Calls one endpoint of the contract's table: its method, its path with the params
   * percent-encoded, and its answer checked against its success schema (a 204 resolves null).
   */
  call<E extends Endpoint>(
    endpoint: E,
    input?: CallInput<E>,
    options?: CallOptions,
  ): Promise<SuccessOf<E>>;
  request<S extends z.ZodMiniType>(
    schema: S,
    path: string,
    options?: RequestOptions,
  ): Promise<z.output<S>>;
  readonly lastRateLimit: () => RateLimitState | null;
  /** Where the API is ('' for this app's own origin): the namespace for anything stored per server. */
  readonly baseUrl: string;
  /** The same network, another server or key: to check a connection before it is kept. */
  readonly withConnection: (connection: { baseUrl: string; apiKey: string }) => ApiClient;
}

/**
 * The typed error for an error response, in either dialect. Every 429, whoever asked (an API
 * call or a storage upload), tells every poll to wait and the screen to say so.
 */
export function apiErrorFrom(
  payload: unknown,
  status: number,
  rateLimit: RateLimitState | null,
  nowMs: number,
): ApiError {
  const e = parseErrorBody(payload, status);
  const error = new ApiError(
    status,
    e.code,
    e.message,
    e.fieldErrors,
    e.retryAfterSeconds ?? rateLimit?.retryAfterSeconds ?? null,
    rateLimit,
    e.fromApi,
  );
  const throttle = throttleFrom(error, nowMs);
  if (throttle) useThrottleStore.getState().limited(throttle);
  return error;
}

/**
 * The only place the app calls `fetch`. It adds the key, decodes errors in either dialect into
 * `ApiError`, and checks every success body against the contract so that a drifting server
 * fails loudly at the edge instead of deep inside a component.
 */
export function createApiClient(config: ApiClientConfig): ApiClient {
  const doFetch = config.fetch ?? globalThis.fetch.bind(globalThis);
  const now = config.now ?? Date.now;
  let lastRateLimit: RateLimitState | null = null;
  /** Per URL polled with `revalidate`: the last answer and its ETag. A few polls at a time. */
  const validated = new Map<string, { etag: string; value: unknown }>();
  const remember = (url: string, etag: string, value: unknown) => {
    validated.delete(url);
    validated.set(url, { etag, value });
    const oldest = validated.keys().next().value;
    if (validated.size > 20 && oldest !== undefined) validated.delete(oldest);
  };

  async function request<S extends z.ZodMiniType>(
    schema: S,
    path: string,
    options: RequestOptions = {},
  ): Promise<z.output<S>> {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    if (config.apiKey) headers['X-API-Key'] = config.apiKey;
    let body: BodyInit | undefined;
    if (options.body instanceof FormData) body = options.body;
    else if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }

    const url = `${config.baseUrl.replace(/\/$/, '')}${path}`;
    const known = options.revalidate ? validated.get(url) : undefined;
    if (known) headers['If-None-Match'] = known.etag;
    let response: Response;
    try {
      response = await doFetch(url, {
        method: options.method ?? 'GET',
        headers,
        body,
        signal: options.signal,
      });
    } catch (error) {
      // An abort is the caller's decision, not a failure: let it through unchanged.
      if (options.signal?.aborted) throw error;
      throw new NetworkError(error instanceof Error ? error.message : String(error));
    }

    const rateLimit = parseRateLimitHeaders((n) => response.headers.get(n), now());
    if (rateLimit) lastRateLimit = rateLimit;
    if (response.status === 304 && known) {
      useThrottleStore.getState().cleared();
      return known.value as z.output<S>;
    }
    const payload: unknown = await response.json().catch(() => null);

    if (!response.ok) throw apiErrorFrom(payload, response.status, rateLimit, now());
    if (options.noContent && response.status !== 204)
      throw new ContractError(`Expected 204 from ${path}, got ${response.status}`, []);
    useThrottleStore.getState().cleared();
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      throw new ContractError(`Unexpected response from ${path}`, parsed.error.issues);
    }
    const etag = options.revalidate ? response.headers.get('ETag') : null;
    if (etag) remember(url, etag, parsed.data);
    return parsed.data;
  }

  function call<E extends Endpoint>(
    endpoint: E,
    input: CallInput<E> = {},
    options: CallOptions = {},
  ): Promise<SuccessOf<E>> {
    const schema = endpoint.responses[successStatus(endpoint)] ?? null;
    const query = input.query ? `?${new URLSearchParams(input.query).toString()}` : '';
    const path = `${pathTo(endpoint, input.params as Record<string, string> | undefined)}${query}`;
    return request(schema ? withLegacyId(schema) : z.null(), path, {
      ...options,
      method: endpoint.method,
      body: input.body,
      noContent: schema === null,
    }).then((value) => (schema === null ? null : value) as SuccessOf<E>);
  }

  return {
    call,
    request,
    lastRateLimit: () => lastRateLimit,
    baseUrl: config.baseUrl,
    withConnection: (connection) => createApiClient({ ...config, ...connection }),
  };
}
