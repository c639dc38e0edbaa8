import { useQuery } from '@tanstack/react-query';
import { StatusBadge } from '../../components/status-badge';
import { useApiClient } from '../../lib/api-context';
import { connectionQueries } from './connection-queries';
import { useSettingsStore } from './settings-store';

/** Where the app is pointed, and whether that server answers. */
export function ConnectionStatus() {
  const client = useApiClient();
  const baseUrl = useSettingsStore((s) => s.apiBaseUrl);
  const hasKey = useSettingsStore((s) => s.apiKey !== '');
  const health = useQuery(connectionQueries.health(client, baseUrl));
  const target = baseUrl === '' ? 'Local server' : new URL(baseUrl).host;

  return (
    <section className="card" aria-labelledby="connection-heading">
      <h2 id="connection-heading">Connection</h2>
      <p className="row">
        <span>{target}</span>
        {health.isPending ? (
          <StatusBadge tone="neutral">Checking…</StatusBadge>
        ) : health.isSuccess ? (
          <StatusBadge tone="ok">Online · v{health.data.version}</StatusBadge>
        ) : (
          <StatusBadge tone="error">Unreachable</StatusBadge>
        )}
      </p>
      <p className="muted">{hasKey ? 'API key saved on this device.' : 'No API key saved yet.'}</p>
    </section>
  );
}
