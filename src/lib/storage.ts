import { outboxItems } from './idb';

export interface StorageState {
  /** The browser promised not to evict this origin's data under storage pressure. */
  persisted: boolean | null;
  usedBytes: number | null;
  quotaBytes: number | null;
}

/** Why this device cannot keep scans, in the operator's words, from a failed probe. */
export class StorageUnavailableError extends Error {
  override name = 'StorageUnavailableError';
}

/**
 * Proves this device can keep scans before anything depends on it: a write and a delete in the
 * outbox's own store. A private window, a disabled IndexedDB or a full disk fails here, before a
 * session is made on the server, instead of losing the first offline scan.
 */
export async function probeStorage(): Promise<void> {
  try {
    await outboxItems.probe();
  } catch (error) {
    const quota = error instanceof DOMException && error.name === 'QuotaExceededError';
    throw new StorageUnavailableError(
      quota
        ? 'This device is out of storage space, so scans could not be kept if the network dropped. Free some space, then start again.'
        : `This browser does not let the app keep scans on this device (${error instanceof Error ? error.message : String(error)}), so a scan made offline would be lost. Leave private browsing or allow site data, then start again.`,
    );
  }
}

/**
 * Asks the browser to keep this origin's data under storage pressure (the outbox holds scans
 * that are not on the server yet). Asked once, at the first session; the answer is the
 * browser's (Chromium grants it to installed apps and to sites the user engages with).
 */
export async function requestPersistence(): Promise<boolean | null> {
  const storage = navigator.storage as StorageManager | undefined;
  if (!storage?.persist) return null;
  if (await storage.persisted()) return true;
  return storage.persist();
}

export async function storageState(): Promise<StorageState> {
  const storage = navigator.storage as StorageManager | undefined;
  if (!storage?.estimate) return { persisted: null, usedBytes: null, quotaBytes: null };
  const [persisted, estimate] = await Promise.all([
    storage.persisted ? storage.persisted() : Promise.resolve(null),
    storage.estimate(),
  ]);
  return {
    persisted,
    usedBytes: estimate.usage ?? null,
    quotaBytes: estimate.quota ?? null,
  };
}
