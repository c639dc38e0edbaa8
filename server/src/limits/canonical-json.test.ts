import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('writes scalars as JSON does, and undefined as null', () => {
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson('a"b')).toBe('"a\\"b"');
    expect(canonicalJson(1.5)).toBe('1.5');
    expect(canonicalJson(false)).toBe('false');
  });

  it('keeps array order and sorts object keys, at every depth', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ b: 2, a: 1 })).toBe(canonicalJson({ a: 1, b: 2 }));
    // Keys that sort differently by code unit than by locale still have one order.
    expect(canonicalJson({ a: 1, B: 2, _: 3, '10': 4, '9': 5 })).toBe(
      '{"10":4,"9":5,"B":2,"_":3,"a":1}',
    );
  });

  it('drops undefined members as JSON.stringify does, and tells different values apart', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson({ a: '1' })).not.toBe(canonicalJson({ a: 1 }));
    expect(canonicalJson(['a'])).not.toBe(canonicalJson({ 0: 'a' }));
    expect(canonicalJson({})).toBe('{}');
    expect(canonicalJson(JSON.parse('{"b":1,"__proto__":"x"}'))).toBe('{"__proto__":"x","b":1}');
    expect(canonicalJson([])).toBe('[]');
  });
});
