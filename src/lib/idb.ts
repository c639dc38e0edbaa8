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

/** A gallery thumbnail made on this device, keyed by the photo's storage key. */
export interface StoredThumb {
  s3Key: string;
  blob: Blob;
  savedAt: number;
}

/**
 * Something on its way to the server, kept until the server has it, so that a reload, a crash
 * or a closed tab while offline loses nothing. The payload is the feature's own (and checked by
 * it when read back: an older version of the app may have written it).
 */
export interface StoredOutboxItem {
  /** The client's id, which is also the request's Idempotency-Key. */
  id: string;
  kind: 'capture' | 'photo';
  server: string;
  sessionId: string;
  payload: unknown;
  createdAt: number;
  /** The server refused it for good (a 4xx): kept to be shown, not sent again. */
  refused?: { message: string; status: number | null; at: number };
}

interface ScannerDb extends DBSchema {
  sessions: { key: string; value: StoredSession; indexes: { lastUsedAt: number } };
  thumbs: { key: string; value: StoredThumb; indexes: { savedAt: number } };
  outbox: { key: string; value: StoredOutboxItem; indexes: { createdAt: number } };
}

let db: Promise<IDBPDatabase<ScannerDb>> | null = null;

/** The app's IndexedDB, opened once; the only module that touches IndexedDB. */
function open(): Promise<IDBPDatabase<ScannerDb>> {
  db ??= openDB<ScannerDb>('closient-scanner', 3, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) {
        const sessions = database.createObjectStore('sessions', { keyPath: 'id' });
        sessions.createIndex('lastUsedAt', 'lastUsedAt');
      }
      if (oldVersion < 2) {
        const thumbs = database.createObjectStore('thumbs', { keyPath: 's3Key' });
        thumbs.createIndex('savedAt', 'savedAt');
      }
      if (oldVersion < 3) {
        const outbox = database.createObjectStore('outbox', { keyPath: 'id' });
        outbox.createIndex('createdAt', 'createdAt');
      }
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

/** Thumbnails kept so far, at most: about 30 MB of 320 px WebP. */
const MAX_THUMBS = 2_000;

/**
 * Photo thumbnails made on this device. The API has no way to read a photo back, so the
 * gallery shows what this device took; photos from elsewhere show their type only.
 */
export const thumbnails = {
  async get(s3Key: string): Promise<Blob | undefined> {
    return (await (await open()).get('thumbs', s3Key))?.blob;
  },
  async save(s3Key: string, blob: Blob): Promise<void> {
    const database = await open();
    await database.put('thumbs', { s3Key, blob, savedAt: Date.now() });
    // Oldest first: past the cap, the oldest thumbnails go.
    const excess = (await database.count('thumbs')) - MAX_THUMBS;
    if (excess <= 0) return;
    const tx = database.transaction('thumbs', 'readwrite');
    let cursor = await tx.store.index('savedAt').openCursor();
    for (let i = 0; cursor && i < excess; i++) {
      await cursor.delete();
      cursor = await cursor.continue();
    }
    await tx.done;
  },
};

/** The durable outbox: what this device has not yet got onto a server, oldest first. */
export const outboxItems = {
  async list(server: string): Promise<StoredOutboxItem[]> {
    const all = await (await open()).getAllFromIndex('outbox', 'createdAt');
    return all.filter((item) => item.server === server);
  },
  async put(item: StoredOutboxItem): Promise<void> {
    await (await open()).put('outbox', item);
  },
  async delete(id: string): Promise<void> {
    await (await open()).delete('outbox', id);
  },
};
