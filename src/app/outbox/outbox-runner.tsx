import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useMemo } from 'react';
import { toast } from '../../components/toasts';
import { useApiClient } from '../../lib/api-context';
import { OutboxProvider } from '../../features/outbox/outbox-context';

/**
 * The app's one outbox for the current server: made with its handlers and its devices
 * (IndexedDB, Web Locks, localStorage, a BroadcastChannel to the other tabs) and run for as long
 * as the app is open. Its events keep the screens' mirror, the photo tray and the session queries
 * up to date, in this tab and the others.
 *
 * Its code (handlers, response schemas, IndexedDB) is a chunk of its own, asked for at once but
 * off the first paint's path: Home shows before it arrives, and a screen that sends something
 * waits for it (`useOutbox` suspends).
 */
export function OutboxRunner({ children }: { children: ReactNode }) {
  const client = useApiClient();
  const server = client.baseUrl;
  const queryClient = useQueryClient();
  const channel = useMemo(
    () =>
      typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('closient-outbox'),
    [],
  );
  const made = useMemo(
    () =>
      import('./outbox-live').then((live) => ({
        live,
        made: live.makeOutbox(client, queryClient, channel),
      })),
    [client, queryClient, channel],
  );
  const outbox = useMemo(() => made.then((m) => m.made.outbox), [made]);

  useEffect(() => {
    let stop: (() => void) | null = null;
    let live = true;
    void made.then(
      ({ live: code, made: outbox }) => {
        if (!live) return;
        stop = code.runOutbox(outbox, server, channel);
      },
      (error: unknown) => {
        // The chunk did not load (offline before the service worker had it): nothing is lost, as
        // scans wait in IndexedDB, but none is sent until the app loads again.
        toast(`Scans cannot be sent until the app is reloaded: ${String(error)}`);
      },
    );
    return () => {
      live = false;
      stop?.();
    };
  }, [made, server, channel]);

  return <OutboxProvider outbox={outbox}>{children}</OutboxProvider>;
}
