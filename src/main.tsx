import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { preloadScreen } from './app/router';
import { listenForInstallOffer } from './sw/pwa-store';
import { registerServiceWorker } from './sw/register';
import './styles.css';

listenForInstallOffer(window);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// The first screen's code before the first render, so that its first commit is that screen
// (see lazyScreen); the server's preload hints have it downloading already.
void preloadScreen(window.location.pathname).then(() => {
  startTransition(() => {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
});
void registerServiceWorker(window.location);
