import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../lib/api-context';
import { connectionQueries } from './connection-queries';
import { useSettingsStore } from './settings-store';

export type ConnectionState =
  | { state: 'none' }
  | { state: 'checking' }
  | { state: 'connected'; version: string }
  | { state: 'key-rejected' | 'unreachable' | 'unexpected'; message: string };

/** This device's connection as the server sees it: no key, a key it takes, or why not. */
export function useConnectionState(): ConnectionState {
  const baseUrl = useSettingsStore((s) => s.apiBaseUrl);
  const apiKey = useSettingsStore((s) => s.apiKey);
  const client = useApiClient();
  const verified = useQuery(connectionQueries.verified(client, baseUrl, apiKey));
  if (apiKey === '') return { state: 'none' };
  if (!verified.data) return { state: 'checking' };
  return verified.data.ok
    ? { state: 'connected', version: verified.data.version }
    : { state: verified.data.problem, message: verified.data.message };
}

/** Whether starting a session should go by "Connect this device" first. */
export const needsConnecting = (connection: ConnectionState) =>
  connection.state === 'none' || connection.state === 'key-rejected';
