/**
 * Keeps the screen on while the signal is live: an operator scanning a shelf does not touch the
 * screen, and a phone that dims and locks mid-shelf loses the camera. The browser drops the lock
 * when the page is hidden; the camera restarts on return and asks again.
 */
export function holdScreenAwake(signal: AbortSignal): void {
  const wakeLock = (navigator as Partial<Navigator>).wakeLock;
  if (!wakeLock || signal.aborted) return;
  wakeLock.request('screen').then(
    (sentinel) => {
      if (signal.aborted) void sentinel.release();
      else signal.addEventListener('abort', () => void sentinel.release(), { once: true });
    },
    // Refused (battery saver, no user activation yet): scanning goes on without it.
    () => undefined,
  );
}
