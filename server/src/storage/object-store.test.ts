import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { objectStore } from './object-store';

describe('objectStore', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'objects-'));
  const store = objectStore(root);

  it('stores under the root', () => {
    store.put('sessions/a/front/x.png', new Uint8Array([1, 2, 3]));
    expect(readFileSync(path.join(root, 'sessions/a/front/x.png'))).toEqual(Buffer.from([1, 2, 3]));
  });

  it.each([
    '../escape.png',
    'a/../../escape.png',
    '/etc/passwd',
    'a//b.png',
    'a/./b.png',
    '',
    'a\\..\\b.png',
    'a/b\u0000.png',
  ])('refuses the key %j', (key) => {
    expect(store.isValidKey(key)).toBe(false);
    expect(() => store.put(key, new Uint8Array([0]))).toThrow(/Refused|escapes/);
  });
});
