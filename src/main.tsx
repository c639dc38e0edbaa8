import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { listenForInstallOffer } from './sw/pwa-store';
import { registerServiceWorker } from './sw/register';
import './styles.css';

listenForInstallOffer(window);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
startTransition(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
void registerServiceWorker(window.location);
