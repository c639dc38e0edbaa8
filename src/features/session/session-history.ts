import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { CaptureMode, SessionStatus } from '#contract';
import { sessionHistory, type StoredSession } from '../../lib/idb';
import { useApiClient } from '../../lib/api-context';

/** This device's sessions on one server, from IndexedDB (the API cannot list them). */
export const historyQueries = {
  all: () => ['session-history'] as const,
  list: (server: string) =>
    queryOptions({
      queryKey: [...historyQueries.all(), server] as const,
      queryFn: () => sessionHistory.list(server),
    }),
};

export interface SessionFacts {
  mode?: CaptureMode;
  status?: SessionStatus;
  captureCount?: number;
  photoCount?: number;
  createdAt?: number;
  /** The operator opened or scanned into it now (polling alone does not count as use). */
  used?: boolean;
}

/** Records what this device knows about a session; the home screen's history reads it. */
export function useRecordSession() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useCallback(
    async (id: string, facts: SessionFacts) => {
      const now = Date.now();
      const { used, ...known } = facts;
      const change: Partial<Omit<StoredSession, 'id'>> = Object.fromEntries(
        Object.entries(known).filter(([, v]) => v !== undefined),
      );
      if (used) change.lastUsedAt = now;
      const before = await sessionHistory.get(id);
      // Nothing new: no write, and no re-render of the history.
      if (
        before &&
        Object.entries(change).every(([k, v]) => before[k as keyof StoredSession] === v)
      )
        return;
      await sessionHistory.save(id, change, () => ({
        id,
        server: client.baseUrl,
        mode: facts.mode ?? 'barcode_scan',
        status: 'ACTIVE',
        captureCount: 0,
        photoCount: 0,
        createdAt: facts.createdAt ?? now,
        lastUsedAt: now,
      }));
      await queryClient.invalidateQueries({ queryKey: historyQueries.all() });
    },
    [client.baseUrl, queryClient],
  );
}
