import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3 } from '../test/s3';
import { folderObjects, type ObjectStore } from './object-store';

const BAD_KEYS = [
  '../escape.png',
  'a/../../escape.png',
  '/etc/passwd',
  'a//b.png',
  'a/./b.png',
  '',
  'a\\..\\b.png',
  'a/b\u0000.png',
  `${'a'.repeat(600)}.png`,
];

/** What every adapter promises. */
function behavesAsAnObjectStore(name: string, open: () => ObjectStore) {
  describe(`${name}: the ObjectStore contract`, () => {
    it('keeps bytes under a key, reads them back, and removes them (twice, no error)', async () => {
      const store = open();
      const bytes = new Uint8Array([0, 1, 2, 255]);
      await store.put('sessions/a/front/x.png', bytes);
      expect(await store.get('sessions/a/front/x.png')).toEqual(bytes);
      await store.put('sessions/a/front/x.png', new Uint8Array([9]));
      expect(await store.get('sessions/a/front/x.png')).toEqual(new Uint8Array([9]));
      await store.remove('sessions/a/front/x.png');
      await store.remove('sessions/a/front/x.png');
      expect(await store.get('sessions/a/front/x.png')).toBeNull();
      expect(await store.get('never/put.png')).toBeNull();
    });

    it.each(BAD_KEYS)('refuses the key %j', async (key) => {
      const store = open();
      expect(store.isValidKey(key)).toBe(false);
      await expect(store.put(key, new Uint8Array([0]))).rejects.toThrow(/Refused|escapes/);
      await expect(store.get(key)).rejects.toThrow(/Refused|escapes/);
    });
  });
}

const root = mkdtempSync(path.join(os.tmpdir(), 'objects-'));
behavesAsAnObjectStore('folderObjects', () => folderObjects(root));

let s3: Awaited<ReturnType<typeof startS3>>;
beforeAll(async () => {
  s3 = await startS3();
});
afterAll(() => s3.stop());
behavesAsAnObjectStore('s3Objects (AWS SDK against an S3-compatible server)', () =>
  s3.store('scanner/'),
);

describe('folderObjects', () => {
  it('writes under a temporary name and renames: no partial file is ever left', async () => {
    await folderObjects(root).put('sessions/b/x.png', new Uint8Array([1, 2, 3]));
    expect(readFileSync(path.join(root, 'sessions/b/x.png'))).toEqual(Buffer.from([1, 2, 3]));
    expect(readdirSync(path.join(root, 'sessions/b'))).toEqual(['x.png']);
  });
});

describe('s3Objects', () => {
  it('puts every key under its prefix, so one bucket can hold more than this', async () => {
    await s3.store('store-7/').put('sessions/c/x.png', new Uint8Array([7]));
    expect(await s3.store('store-7/').get('sessions/c/x.png')).toEqual(new Uint8Array([7]));
    expect(await s3.store('other/').get('sessions/c/x.png')).toBeNull();
    expect(await s3.store().get('store-7/sessions/c/x.png')).toEqual(new Uint8Array([7]));
  });
});
