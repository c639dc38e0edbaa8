import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type CaptureMode, SCANNER_API_PREFIX, SessionSummary, withLegacyId } from '#contract';
import { useApiClient } from '../../lib/api-context';
import { deviceContext } from './device-context';
import { sessionQueries } from './session-queries';
import { useRecordSession } from './session-history';

/** Starts a session with this browser's user agent and device context. */
export function useCreateSession() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const record = useRecordSession();
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
    onSuccess: async (session) => {
      await record(session.id, {
        mode: session.capture_mode,
        status: session.status,
        createdAt: Date.parse(session.created),
        used: true,
      });
      await queryClient.invalidateQueries({ queryKey: sessionQueries.all() });
    },
  });
}
