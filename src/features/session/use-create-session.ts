import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type CaptureMode, SCANNER_API_PREFIX, SessionSummary, withLegacyId } from '#contract';
import { useApiClient } from '../../lib/api-context';
import { deviceContext } from './device-context';
import { sessionQueries } from './session-queries';

/** Starts a session with this browser's user agent and device context. */
export function useCreateSession() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ mode, context }: { mode: CaptureMode; context: Record<string, unknown> }) =>
      client.request(withLegacyId(SessionSummary), `${SCANNER_API_PREFIX}/sessions`, {
        method: 'POST',
        headers: { 'Idempotency-Key': crypto.randomUUID() },
        body: {
          capture_mode: mode,
          user_agent: navigator.userAgent,
          device_context: deviceContext(context),
        },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionQueries.all() }),
  });
}
