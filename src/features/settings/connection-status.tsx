import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { StatusBadge } from '../../components/status-badge';
import { useApiClient } from '../../lib/api-context';
import { connectionQueries } from './connection-queries';
import { useSettingsStore } from './settings-store';
import { needsConnecting, useConnectionState } from './use-connection-state';

/** Where the app is pointed, whether that server answers, and whether it takes this key. */
export function ConnectionStatus() {
  const client = useApiClient();
  const baseUrl = useSettingsStore((s) => s.apiBaseUrl);
  const health = useQuery(connectionQueries.health(client, baseUrl));
  const connection = useConnectionState();
  const target = baseUrl === '' ? 'Local server' : new URL(baseUrl).host;

  return (
    <section className="card" aria-labelledby="connection-heading">
      <h2 id="connection-heading">Connection</h2>
      <p className="row">
        <span>{target}</span>
        {health.isPending ? (
          <StatusBadge tone="neutral">Checking…</StatusBadge>
        ) : !health.isSuccess ? (
          <StatusBadge tone="rejected">Unreachable</StatusBadge>
        ) : connection.state === 'connected' ? (
          <StatusBadge tone="accepted">Connected · v{health.data.version}</StatusBadge>
        ) : connection.state === 'key-rejected' ? (
          <StatusBadge tone="rejected">Key refused</StatusBadge>
        ) : (
          <StatusBadge tone="accepted">Online · v{health.data.version}</StatusBadge>
        )}
      </p>
      <p className="muted">
        {connection.state === 'none'
          ? 'No API key saved yet.'
          : connection.state === 'key-rejected'
            ? connection.message
            : connection.state === 'checking'
              ? 'Checking the key with the server…'
              : 'API key saved on this device.'}
      </p>
      {needsConnecting(connection) && (
        <Link to="/connect" className="button">
          Connect this device
        </Link>
      )}
    </section>
  );
}
