/// <reference lib="webworker" />
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope;

// The build injects the list of hashed assets here, the wasm decoder among them.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Deep links (/sessions/:id/scan) open offline from the precached shell. API calls never do:
// a cached API answer would show an operator stale counts as if they were live.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    // /trust is the server's own page (--lan), not a route of the app.
    denylist: [/^\/scanner\/api\//, /^\/products\/api\//, /^\/healthz/, /^\/trust/],
  }),
);

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
