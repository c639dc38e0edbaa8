import { type DBSchema, type IDBPDatabase, openDB } from 'idb';

/** One session as this device remembers it: the API has no list of sessions (Part A). */
export interface StoredSession {
  id: string;
  /** The API base URL it lives on ('' is the embedded server): history is per server. */
  server: string;
  mode: 'barcode_scan' | 'product_photography' | 'both';
  status: 'ACTIVE' | 'COMPLETED' | 'EXPIRED';
  captureCount: number;
  photoCount: number;
  createdAt: number;
  lastUsedAt: number;
}

interface ScannerDb extends DBSchema {
  sessions: { key: string; value: StoredSession; indexes: { lastUsedAt: number } };
}

let db: Promise<IDBPDatabase<ScannerDb>> | null = null;

/** The app's IndexedDB, opened once; the only module that touches IndexedDB. */
function open(): Promise<IDBPDatabase<ScannerDb>> {
  db ??= openDB<ScannerDb>('closient-scanner', 1, {
    upgrade(database) {
      const sessions = database.createObjectStore('sessions', { keyPath: 'id' });
      sessions.createIndex('lastUsedAt', 'lastUsedAt');
    },
  });
  return db;
}

export const sessionHistory = {
  /** This server's sessions, most recently used first. */
  async list(server: string): Promise<StoredSession[]> {
    const all = await (await open()).getAllFromIndex('sessions', 'lastUsedAt');
    return all.filter((s) => s.server === server).reverse();
  },
  async get(id: string): Promise<StoredSession | undefined> {
    return (await open()).get('sessions', id);
  },
  /** Adds or updates a session, in one transaction so concurrent updates do not drop fields. */
  async save(
    id: string,
    change: Partial<Omit<StoredSession, 'id'>>,
    create: () => StoredSession,
  ): Promise<StoredSession> {
    const tx = (await open()).transaction('sessions', 'readwrite');
    const current = (await tx.store.get(id)) ?? create();
    const next = { ...current, ...change, id };
    await tx.store.put(next);
    await tx.done;
    return next;
  },
};
