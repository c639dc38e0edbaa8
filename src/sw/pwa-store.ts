import { create } from 'zustand';

/** Chromium's BeforeInstallPromptEvent, which the DOM typings do not have. */
export interface InstallOffer extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

interface PwaState {
  /** Set while the browser offers to install the app. An offer can be shown once. */
  installOffer: InstallOffer | null;
  /** Set when a new version is installed and waiting; calling it switches over and reloads. */
  applyUpdate: (() => void) | null;
}

/** What the browser offers the installed app; set by the service worker's side, read by Home. */
export const usePwaStore = create<PwaState>()(() => ({ installOffer: null, applyUpdate: null }));

/**
 * Keeps the browser's install offer for Home's "Install the app" button. It must listen from
 * the start: Chromium fires the event once, early, often before Home has rendered.
 */
export function listenForInstallOffer(target: Window): void {
  target.addEventListener('beforeinstallprompt', (event) => {
    // Chromium's own mini-infobar would cover the scanner's bottom sheet; Home offers a button.
    event.preventDefault();
    usePwaStore.setState({ installOffer: event as InstallOffer });
  });
  target.addEventListener('appinstalled', () => usePwaStore.setState({ installOffer: null }));
}

/** Shows the browser's install dialog; the offer is spent whatever the answer. */
export async function installApp(): Promise<'accepted' | 'dismissed' | 'unavailable'> {
  const offer = usePwaStore.getState().installOffer;
  if (!offer) return 'unavailable';
  usePwaStore.setState({ installOffer: null });
  await offer.prompt();
  return (await offer.userChoice).outcome;
}
