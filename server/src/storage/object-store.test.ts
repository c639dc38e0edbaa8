import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderObjects } from './object-store';

describe('folderObjects', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'objects-'));
  const store = folderObjects(root);

  it('stores under the root, reads back, and removes (twice without complaint)', async () => {
    await store.put('sessions/a/front/x.png', new Uint8Array([1, 2, 3]));
    expect(readFileSync(path.join(root, 'sessions/a/front/x.png'))).toEqual(Buffer.from([1, 2, 3]));
    expect(await store.get('sessions/a/front/x.png')).toEqual(new Uint8Array([1, 2, 3]));
    // Written under a temporary name, then renamed: nothing else is left in the folder.
    expect(readdirSync(path.join(root, 'sessions/a/front'))).toEqual(['x.png']);
    await store.remove('sessions/a/front/x.png');
    await store.remove('sessions/a/front/x.png');
    expect(await store.get('sessions/a/front/x.png')).toBeNull();
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
    `${'a'.repeat(600)}.png`,
  ])('refuses the key %j', async (key) => {
    expect(store.isValidKey(key)).toBe(false);
    await expect(store.put(key, new Uint8Array([0]))).rejects.toThrow(/Refused|escapes/);
    await expect(store.get(key)).rejects.toThrow(/Refused|escapes/);
  });
});
