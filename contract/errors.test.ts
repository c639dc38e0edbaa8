import { describe, expect, it } from 'vitest';
import { errorEnvelope, parseErrorBody } from './errors';

describe('parseErrorBody', () => {
  it('reads the documented envelope with field details', () => {
    const body = errorEnvelope(422, 'Invalid input.', [
      { field: 'gtin', message: 'GTIN must be 8, 12, 13, or 14 digits.' },
    ]);
    expect(parseErrorBody(body, 422)).toEqual({
      code: 'VALIDATION_ERROR',
      message: 'Invalid input.',
      status: 422,
      fieldErrors: [{ field: 'gtin', message: 'GTIN must be 8, 12, 13, or 14 digits.' }],
      retryAfterSeconds: null,
      fromApi: true,
    });
  });

  it('reads retry_after_seconds on a 429', () => {
    const parsed = parseErrorBody(errorEnvelope(429, 'Slow down.', null, 17), 429);
    expect(parsed.code).toBe('RATE_LIMITED');
    expect(parsed.retryAfterSeconds).toBe(17);
  });

  it('reads the RFC 9457 dialect into the same shape', () => {
    const problem = {
      type: 'https://docs.closient.com/errors#not_found',
      title: 'Not found',
      status: 404,
      detail: 'No session with that id.',
      error_code: 'not_found',
      retryable: false,
      timestamp: '2026-11-29T10:00:00Z',
    };
    expect(parseErrorBody(problem, 404)).toEqual({
      code: 'NOT_FOUND',
      message: 'No session with that id.',
      status: 404,
      fieldErrors: [],
      retryAfterSeconds: null,
      fromApi: true,
    });
  });

  it('names the status when the body is in neither dialect', () => {
    expect(parseErrorBody('<html>Bad gateway</html>', 502)).toMatchObject({
      code: 'INTERNAL_ERROR',
      status: 502,
      message: 'The server answered HTTP 502.',
      fromApi: false,
    });
    expect(parseErrorBody(null, 404).code).toBe('NOT_FOUND');
  });
});
