import {
  type DBSchema,
  type IDBPDatabase,
  type IDBPObjectStore,
  openDB,
  type StoreNames,
} from 'idb';

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
 * Something on its way to the server, kept from the moment it was accepted until the server has
 * it, and afterwards as this device's record of it (its state, without heavy bytes). The outbox
 * (features/outbox) owns the meaning of each field.
 */
export interface StoredOutboxItem {
  /** The client's id, which is also the request's Idempotency-Key. */
  id: string;
  kind: string;
  server: string;
  sessionId: string;
  payload: unknown;
  summary: {
    title: string;
    detail?: string;
    /** A scan's product identity (GTIN-14 or the text), so a count finds the same product. */
    key?: string;
    /** A counted scan's quantity, when it is more than a plain scan. */
    quantity?: number;
  };
  attempts: number;
  createdAt: number;
  state: 'pending' | 'held' | 'refused' | 'sent';
  error?: { message: string; status: number | null; at: number };
  resultId?: string;
  sentAt?: number;
}

/** An item as version 3 of the database kept it. */
interface OutboxItemV3 {
  id: string;
  kind: string;
  server: string;
  sessionId: string;
  payload: unknown;
  createdAt: number;
  refused?: { message: string; status: number | null; at: number };
}

interface ScannerDb extends DBSchema {
  sessions: { key: string; value: StoredSession; indexes: { lastUsedAt: number } };
  thumbs: { key: string; value: StoredThumb; indexes: { savedAt: number } };
  outbox: {
    key: string;
    value: StoredOutboxItem;
    indexes: { createdAt: number; serverState: [string, string, number] };
  };
}

const titleOfV3 = (old: OutboxItemV3): string => {
  const value = (old.payload as { rawValue?: unknown } | null)?.rawValue;
  return typeof value === 'string' ? value : old.kind === 'photo' ? 'Photo' : 'Scan';
};

/** Rewrites version 3's outbox items in place (inside the upgrade's transaction). */
async function migrateOutboxV3(
  store: IDBPObjectStore<ScannerDb, ArrayLike<StoreNames<ScannerDb>>, 'outbox', 'versionchange'>,
) {
  let cursor = await store.openCursor();
  while (cursor) {
    const old = cursor.value as unknown as OutboxItemV3;
    const item: StoredOutboxItem = {
      id: old.id,
      kind: old.kind,
      server: old.server,
      sessionId: old.sessionId,
      payload: old.payload,
      summary: { title: titleOfV3(old) },
      attempts: 0,
      createdAt: old.createdAt,
      state: old.refused ? 'refused' : 'pending',
      ...(old.refused ? { error: old.refused } : {}),
    };
    await cursor.update(item);
    cursor = await cursor.continue();
  }
}

let db: Promise<IDBPDatabase<ScannerDb>> | null = null;

/** The app's IndexedDB, opened once; the only module that touches IndexedDB. */
function open(): Promise<IDBPDatabase<ScannerDb>> {
  db ??= openDB<ScannerDb>('closient-scanner', 4, {
    upgrade(database, oldVersion, _newVersion, transaction) {
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
      if (oldVersion < 4) {
        // The queue reads only its pending items, oldest first, not a day's record of sent ones.
        const outbox = transaction.objectStore('outbox');
        outbox.createIndex('serverState', ['server', 'state', 'createdAt']);
        // Items an older version left: pending (or refused) in the new shape, so none is lost.
        if (oldVersion === 3) void migrateOutboxV3(outbox);
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

/** The durable outbox's storage: what this device sent or has still to send, oldest first. */
export const outboxItems = {
  async list(server: string): Promise<StoredOutboxItem[]> {
    const all = await (await open()).getAllFromIndex('outbox', 'createdAt');
    return all.filter((item) => item.server === server);
  },
  /** This server's items in one state, oldest first. */
  async listIn(server: string, state: StoredOutboxItem['state']): Promise<StoredOutboxItem[]> {
    const range = IDBKeyRange.bound([server, state, -Infinity], [server, state, Infinity]);
    return (await open()).getAllFromIndex('outbox', 'serverState', range);
  },
  async get(id: string): Promise<StoredOutboxItem | undefined> {
    return (await open()).get('outbox', id);
  },
  async put(item: StoredOutboxItem): Promise<void> {
    await (await open()).put('outbox', item);
  },
  async delete(id: string): Promise<void> {
    await (await open()).delete('outbox', id);
  },
  /** A write and a delete, as the outbox will make them: proves the store works. */
  async probe(): Promise<void> {
    const database = await open();
    const id = `probe-${Date.now()}`;
    await database.put('outbox', {
      id,
      kind: 'probe',
      server: '\u0000probe',
      sessionId: '',
      payload: null,
      summary: { title: '' },
      attempts: 0,
      createdAt: 0,
      state: 'sent',
    });
    await database.delete('outbox', id);
  },
};
