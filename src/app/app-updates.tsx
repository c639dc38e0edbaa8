import { useIsMutating } from '@tanstack/react-query';
import { useState } from 'react';
import { unsavedJobCount, usePhotoJobsStore } from '../features/photos/photo-jobs-store';
import { installApp, usePwaStore } from '../sw/pwa-store';

/**
 * Home's app card: "Install the app" where the browser offers it, and "Update now" when a new
 * version is waiting. Updating reloads the page, which would drop scans and photos that are
 * still only in memory, so it waits until they have reached the server.
 */
export function AppUpdates() {
  const installOffer = usePwaStore((s) => s.installOffer);
  const applyUpdate = usePwaStore((s) => s.applyUpdate);
  // Captures, photo registrations and other changes still on their way, and photos not saved.
  const inFlight = useIsMutating();
  const unsaved = usePhotoJobsStore((s) => unsavedJobCount(s));
  const [declined, setDeclined] = useState(false);
  if (!installOffer && !applyUpdate && !declined) return null;

  const waitingFor = inFlight + unsaved;
  return (
    <section className="card stack" aria-labelledby="app-heading">
      <h2 id="app-heading">This app</h2>
      {installOffer && (
        <div className="row">
          <p>Install the scanner to start it from the home screen, full screen and offline.</p>
          <button
            type="button"
            className="button"
            onClick={() => {
              void installApp().then((outcome) => setDeclined(outcome === 'dismissed'));
            }}
          >
            Install the app
          </button>
        </div>
      )}
      {declined && !installOffer && (
        <p className="muted">Not installed. The browser menu can install it later.</p>
      )}
      {applyUpdate && (
        <div className="row" role="status">
          <p>
            A new version of the app is ready.
            {waitingFor > 0 &&
              ` It will be ready to switch once ${waitingFor} ${waitingFor === 1 ? 'item has' : 'items have'} reached the server.`}
          </p>
          <button type="button" className="button" disabled={waitingFor > 0} onClick={applyUpdate}>
            Update now
          </button>
        </div>
      )}
    </section>
  );
}
