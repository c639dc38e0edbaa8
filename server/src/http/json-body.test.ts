import { describe, expect, it } from 'vitest';
import { JSON_MAX_DEPTH } from '#contract';
import { createTestApp } from '../test/harness';
import { assertJsonDepth, jsonDepth } from './json-body';

describe('jsonDepth', () => {
  it.each([
    ['1', 0],
    ['"[[["', 0],
    ['[]', 1],
    ['{}', 1],
    ['[[],[]]', 2],
    ['{"a":[{"b":{}}]}', 4],
    ['[{"a":"]]]}}}"},[["x"]]]', 3],
    ['["\\"[[["]', 1],
    ['["\\\\", [[1]]]', 3],
    ['[]]]][[', 2],
  ])('%s nests %i deep', (text, depth) => {
    expect(jsonDepth(text)).toBe(depth);
  });

  it('allows exactly the limit and refuses one more, naming the field', () => {
    const nested = (n: number) => '['.repeat(n) + ']'.repeat(n);
    expect(() => assertJsonDepth(nested(JSON_MAX_DEPTH))).not.toThrow();
    expect(() => assertJsonDepth(nested(JSON_MAX_DEPTH + 1), 'metadata')).toThrow(
      expect.objectContaining({
        status: 400,
        message: `metadata nests deeper than ${JSON_MAX_DEPTH} levels.`,
      }),
    );
    expect(() => assertJsonDepth(nested(JSON_MAX_DEPTH + 1))).toThrow(/^The JSON body nests/);
  });
});

describe('the JSON body parser', () => {
  it('keeps __proto__ as a plain key and refuses constructor.prototype pollution', async () => {
    const t = await createTestApp();
    try {
      const kept = await t.call({
        method: 'POST',
        url: '/scanner/api/v1/sessions',
        payload: '{"metadata":{"__proto__":"x"}}',
        headers: { 'content-type': 'application/json' },
      });
      expect(kept.statusCode).toBe(201);
      expect(Object.getOwnPropertyDescriptor(kept.json().metadata, '__proto__')?.value).toBe('x');
      const polluting = await t.call({
        method: 'POST',
        url: '/scanner/api/v1/sessions',
        payload: '{"device_context":{"constructor":{"prototype":{"polluted":"yes"}}}}',
        headers: { 'content-type': 'application/json' },
      });
      expect(polluting.statusCode).toBe(400);
    } finally {
      await t.close();
    }
  });
});
