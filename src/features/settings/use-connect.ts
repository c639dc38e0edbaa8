import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useApiClient } from '../../lib/api-context';
import { checkConnection, type ConnectionCheck } from './connection-check';
import { connectionQueries } from './connection-queries';
import { type Connection, useSettingsStore } from './settings-store';

export type ConnectPhase =
  { phase: 'idle' } | { phase: 'checking' } | { phase: 'refused'; message: string };

/**
 * Checks a connection with the server before keeping it. A key the server refuses is not kept;
 * a server that does not answer (a phone between networks) keeps the key unverified, since
 * losing it would be worse, and Home says it is not verified yet.
 */
export function useConnect() {
  const queryClient = useQueryClient();
  const client = useApiClient();
  const connectionSaved = useSettingsStore((s) => s.connectionSaved);
  const [state, setState] = useState<ConnectPhase>({ phase: 'idle' });
  const run = useCallback(
    /** `known`: a check already made for this connection, so it is not asked twice. */
    async (connection: Connection, known?: ConnectionCheck): Promise<boolean> => {
      setState({ phase: 'checking' });
      const check = known ?? (await checkConnection(client, connection));
      if (!check.ok && check.problem !== 'unreachable') {
        setState({ phase: 'refused', message: check.message });
        return false;
      }
      connectionSaved(connection);
      // Home reads the saved key's verdict from this query: seed it with what was just learnt.
      const saved = useSettingsStore.getState();
      queryClient.setQueryData(
        connectionQueries.verified(client, saved.apiBaseUrl, saved.apiKey).queryKey,
        check,
      );
      setState({ phase: 'idle' });
      return true;
    },
    [client, connectionSaved, queryClient],
  );
  return useMemo(() => ({ ...state, run }), [state, run]);
}

export type Connect = ReturnType<typeof useConnect>;
