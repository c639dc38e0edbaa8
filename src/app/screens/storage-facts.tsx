import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { storageState, type StorageState } from '../../lib/storage';
import { unsent, useOutboxStore } from '../../features/outbox/outbox-store';

const MB = 1024 * 1024;
const megabytes = (bytes: number | null) =>
  bytes === null ? '?' : `${(bytes / MB).toFixed(1)} MB`;

/**
 * What this device keeps and how safely: whether the browser promised to keep it, the space
 * used and free, and what the outbox holds. Support reads it when a scan seems lost.
 */
export function StorageFacts() {
  const [state, setState] = useState<StorageState | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [waiting, refused] = useOutboxStore(
    useShallow((s) => {
      const all = Object.values(s.items);
      return [all.filter(unsent).length, all.filter((i) => i.state === 'refused').length];
    }),
  );
  useEffect(() => {
    storageState().then(setState, (error: unknown) =>
      setFailed(error instanceof Error ? error.message : String(error)),
    );
  }, []);
  const quota = state?.quotaBytes ?? null;
  const used = state?.usedBytes ?? null;
  const free = quota !== null && used !== null ? quota - used : null;
  return (
    <section className="card" aria-labelledby="storage-heading">
      <h2 id="storage-heading">Storage on this device</h2>
      {failed && <p role="alert">The browser did not say: {failed}</p>}
      <dl className="facts">
        <dt>Kept under storage pressure</dt>
        <dd data-testid="storage-persisted">
          {(state?.persisted ?? null) === null
            ? '—'
            : state?.persisted
              ? 'Yes (persisted)'
              : 'No: the browser may clear it when space runs low'}
        </dd>
        <dt>Used / free</dt>
        <dd data-testid="storage-space">
          {megabytes(state?.usedBytes ?? null)} / {megabytes(free)}
        </dd>
        <dt>Waiting to be sent / refused</dt>
        <dd data-testid="storage-outbox">
          {waiting} / {refused}
        </dd>
      </dl>
    </section>
  );
}
