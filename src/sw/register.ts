import { Workbox } from 'workbox-window';

export type ServiceWorkerState = 'unsupported' | 'disabled' | 'registered' | 'failed';

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
    await wb.register();
    return 'registered';
  } catch {
    return 'failed';
  }
}
