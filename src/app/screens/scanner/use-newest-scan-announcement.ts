import { useCallback, useEffect, useRef, useState } from 'react';
import { QUEUED_STATE, STATES } from '../../../components/states';
import type { LocalScan } from '../../../features/scans/recent-scans';
import type { Announce } from './use-scan-feedback';

/**
 * Each scan's later state (queued and why, or refused) is announced once, and only while it is
 * the newest scan: an older scan's state never replaces a newer scan's announcement (its row in
 * the list shows it). Returns `newestIs(id)`, called when a scan is kept (or with null when one
 * could not be kept, which is then the newest word).
 */
export function useNewestScanAnnouncement(scans: LocalScan[], announce: Announce) {
  // State, not a ref: the effect must also run when the scan's item reached the list first.
  const [latestId, setLatestId] = useState<string | null>(null);
  const announcedState = useRef<LocalScan['state']>('sending');
  const newest = scans[0];
  useEffect(() => {
    if (!newest || latestId !== newest.clientId || announcedState.current === newest.state) return;
    announcedState.current = newest.state;
    if (newest.state === 'queued')
      announce(QUEUED_STATE[newest.queuedBecause ?? 'unconfirmed'], newest.value);
    else if (newest.state === 'failed')
      announce(STATES.notSaved, `${newest.value}: ${newest.error ?? ''}`);
  }, [newest, latestId, announce]);

  return useCallback((id: string | null) => {
    announcedState.current = 'sending';
    setLatestId(id);
  }, []);
}
