import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { checkApiKey } from '#contract';
import { useSettingsStore } from '../../features/settings/settings-store';

/**
 * `/connect#key=…&api=…` saves the connection and goes home. The key travels in the fragment,
 * which is never sent to a server, and the history entry is replaced so it does not stay there.
 */
export function ConnectRoute() {
  const navigate = useNavigate();
  const connectionSaved = useSettingsStore((s) => s.connectionSaved);
  useEffect(() => {
    const params = new URLSearchParams(window.location.hash.slice(1));
    const key = params.get('key') ?? '';
    const api = params.get('api') ?? '';
    const sameOrigin = api === '' || api.replace(/\/+$/, '') === window.location.origin;
    if (checkApiKey(key).ok) connectionSaved({ apiKey: key, apiBaseUrl: sameOrigin ? '' : api });
    void navigate('/', { replace: true });
  }, [connectionSaved, navigate]);
  return <p>Connecting…</p>;
}
