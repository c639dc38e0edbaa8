import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const KEY = /^[A-Za-z0-9_-][A-Za-z0-9/_.-]{0,511}$/;

/**
 * Stores uploaded objects as files under one root. Keys are checked twice: by pattern (no
 * `..` segment, no leading slash) and by the resolved path, so nothing lands outside the root.
 */
export function objectStore(root: string) {
  const resolve = (key: string): string => {
    if (!KEY.test(key) || key.split('/').some((s) => s === '..' || s === '.' || s === '')) {
      throw new Error(`Refused object key ${JSON.stringify(key)}`);
    }
    const full = path.resolve(root, key);
    if (!full.startsWith(path.resolve(root) + path.sep))
      throw new Error(`Object key escapes the store: ${key}`);
    return full;
  };
  return {
    isValidKey(key: string): boolean {
      try {
        resolve(key);
        return true;
      } catch {
        return false;
      }
    },
    put(key: string, bytes: Uint8Array): void {
      const file = resolve(key);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, bytes);
    },
    remove(key: string): void {
      rmSync(resolve(key), { force: true });
    },
    pathOf: resolve,
  };
}

export type ObjectStore = ReturnType<typeof objectStore>;
