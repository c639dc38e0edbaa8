import { describe, expect, it } from 'vitest';
import {
  METADATA_LIMITS,
  MetadataPatchSchema,
  MetadataSchema,
  mergeMetadata,
  metadataKeyCountError,
  readMetadataJson,
} from './metadata';

const keys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']));

describe('MetadataSchema limits', () => {
  it('accepts 50 keys and rejects 51', () => {
    expect(MetadataSchema.safeParse(keys(50)).success).toBe(true);
    const r = MetadataSchema.safeParse(keys(51));
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/at most 50 keys/);
  });

  it('counts characters, not UTF-16 units: 500 emoji fit, 501 do not', () => {
    const emoji = '😀'; // two UTF-16 units, one code point
    expect(MetadataSchema.safeParse({ note: emoji.repeat(500) }).success).toBe(true);
    expect(MetadataSchema.safeParse({ note: emoji.repeat(501) }).success).toBe(false);
    expect(MetadataSchema.safeParse({ ['ü'.repeat(40)]: 'x' }).success).toBe(true);
    expect(MetadataSchema.safeParse({ ['👍🏽'.repeat(20)]: 'x' }).success).toBe(true); // 40 code points
    expect(MetadataSchema.safeParse({ ['é'.repeat(41)]: 'x' }).success).toBe(false);
  });

  it('names the offending key in the issue path', () => {
    const r = MetadataSchema.safeParse({ ok: 'fine', bad: 'x'.repeat(501) });
    expect(r.error?.issues.map((i) => i.path)).toEqual([['bad']]);
  });

  it('rejects nested objects, arrays, numbers, booleans and null values', () => {
    for (const v of [{ a: 1 }, [1], 1, true, null]) {
      expect(MetadataSchema.safeParse({ k: v }).success).toBe(false);
    }
    expect(MetadataSchema.safeParse([]).success).toBe(false);
    expect(MetadataSchema.safeParse('a=b').success).toBe(false);
  });

  it('rejects an empty key but accepts an empty value', () => {
    expect(MetadataSchema.safeParse({ '': 'x' }).success).toBe(false);
    expect(MetadataSchema.safeParse({ k: '' }).success).toBe(true);
  });

  it('keeps __proto__ and constructor as plain data keys', () => {
    const parsed = MetadataSchema.parse(JSON.parse('{"__proto__":"p","constructor":"c"}'));
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.keys(parsed).sort()).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(parsed, '__proto__')?.value).toBe('p');
    expect(JSON.parse(JSON.stringify(parsed))).toEqual(
      JSON.parse('{"__proto__":"p","constructor":"c"}'),
    );
  });
});

describe('MetadataPatchSchema', () => {
  it('accepts null as "clear everything"', () => {
    expect(MetadataPatchSchema.parse(null)).toBeNull();
  });
  it.each([[[]], [true], [false], [0], ['clear'], [['a', '']]])(
    'refuses %j instead of taking it as "clear everything"',
    (patch) => {
      expect(MetadataPatchSchema.safeParse(patch).success).toBe(false);
    },
  );
  it('rejects a single write of 51 keys', () => {
    expect(MetadataPatchSchema.safeParse(keys(51)).success).toBe(false);
  });
});

describe('mergeMetadata', () => {
  const old = { a: '1', b: '2', c: '3' };

  it('keeps keys not mentioned, sets new ones, and deletes those sent as ""', () => {
    expect(mergeMetadata(old, { b: '', c: '30', d: '4' })).toEqual({ a: '1', c: '30', d: '4' });
  });
  it('clears everything on {} and on null', () => {
    expect(mergeMetadata(old, {})).toEqual({});
    expect(mergeMetadata(old, null)).toEqual({});
  });
  it('leaves metadata alone when the write does not mention it', () => {
    expect(mergeMetadata(old, undefined)).toBe(old);
  });
  it('deleting a key that is not there is a no-op, not an error', () => {
    expect(mergeMetadata(old, { zz: '' })).toEqual(old);
  });
  it('does not mutate its inputs', () => {
    const before = { ...old };
    const patch = { a: '' };
    mergeMetadata(old, patch);
    expect(old).toEqual(before);
    expect(patch).toEqual({ a: '' });
  });
  it('stores __proto__ and constructor as data through a merge', () => {
    const patch = MetadataPatchSchema.parse(JSON.parse('{"__proto__":"x","constructor":"y"}'));
    const merged = mergeMetadata({}, patch);
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.keys(merged).sort()).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(merged, '__proto__')?.value).toBe('x');
    expect(Object.getOwnPropertyDescriptor(merged, 'constructor')?.value).toBe('y');
  });
  it('reports a merge that would exceed the key limit', () => {
    const merged = mergeMetadata(keys(METADATA_LIMITS.maxKeys), { extra: 'v' });
    expect(metadataKeyCountError(merged)).toMatch(/at most 50 keys; the merge would leave 51/);
    expect(metadataKeyCountError(keys(50))).toBeNull();
  });
});

describe('metadata errors say what is wrong, and where', () => {
  const issues = (schema: typeof MetadataSchema | typeof MetadataPatchSchema, value: unknown) =>
    (schema.safeParse(value).error?.issues ?? []).map((i) => ({
      path: i.path,
      message: i.message,
    }));

  it('refuses what is not a flat object', () => {
    for (const value of [null, [], 'text', 3, true]) {
      expect(issues(MetadataSchema, value)).toEqual([
        { path: [], message: 'Metadata must be a flat object.' },
      ]);
    }
    for (const value of [[], 'text', 3, true]) {
      expect(issues(MetadataPatchSchema, value)).toEqual([
        { path: [], message: 'Metadata must be a flat object of strings, or null.' },
      ]);
    }
  });

  it('names the key, the rule and the limit', () => {
    const long = 'k'.repeat(41);
    expect(issues(MetadataPatchSchema, { [long]: 'v', ok: 5, big: 'x'.repeat(501) })).toEqual([
      { path: [long], message: `Metadata keys must be 1-40 characters (metadata.${long}).` },
      {
        path: ['ok'],
        message: 'Metadata values must be strings; serialise number values yourself (metadata.ok).',
      },
      { path: ['big'], message: 'Metadata values must be at most 500 characters (metadata.big).' },
    ]);
    expect(issues(MetadataSchema, { '': 'v' })).toEqual([
      { path: [''], message: 'Metadata keys must be 1-40 characters (metadata.).' },
    ]);
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    expect(issues(MetadataSchema, many)).toEqual([
      { path: [], message: 'Metadata can hold at most 50 keys; got 51.' },
    ]);
    expect(MetadataSchema.safeParse({ ['k'.repeat(40)]: 'x'.repeat(500) }).success).toBe(true);
  });

  it('reads stored JSON text back', () => {
    expect(readMetadataJson('{"a":"1","__proto__":"p"}')).toEqual(
      JSON.parse('{"a":"1","__proto__":"p"}'),
    );
  });
});
