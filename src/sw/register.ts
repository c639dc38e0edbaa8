import { Workbox } from 'workbox-window';
import { usePwaStore } from './pwa-store';

export type ServiceWorkerState = 'unsupported' | 'disabled' | 'registered' | 'failed';

/**
 * Browsers look for a new service worker when a page is navigated to; an installed app left
 * open on a tablet all day never navigates, so it also asks every hour.
 */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/**
 * Registers the service worker (production builds only: Vite's dev server has none).
 * This is the one file that imports workbox-window. `?sw=0` turns it off for a test run that
 * must see every request.
 */
export async function registerServiceWorker(location: Location): Promise<ServiceWorkerState> {
  if (!('serviceWorker' in navigator)) return 'unsupported';
  if (!import.meta.env.PROD || new URLSearchParams(location.search).get('sw') === '0') {
    return 'disabled';
  }
  try {
    const wb = new Workbox('/service-worker.js', { scope: '/' });
    // A new version waits until every window of the old one is closed, which on a tablet may be
    // never. Home offers to switch, once nothing is on its way to the server (a reload would
    // lose what is only in memory).
    wb.addEventListener('waiting', () =>
      usePwaStore.setState({
        applyUpdate: () => {
          wb.addEventListener('controlling', () => location.reload());
          wb.messageSkipWaiting();
        },
      }),
    );
    await wb.register();
    setInterval(() => {
      // Offline, or the server is away: the next hour will do.
      wb.update().catch(() => undefined);
    }, UPDATE_CHECK_MS);
    return 'registered';
  } catch {
    return 'failed';
  }
}
