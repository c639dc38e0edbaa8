import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where uploaded images go. The server only needs these four operations, so another backend
 * (a bucket) is one more adapter; the local folder is the default, and a shared folder (NFS)
 * serves several instances.
 */
export interface ObjectStore {
  /** Whether `key` is one this store accepts: no `..`, no leading slash, no empty segment. */
  isValidKey(key: string): boolean;
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The object's bytes, or null when there is none under `key`. */
  get(key: string): Promise<Uint8Array | null>;
  /** Removes the object; removing a missing one is not an error. */
  remove(key: string): Promise<void>;
}

const KEY = /^[A-Za-z0-9_-][A-Za-z0-9/_.-]{0,511}$/;

/** Whether every adapter accepts `key`. */
export function isValidKey(key: string): boolean {
  try {
    checkKey(key);
    return true;
  } catch {
    return false;
  }
}

/** The keys every adapter accepts: a safe path, no `..` or `.` segment, no empty one. */
export function checkKey(key: string): string {
  if (!KEY.test(key) || key.split('/').some((s) => s === '..' || s === '.' || s === '')) {
    throw new Error(`Refused object key ${JSON.stringify(key)}`);
  }
  return key;
}

/**
 * Objects as files under one root. Keys are checked twice: by pattern and by the resolved
 * path, so nothing lands outside the root. A file is written under a temporary name and then
 * renamed, so another instance on the same shared folder never reads half of one.
 */
export function folderObjects(root: string): ObjectStore {
  const resolve = (key: string): string => {
    const full = path.resolve(root, checkKey(key));
    if (!full.startsWith(path.resolve(root) + path.sep))
      throw new Error(`Object key escapes the store: ${key}`);
    return full;
  };
  return {
    // A valid key always resolves inside the root: resolve() checks that too, on every use.
    isValidKey,
    async put(key, bytes) {
      const file = resolve(key);
      await mkdir(path.dirname(file), { recursive: true });
      const partial = `${file}.${randomUUID()}.partial`;
      try {
        await writeFile(partial, bytes);
        await rename(partial, file);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(resolve(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async remove(key) {
      await rm(resolve(key), { force: true });
    },
  };
}
